/// A growable byte buffer with unchecked appends, for the hot loops of PLAIN encoding (the
/// values of the page being built). Little-endian hosts only, as Parquet's PLAIN encoding is
/// little-endian and values are copied as they sit in memory.
final class GrowableBytes {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = max(64, capacity)
        base = .allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes and returns where they go; call `commit` after writing.
    @inline(__always)
    func reserve(_ extra: Int) -> UnsafeMutableRawPointer {
        if count + extra > capacity { grow(count + extra) }
        return base + count
    }

    /// Counts `n` bytes written after `reserve`.
    @inline(__always)
    func commit(_ n: Int) { count += n }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count).copyMemory(from: src, byteCount: bytes.count)
        count += bytes.count
    }

    func removeAll() { count = 0 }

    /// The bytes, valid until the next append.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

/// PLAIN encoding (`Encodings.md`): fixed-width values little-endian back to back, byte arrays
/// as a 4-byte little-endian length then the bytes, booleans bit-packed LSB first.
enum PlainEncoder {
    /// Appends the values at `positions` (a range or sorted indices of `values`).
    static func appendFixed<T>(_ values: UnsafeBufferPointer<T>, _ selection: LeafSelection, _ positions: Range<Int>,
                               to out: GrowableBytes) {
        let size = MemoryLayout<T>.stride
        let n = positions.count
        guard n > 0, let src = values.baseAddress else { return }
        let dst = out.reserve(n * size)
        switch selection {
        case .range(let rows):
            let first = rows.lowerBound + positions.lowerBound
            dst.copyMemory(from: src + first, byteCount: n * size)
        case .indices(let indices):
            indices.withUnsafeBufferPointer { idx in
                for k in 0..<n {
                    dst.storeBytes(of: src[Int(idx[positions.lowerBound + k])], toByteOffset: k * size, as: T.self)
                }
            }
        }
        out.commit(n * size)
    }

    /// Appends byte-array values (4-byte length, then the bytes) at `positions` of `column`.
    static func appendBytes(_ column: ByteColumn, _ selection: LeafSelection, _ positions: Range<Int>,
                            to out: GrowableBytes) {
        let n = positions.count
        guard n > 0 else { return }
        column.offsets.withUnsafeBufferPointer { offsets in
            column.data.withUnsafeBytes { data in
                switch selection {
                case .range(let rows):
                    let first = rows.lowerBound + positions.lowerBound
                    let total = Int(offsets[first + n] - offsets[first]) + 4 * n
                    var dst = out.reserve(total)
                    for row in first..<(first + n) {
                        dst = writeValue(data, Int(offsets[row]), Int(offsets[row + 1]), at: dst)
                    }
                    out.commit(total)
                case .indices(let indices):
                    indices.withUnsafeBufferPointer { idx in
                        var total = 4 * n
                        for k in positions { let r = Int(idx[k]); total += Int(offsets[r + 1] - offsets[r]) }
                        var dst = out.reserve(total)
                        for k in positions {
                            let r = Int(idx[k])
                            dst = writeValue(data, Int(offsets[r]), Int(offsets[r + 1]), at: dst)
                        }
                        out.commit(total)
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func writeValue(_ data: UnsafeRawBufferPointer, _ start: Int, _ end: Int,
                                   at dst: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        let length = end - start
        dst.storeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian, as: UInt32.self)
        if length > 0, let src = data.baseAddress { (dst + 4).copyMemory(from: src + start, byteCount: length) }
        return dst + 4 + length
    }

    /// Packs booleans LSB first, 8 to a byte (the last byte zero-padded).
    static func packBooleans(_ bits: [Bool], into out: GrowableBytes) {
        let n = (bits.count + 7) / 8
        let p = out.reserve(n)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: n)
        for (k, b) in bits.enumerated() where b {
            p.storeBytes(of: p.load(fromByteOffset: k >> 3, as: UInt8.self) | 1 << UInt8(k & 7), toByteOffset: k >> 3, as: UInt8.self)
        }
        out.commit(n)
    }
}
