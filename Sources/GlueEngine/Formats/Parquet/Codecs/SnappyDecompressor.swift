extension Snappy {
    /// One copy element expands at most 64 bytes out of 3 input bytes (a 2-byte offset copy),
    /// so no valid stream decompresses to more than 22 times its size. A larger preamble is
    /// refused before anything is allocated.
    private static let maxExpansion = 22

    /// Decompresses a raw Snappy stream whose uncompressed size is known (the Parquet page
    /// header gives it).
    ///
    /// Every element is checked: the preamble must equal `expectedSize`, literals and copies
    /// must stay inside the input and the output, a copy's offset must be 1 or more and reach
    /// no further back than the output's start, and the elements must fill the output
    /// exactly. Overlapping copies (offset < length) repeat the bytes they have just written.
    ///
    /// - Throws: `EngineError.malformedInput` with source `snappy`, the problem and where.
    public static func decompress(_ input: ArraySlice<UInt8>, expectedSize: Int) throws(EngineError) -> [UInt8] {
        var index = input.startIndex
        var length = 0
        var shift = 0
        while true {
            guard index < input.endIndex else {
                throw malformed("the preamble (uncompressed length) is truncated", "\(input.count) bytes")
            }
            let byte = input[index]
            index += 1
            length |= Int(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
            guard shift < 35 else { throw malformed("the preamble (uncompressed length) is longer than 5 bytes", "") }
        }
        guard length <= Int(UInt32.max) else {
            throw malformed("the preamble (uncompressed length) is over 4 GiB", "\(length)")
        }
        guard length == expectedSize else {
            throw malformed("the preamble's uncompressed length differs from the expected size",
                            "\(length) in the stream, \(expectedSize) expected")
        }
        let body = input[index...]
        guard length <= body.count * maxExpansion else {
            throw malformed("the preamble's uncompressed length is impossible for the stream's size",
                            "\(length) bytes from \(body.count)")
        }
        var failure: EngineError?
        let output = body.withUnsafeBytes { source in
            [UInt8](unsafeUninitializedCapacity: length) { out, written in
                guard length > 0 else {
                    if !source.isEmpty { failure = malformed("data after the end of the output", "\(source.count) bytes") }
                    return
                }
                guard let src = source.baseAddress, let dst = UnsafeMutableRawPointer(out.baseAddress) else {
                    failure = malformed("the stream has no elements", "\(length) bytes expected")
                    return
                }
                failure = decode(src, count: source.count, into: dst, count: length)
                written = failure == nil ? length : 0
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Decodes the elements `src[0..<inCount]` into `dst[0..<outCount]`; returns the error, if
    /// any. Bytes of `dst` past the current position may be written early (8-byte moves) but
    /// are always written again before the end, which must be reached exactly.
    private static func decode(_ src: UnsafeRawPointer, count inCount: Int,
                               into dst: UnsafeMutableRawPointer, count outCount: Int) -> EngineError? {
        var ip = 0
        var op = 0
        // Far from both ends, short literals and valid copies (nearly all elements) take the
        // fast path: no length checks are needed there, as a literal of ≤ 16 bytes needs 17
        // input bytes and any copy ≤ 64 output bytes. Everything else, errors included, goes
        // through the checked path below.
        let fastInEnd = inCount - 21
        let fastOutEnd = outCount - 64
        while ip < inCount {
            if ip < fastInEnd && op < fastOutEnd {
                let tag = Int(src.load(fromByteOffset: ip, as: UInt8.self))
                let kind = tag & 3
                if kind == 0 {
                    if tag < 16 << 2 {
                        let count = (tag &>> 2) &+ 1
                        move16(from: src + (ip &+ 1), to: dst + op)
                        ip &+= 1 &+ count
                        op &+= count
                        continue
                    }
                } else {
                    // The three copy kinds without a branch between them: 1, 2 or 4 offset
                    // bytes (read as one 4-byte load, masked), the 1-byte kind's 3 high
                    // offset bits and 4...11 length in the tag.
                    let isCopy1 = kind == 1
                    let offsetBytes = kind == 3 ? 4 : kind
                    let word = UInt32(littleEndian: src.loadUnaligned(fromByteOffset: ip &+ 1, as: UInt32.self))
                    let offset = Int(word & (UInt32.max &>> (32 &- 8 &* UInt32(offsetBytes))))
                        | (isCopy1 ? (tag &>> 5) &<< 8 : 0)
                    if UInt(bitPattern: offset &- 1) < UInt(bitPattern: op) {
                        let count = isCopy1 ? ((tag &>> 2) & 7) &+ 4 : (tag &>> 2) &+ 1
                        fastCopyBack(dst, at: op, offset: offset, count: count)
                        ip &+= 1 &+ offsetBytes
                        op &+= count
                        continue
                    }
                }
            }
            let tagPosition = ip
            let tag = Int(src.load(fromByteOffset: ip, as: UInt8.self))
            ip += 1
            let kind = tag & 3
            if kind == 0 {
                var count = (tag >> 2) + 1
                if count > 60 {
                    let lengthBytes = count - 60
                    guard inCount - ip >= lengthBytes else {
                        return malformed("a literal's length is truncated", "at compressed byte \(tagPosition)")
                    }
                    count = 0
                    for i in 0..<lengthBytes {
                        count |= Int(src.load(fromByteOffset: ip + i, as: UInt8.self)) << (8 * i)
                    }
                    count += 1
                    ip += lengthBytes
                }
                guard inCount - ip >= count else {
                    return malformed("a literal is truncated",
                                     "\(count) bytes at compressed byte \(tagPosition), \(inCount - ip) left")
                }
                guard outCount - op >= count else {
                    return malformed("a literal goes past the end of the output",
                                     "\(count) bytes at output byte \(op) of \(outCount)")
                }
                if count <= 16 && inCount - ip >= 16 && outCount - op >= 16 {
                    dst.storeBytes(of: src.loadUnaligned(fromByteOffset: ip, as: UInt64.self), toByteOffset: op, as: UInt64.self)
                    dst.storeBytes(of: src.loadUnaligned(fromByteOffset: ip + 8, as: UInt64.self), toByteOffset: op + 8, as: UInt64.self)
                } else {
                    (dst + op).copyMemory(from: src + ip, byteCount: count)
                }
                ip += count
                op += count
                continue
            }

            let count: Int
            let offset: Int
            switch kind {
            case 1:
                guard ip < inCount else { return malformed("a copy is truncated", "at compressed byte \(tagPosition)") }
                count = ((tag >> 2) & 7) + 4
                offset = (tag >> 5) << 8 | Int(src.load(fromByteOffset: ip, as: UInt8.self))
                ip += 1
            case 2:
                guard inCount - ip >= 2 else { return malformed("a copy is truncated", "at compressed byte \(tagPosition)") }
                count = (tag >> 2) + 1
                offset = Int(UInt16(littleEndian: src.loadUnaligned(fromByteOffset: ip, as: UInt16.self)))
                ip += 2
            default:
                guard inCount - ip >= 4 else { return malformed("a copy is truncated", "at compressed byte \(tagPosition)") }
                count = (tag >> 2) + 1
                offset = Int(load32(src, ip))
                ip += 4
            }
            guard offset != 0 else {
                return malformed("a copy has offset 0", "at compressed byte \(tagPosition)")
            }
            guard offset <= op else {
                return malformed("a copy reaches before the start of the output",
                                 "offset \(offset) at output byte \(op) (compressed byte \(tagPosition))")
            }
            guard outCount - op >= count else {
                return malformed("a copy goes past the end of the output",
                                 "\(count) bytes at output byte \(op) of \(outCount)")
            }
            copyBack(dst, at: op, offset: offset, count: count, end: outCount)
            op += count
        }
        guard op == outCount else {
            return malformed("the stream ends before the output is full", "\(op) of \(outCount) bytes")
        }
        return nil
    }

    @inline(__always)
    private static func move16(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer) {
        target.storeBytes(of: source.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
    }

    /// `copyBack` for a valid copy of at most 64 bytes with 64 bytes of room: whole 16- or
    /// 8-byte moves, each reading only bytes written before it.
    @inline(__always)
    private static func fastCopyBack(_ dst: UnsafeMutableRawPointer, at op: Int, offset: Int, count: Int) {
        let from = op &- offset
        if offset >= 16 {
            var i = 0
            repeat {
                move16(from: dst + (from &+ i), to: dst + (op &+ i))
                i &+= 16
            } while i < count
        } else if offset >= 8 {
            var i = 0
            repeat {
                dst.storeBytes(of: dst.loadUnaligned(fromByteOffset: from &+ i, as: UInt64.self), toByteOffset: op &+ i, as: UInt64.self)
                i &+= 8
            } while i < count
        } else {
            for i in 0..<count {
                dst.storeBytes(of: dst.load(fromByteOffset: from &+ i, as: UInt8.self), toByteOffset: op &+ i, as: UInt8.self)
            }
        }
    }

    /// Copies `count` bytes from `offset` back to `dst[op...]`, front to back, so that an
    /// overlapping copy repeats its pattern. `op + count <= end` is checked by the caller.
    @inline(__always)
    private static func copyBack(_ dst: UnsafeMutableRawPointer, at op: Int, offset: Int, count: Int, end: Int) {
        let from = op - offset
        if offset >= 8 && end - op >= (count + 7) & ~7 {
            // Each 8-byte move reads bytes written before it (offset ≥ 8); the last may
            // write up to 7 bytes past the copy, inside the output, to be overwritten later.
            var i = 0
            repeat {
                dst.storeBytes(of: dst.loadUnaligned(fromByteOffset: from + i, as: UInt64.self), toByteOffset: op + i, as: UInt64.self)
                i += 8
            } while i < count
        } else if offset >= count {
            (dst + op).copyMemory(from: dst + from, byteCount: count)
        } else {
            for i in 0..<count {
                dst.storeBytes(of: dst.load(fromByteOffset: from + i, as: UInt8.self), toByteOffset: op + i, as: UInt8.self)
            }
        }
    }
}
