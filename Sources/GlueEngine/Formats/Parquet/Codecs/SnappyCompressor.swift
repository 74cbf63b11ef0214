extension Snappy {
    /// Blocks shorter than this are written as one literal; the matcher's 4- and 8-byte loads
    /// stay this far from a block's end.
    private static let inputMargin = 15
    /// The hash table of one block: at most 2^14 entries, each a position in the block.
    private static let maxTableBits = 14

    /// Compresses `input` to a raw Snappy stream (preamble + elements).
    ///
    /// Input is split into 64 KiB blocks, matched independently. In each block a hash table
    /// maps 4-byte sequences to their last position; a hit that really matches becomes a copy
    /// (extended 8 bytes at a time), the bytes before it a literal. Where nothing matches the
    /// search skips ahead faster and faster, so incompressible data costs little.
    ///
    /// - Precondition: `input.count` is below 4 GiB (the preamble's limit); Parquet pages are
    ///   below 2 GiB, and `ParquetCodec.compress` checks that before calling this.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        precondition(input.count <= Int(UInt32.max), "a snappy stream holds at most 4 GiB")
        let bound = maxCompressedLength(input.count)
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 1 << maxTableBits)
        defer { table.deallocate() }
        return input.withUnsafeBytes { source in
            [UInt8](unsafeUninitializedCapacity: bound) { out, written in
                guard let start = UnsafeMutableRawPointer(out.baseAddress) else { return }
                var op = writeVarint(UInt32(source.count), to: start)
                if let base = source.baseAddress {
                    var position = 0
                    while position < source.count {
                        let length = min(blockSize, source.count - position)
                        let canOverread = position + length + 16 <= source.count
                        op = compressBlock(base + position, count: length, canOverread: canOverread,
                                           into: op, table: table)
                        position += length
                    }
                }
                written = start.distance(to: op)
            }
        }
    }

    @inline(__always)
    private static func hash(_ bytes: UInt32, _ shift: UInt32) -> Int {
        Int(truncatingIfNeeded: (bytes &* 0x1E35_A7BD) >> shift)
    }

    /// Compresses one block of at most 64 KiB (`b[0..<n]`) into `out`; returns the end.
    /// `canOverread` says 16 bytes may be read past the block (more input follows), which
    /// lets short literals at its end be copied with two 8-byte moves.
    private static func compressBlock(_ b: UnsafeRawPointer, count n: Int, canOverread: Bool,
                                      into out: UnsafeMutableRawPointer,
                                      table: UnsafeMutablePointer<UInt16>) -> UnsafeMutableRawPointer {
        var op = out
        var nextEmit = 0
        if n >= inputMargin {
            var tableSize = 256
            var shift: UInt32 = 32 - 8
            while tableSize < (1 << maxTableBits) && tableSize < n {
                tableSize <<= 1
                shift -= 1
            }
            table.update(repeating: 0, count: tableSize)
            let ipLimit = n - inputMargin
            var ip = 1
            var nextHash = hash(load32(b, ip), shift)
            outer: while true {
                // Look for a 4-byte match; after 32 misses, step 2 bytes, after 64, 3...
                var skip = 32
                var nextIp = ip
                var candidate = 0
                repeat {
                    ip = nextIp
                    let h = nextHash
                    nextIp = ip &+ (skip &>> 5)
                    skip &+= 1
                    if nextIp > ipLimit { break outer }
                    candidate = Int(table[h])
                    table[h] = UInt16(truncatingIfNeeded: ip)
                    nextHash = hash(load32(b, nextIp), shift)
                } while load32(b, ip) != load32(b, candidate)

                op = emitLiteral(b + nextEmit, count: ip - nextEmit, fast: true, to: op)

                // Emit copies while the position right after a copy matches again.
                repeat {
                    let matched = 4 &+ matchLength(b, candidate &+ 4, ip &+ 4, limit: n)
                    op = emitCopy(offset: ip &- candidate, length: matched, to: op)
                    ip &+= matched
                    nextEmit = ip
                    if ip >= ipLimit { break outer }
                    table[hash(load32(b, ip &- 1), shift)] = UInt16(truncatingIfNeeded: ip &- 1)
                    let h = hash(load32(b, ip), shift)
                    candidate = Int(table[h])
                    table[h] = UInt16(truncatingIfNeeded: ip)
                } while load32(b, ip) == load32(b, candidate)
                ip += 1
                nextHash = hash(load32(b, ip), shift)
            }
        }
        if nextEmit < n {
            op = emitLiteral(b + nextEmit, count: n - nextEmit, fast: canOverread, to: op)
        }
        return op
    }

    /// How many bytes at `b[s2...]` (up to `limit`) equal those at `b[s1...]` (`s1 < s2`).
    @inline(__always)
    private static func matchLength(_ b: UnsafeRawPointer, _ s1: Int, _ s2: Int, limit: Int) -> Int {
        var matched = 0
        while s2 &+ matched &+ 8 <= limit {
            let diff = load64(b, s1 &+ matched) ^ load64(b, s2 &+ matched)
            if diff != 0 { return matched &+ diff.trailingZeroBitCount &>> 3 }
            matched &+= 8
        }
        while s2 + matched < limit,
              b.load(fromByteOffset: s1 + matched, as: UInt8.self) == b.load(fromByteOffset: s2 + matched, as: UInt8.self) {
            matched += 1
        }
        return matched
    }

    /// Writes a literal of `count` (≥ 1) bytes from `src`. With `fast`, 16 bytes may be read
    /// from `src`, and a literal of at most 16 bytes is moved with two 8-byte stores (the
    /// output bound leaves room for the overshoot).
    @inline(__always)
    private static func emitLiteral(_ src: UnsafeRawPointer, count: Int, fast: Bool,
                                    to out: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var op = out
        let n = count - 1
        if n < 60 {
            op.storeBytes(of: UInt8(truncatingIfNeeded: n << 2), as: UInt8.self)
            op += 1
            if fast && count <= 16 {
                op.storeBytes(of: src.loadUnaligned(as: UInt64.self), as: UInt64.self)
                op.storeBytes(of: src.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
                return op + count
            }
        } else {
            var lengthBytes = 1
            while lengthBytes < 4 && n >> (8 * lengthBytes) != 0 { lengthBytes += 1 }
            op.storeBytes(of: UInt8(truncatingIfNeeded: (59 + lengthBytes) << 2), as: UInt8.self)
            for i in 0..<lengthBytes {
                op.storeBytes(of: UInt8(truncatingIfNeeded: n >> (8 * i)), toByteOffset: 1 + i, as: UInt8.self)
            }
            op += 1 + lengthBytes
        }
        op.copyMemory(from: src, byteCount: count)
        return op + count
    }

    /// Writes a copy of `length` (≥ 4) bytes from `offset` (1...65535) back, split into
    /// elements of at most 64 bytes; the last is a 1-byte offset copy when it can be.
    @inline(__always)
    private static func emitCopy(offset: Int, length: Int, to out: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var op = out
        var length = length
        // Leave at least 4 bytes for the last element (a 1-byte offset copy needs 4).
        while length >= 68 {
            op = emitCopy2(offset: offset, length: 64, to: op)
            length -= 64
        }
        if length > 64 {
            op = emitCopy2(offset: offset, length: 60, to: op)
            length -= 60
        }
        if length < 12 && offset < 2048 {
            let tag = 1 | ((length - 4) << 2) | ((offset >> 8) << 5)
            op.storeBytes(of: UInt8(truncatingIfNeeded: tag), as: UInt8.self)
            op.storeBytes(of: UInt8(truncatingIfNeeded: offset), toByteOffset: 1, as: UInt8.self)
            return op + 2
        }
        return emitCopy2(offset: offset, length: length, to: op)
    }

    @inline(__always)
    private static func emitCopy2(offset: Int, length: Int, to op: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        op.storeBytes(of: UInt8(truncatingIfNeeded: 2 | ((length - 1) << 2)), as: UInt8.self)
        op.storeBytes(of: UInt16(truncatingIfNeeded: offset).littleEndian, toByteOffset: 1, as: UInt16.self)
        return op + 3
    }
}
