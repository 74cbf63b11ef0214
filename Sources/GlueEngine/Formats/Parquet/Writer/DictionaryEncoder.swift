import Foundation

/// The dictionaries of dictionary encoding: each distinct value gets the next index, in order
/// of first appearance. Open addressing with linear probing over manually managed memory, so
/// the per-value lookup in the encoding loops does no allocation, reference counting or
/// bounds checks. Byte strings are hashed in place (8 bytes at a time), never made into
/// `String`s.
final class FixedDictionary<Bits: FixedWidthInteger & UnsignedInteger> {
    /// The distinct values (bit patterns), in index order.
    private(set) var entries: UnsafeMutablePointer<Bits>
    private(set) var count = 0
    private var entryCapacity = 1024
    /// Per slot: 0 for empty, else the entry index + 1.
    private var slots: UnsafeMutablePointer<UInt32>
    private var slotBits = 11

    init() {
        entries = .allocate(capacity: entryCapacity)
        slots = .allocate(capacity: 1 << slotBits)
        slots.initialize(repeating: 0, count: 1 << slotBits)
    }

    deinit {
        entries.deallocate()
        slots.deallocate()
    }

    /// The size of the dictionary page body (PLAIN values).
    var byteSize: Int { count * MemoryLayout<Bits>.size }

    /// The index of `value`, adding it if new.
    @inline(__always)
    func index(of value: Bits) -> UInt32 {
        let mask = (1 << slotBits) - 1
        var s = Self.slot(value, slotBits)
        while true {
            let e = slots[s]
            if e == 0 { break }
            if entries[Int(e) - 1] == value { return e - 1 }
            s = (s + 1) & mask
        }
        if count == entryCapacity { growEntries() }
        entries[count] = value
        count += 1
        slots[s] = UInt32(count)
        if count * 2 > (1 << slotBits) { rehash() }
        return UInt32(count - 1)
    }

    /// Appends the PLAIN encoding of the entries (the dictionary page body).
    func appendPlain(to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeRawBufferPointer(start: entries, count: byteSize))
    }

    @inline(__always)
    private static func slot(_ value: Bits, _ bits: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: value) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    private func growEntries() {
        let bigger = UnsafeMutablePointer<Bits>.allocate(capacity: entryCapacity * 2)
        bigger.moveInitialize(from: entries, count: count)
        entries.deallocate()
        entries = bigger
        entryCapacity *= 2
    }

    private func rehash() {
        slots.deallocate()
        slotBits += 1
        let n = 1 << slotBits
        slots = .allocate(capacity: n)
        slots.initialize(repeating: 0, count: n)
        for k in 0..<count {
            var s = Self.slot(entries[k], slotBits)
            while slots[s] != 0 { s = (s + 1) & (n - 1) }
            slots[s] = UInt32(k + 1)
        }
    }
}

/// The dictionary of a byte-array column: entries stored back to back with their offsets and
/// hashes.
final class ByteDictionary {
    /// The entries' bytes, back to back.
    let data = GrowableBytes(capacity: 1 << 16)
    /// `offsets[k] ..< offsets[k + 1]` is entry `k` in `data`.
    private var offsets: UnsafeMutablePointer<Int>
    private var hashes: UnsafeMutablePointer<UInt64>
    private(set) var count = 0
    private var entryCapacity = 1024
    private var slots: UnsafeMutablePointer<UInt32>
    private var slotBits = 11

    init() {
        offsets = .allocate(capacity: entryCapacity + 1)
        offsets[0] = 0
        hashes = .allocate(capacity: entryCapacity)
        slots = .allocate(capacity: 1 << slotBits)
        slots.initialize(repeating: 0, count: 1 << slotBits)
    }

    deinit {
        offsets.deallocate()
        hashes.deallocate()
        slots.deallocate()
    }

    /// The size of the dictionary page body (PLAIN: a 4-byte length before each entry).
    var byteSize: Int { data.count + 4 * count }

    /// Entry `k`'s bytes (valid until the next insertion).
    func entry(_ k: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: data.base + offsets[k], count: offsets[k + 1] - offsets[k])
    }

    /// The index of the `length` bytes at `start`, adding them if new.
    @inline(__always)
    func index(of start: UnsafeRawPointer, length: Int) -> UInt32 {
        let h = Self.hash(start, length)
        let mask = (1 << slotBits) - 1
        var s = Int(truncatingIfNeeded: h >> UInt64(64 - slotBits))
        while true {
            let e = slots[s]
            if e == 0 { break }
            let k = Int(e) - 1
            if hashes[k] == h && offsets[k + 1] - offsets[k] == length
                && (length == 0 || memcmp(data.base + offsets[k], start, length) == 0) {
                return e - 1
            }
            s = (s + 1) & mask
        }
        if count == entryCapacity { growEntries() }
        data.append(UnsafeRawBufferPointer(start: start, count: length))
        hashes[count] = h
        offsets[count + 1] = data.count
        count += 1
        slots[s] = UInt32(count)
        if count * 2 > (1 << slotBits) { rehash() }
        return UInt32(count - 1)
    }

    /// Appends the PLAIN encoding of the entries (the dictionary page body).
    func appendPlain(to out: inout [UInt8]) {
        out.reserveCapacity(out.count + byteSize)
        for k in 0..<count {
            let length = UInt32(offsets[k + 1] - offsets[k])
            withUnsafeBytes(of: length.littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: entry(k))
        }
    }

    /// A fast non-cryptographic hash of `length` bytes, read 8 at a time.
    @inline(__always)
    static func hash(_ start: UnsafeRawPointer, _ length: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(length) &* 0xFF51_AFD7_ED55_8CCD)
        var p = 0
        while p + 8 <= length {
            let k = start.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            h = (h ^ k) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            p += 8
        }
        if p < length {
            var k: UInt64 = 0
            var shift: UInt64 = 0
            while p < length {
                k |= UInt64(start.load(fromByteOffset: p, as: UInt8.self)) << shift
                shift += 8
                p += 1
            }
            h = (h ^ k) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 31
        h = h &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }

    private func growEntries() {
        let newCapacity = entryCapacity * 2
        let biggerOffsets = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity + 1)
        biggerOffsets.moveInitialize(from: offsets, count: count + 1)
        offsets.deallocate()
        offsets = biggerOffsets
        let biggerHashes = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        biggerHashes.moveInitialize(from: hashes, count: count)
        hashes.deallocate()
        hashes = biggerHashes
        entryCapacity = newCapacity
    }

    private func rehash() {
        slots.deallocate()
        slotBits += 1
        let n = 1 << slotBits
        slots = .allocate(capacity: n)
        slots.initialize(repeating: 0, count: n)
        for k in 0..<count {
            var s = Int(truncatingIfNeeded: hashes[k] >> UInt64(64 - slotBits))
            while slots[s] != 0 { s = (s + 1) & (n - 1) }
            slots[s] = UInt32(k + 1)
        }
    }
}
