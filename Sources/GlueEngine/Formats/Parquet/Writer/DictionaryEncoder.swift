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
    /// A slot of the table: the value beside its index + 1 (0 for an empty slot), so a lookup
    /// reads one place in memory.
    private struct Slot {
        var value: Bits
        var index: UInt32
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var slotBits = 11
    /// Where the early reads of a group go (kept so the compiler keeps them).
    private var touched: UInt32 = 0

    init() {
        entries = .allocate(capacity: entryCapacity)
        slots = .allocate(capacity: 1 << slotBits)
        slots.initialize(repeating: Slot(value: 0, index: 0), count: 1 << slotBits)
    }

    deinit {
        entries.deallocate()
        slots.deallocate()
    }

    /// The size of the dictionary page body (PLAIN values).
    var byteSize: Int { count * MemoryLayout<Bits>.size }

    /// Writes to `out[k]` the index of `value(k)` for each `k` below `count`, adding new values.
    /// Values go 8 at a time, their home slots read first so that cache misses overlap (see
    /// `ByteDictionary.indices`). The table is held in locals for the loop.
    @inline(__always)
    func indices(_ count: Int, into out: UnsafeMutablePointer<UInt32>, _ value: (Int) -> Bits) {
        var slots = self.slots
        var bits = slotBits
        var mask = (1 << bits) - 1
        var touch: UInt32 = 0
        var k = 0
        while k < count {
            let n = min(8, count - k)
            for j in 0..<n { touch &+= slots[Self.slot(value(k + j), bits)].index }
            for j in 0..<n {
                let v = value(k + j)
                var s = Self.slot(v, bits)
                while true {
                    let slot = slots[s]
                    if slot.index == 0 {
                        out[k + j] = insert(v, at: s)
                        slots = self.slots
                        bits = slotBits
                        mask = (1 << bits) - 1
                        break
                    }
                    if slot.value == v {
                        out[k + j] = slot.index - 1
                        break
                    }
                    s = (s + 1) & mask
                }
            }
            k += n
        }
        touched = touch
    }

    /// Adds `value` in the empty slot `s`; returns its index.
    @inline(never)
    private func insert(_ value: Bits, at s: Int) -> UInt32 {
        if count == entryCapacity { growEntries() }
        entries[count] = value
        count += 1
        slots[s] = Slot(value: value, index: UInt32(count))
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
        slots.initialize(repeating: Slot(value: 0, index: 0), count: n)
        for k in 0..<count {
            var s = Self.slot(entries[k], slotBits)
            while slots[s].index != 0 { s = (s + 1) & (n - 1) }
            slots[s] = Slot(value: entries[k], index: UInt32(k + 1))
        }
    }
}

/// The dictionary of a byte-array column: entries stored back to back with their offsets and
/// hashes. (Entries stay below 4 GiB in all: a chunk falls back to PLAIN past 1 MiB.)
final class ByteDictionary {
    /// The entries' bytes, back to back.
    let data = GrowableBytes(capacity: 1 << 16)
    /// `offsets[k] ..< offsets[k + 1]` is entry `k` in `data`.
    private var offsets: UnsafeMutablePointer<Int>
    private var hashes: UnsafeMutablePointer<UInt64>
    private(set) var count = 0
    private var entryCapacity = 1024

    /// A slot of the table: 32 bits of the entry's hash, its index + 1 (0 for an empty slot),
    /// and where its bytes are, so a lookup reads the slot and then the bytes, nothing else.
    private struct Slot {
        var tag: UInt32
        var index: UInt32
        var offset: UInt32
        var length: UInt32
        static let empty = Slot(tag: 0, index: 0, offset: 0, length: 0)
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var slotBits = 11
    /// Values looked up together: their bytes, hash and home slot.
    private let group: UnsafeMutablePointer<(start: UnsafeRawPointer, length: Int, hash: UInt64)>
    private static let groupSize = 8
    /// Where the early reads of a group go (kept so the compiler keeps them).
    private var touched: UInt32 = 0

    init() {
        offsets = .allocate(capacity: entryCapacity + 1)
        offsets[0] = 0
        hashes = .allocate(capacity: entryCapacity)
        slots = .allocate(capacity: 1 << slotBits)
        slots.initialize(repeating: .empty, count: 1 << slotBits)
        group = .allocate(capacity: Self.groupSize)
    }

    deinit {
        offsets.deallocate()
        hashes.deallocate()
        slots.deallocate()
        group.deallocate()
    }

    /// The size of the dictionary page body (PLAIN: a 4-byte length before each entry).
    var byteSize: Int { data.count + 4 * count }

    /// Entry `k`'s bytes (valid until the next insertion).
    func entry(_ k: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: data.base + offsets[k], count: offsets[k + 1] - offsets[k])
    }

    /// Writes to `out[k]` the index of the bytes `value(k)` gives (start and length) for each
    /// `k` below `count`, adding new ones.
    ///
    /// Values go 8 at a time: first every home slot is read, then every candidate entry's first
    /// byte, then each value is resolved. The early reads do not depend on one another, so the
    /// processor waits for their cache misses together instead of one after the other (a large
    /// dictionary does not fit in cache). The table is held in locals for the loop.
    @inline(__always)
    func indices(_ count: Int, into out: UnsafeMutablePointer<UInt32>, _ value: (Int) -> (UnsafeRawPointer, Int)) {
        var slots = self.slots
        var data = UnsafeRawPointer(self.data.base)
        var bits = slotBits
        var mask = (1 << bits) - 1
        var touch: UInt32 = 0
        var k = 0
        while k < count {
            let n = min(Self.groupSize, count - k)
            for j in 0..<n {
                let (start, length) = value(k + j)
                let h = Self.hash(start, length)
                group[j] = (start, length, h)
                touch &+= slots[Int(truncatingIfNeeded: h >> UInt64(64 - bits))].index
            }
            for j in 0..<n {
                let slot = slots[Int(truncatingIfNeeded: group[j].hash >> UInt64(64 - bits))]
                if slot.length > 0 { touch &+= UInt32(data.load(fromByteOffset: Int(slot.offset), as: UInt8.self)) }
            }
            for j in 0..<n {
                let (start, length, h) = group[j]
                let tag = UInt32(truncatingIfNeeded: h)
                var s = Int(truncatingIfNeeded: h >> UInt64(64 - bits))
                while true {
                    let slot = slots[s]
                    if slot.index == 0 {
                        out[k + j] = insert(start, length, hash: h, at: s)
                        slots = self.slots
                        data = UnsafeRawPointer(self.data.base)
                        bits = slotBits
                        mask = (1 << bits) - 1
                        break
                    }
                    if slot.tag == tag && Int(slot.length) == length && Self.equal(data + Int(slot.offset), start, length) {
                        out[k + j] = slot.index - 1
                        break
                    }
                    s = (s + 1) & mask
                }
            }
            k += n
        }
        touched = touch
    }

    /// Adds the bytes in the empty slot `s`; returns their index.
    @inline(never)
    private func insert(_ start: UnsafeRawPointer, _ length: Int, hash h: UInt64, at s: Int) -> UInt32 {
        if count == entryCapacity { growEntries() }
        let offset = data.count
        data.append(UnsafeRawBufferPointer(start: start, count: length))
        hashes[count] = h
        offsets[count + 1] = data.count
        count += 1
        slots[s] = Slot(tag: UInt32(truncatingIfNeeded: h), index: UInt32(count), offset: UInt32(offset), length: UInt32(length))
        if count * 2 > (1 << slotBits) { rehash() }
        return UInt32(count - 1)
    }

    /// Byte equality of two `length`-byte runs, 8 bytes at a time.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ length: Int) -> Bool {
        if length >= 8 {
            var i = 0
            while i + 8 <= length {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                    return false
                }
                i += 8
            }
            return i == length
                || a.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        }
        if length >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
        }
        for i in 0..<length where a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) {
            return false
        }
        return true
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

    /// A fast non-cryptographic hash of `length` bytes, read 8 at a time (the last, partial
    /// word read overlapping the one before).
    @inline(__always)
    static func hash(_ start: UnsafeRawPointer, _ length: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(length) &* 0xFF51_AFD7_ED55_8CCD)
        if length >= 8 {
            var p = 0
            while p + 8 <= length {
                h = (h ^ start.loadUnaligned(fromByteOffset: p, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 29
                p += 8
            }
            if p < length {
                h = (h ^ start.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
            }
        } else if length >= 4 {
            let k = UInt64(start.loadUnaligned(as: UInt32.self))
                | UInt64(start.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)) << 32
            h = (h ^ k) &* 0x94D0_49BB_1331_11EB
        } else if length > 0 {
            let k = UInt64(start.load(as: UInt8.self)) | UInt64(start.load(fromByteOffset: length / 2, as: UInt8.self)) << 8
                | UInt64(start.load(fromByteOffset: length - 1, as: UInt8.self)) << 16
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
        slots.initialize(repeating: .empty, count: n)
        for k in 0..<count {
            var s = Int(truncatingIfNeeded: hashes[k] >> UInt64(64 - slotBits))
            while slots[s].index != 0 { s = (s + 1) & (n - 1) }
            slots[s] = Slot(tag: UInt32(truncatingIfNeeded: hashes[k]), index: UInt32(k + 1),
                            offset: UInt32(offsets[k]), length: UInt32(offsets[k + 1] - offsets[k]))
        }
    }
}
