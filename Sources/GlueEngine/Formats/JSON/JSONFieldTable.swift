import Foundation

/// One place in the schema being built (a top-level field, a nested field, an array's
/// elements): its column builder plus, once seen, the tables of its struct fields and array
/// elements. Mirrors the builder tree so the reader never looks a field up by `String`.
final class JSONColumnNode {
    let builder: ColumnBuilder
    /// The object (by emit generation) that last set this field, to detect duplicate keys.
    var stamp = -1
    /// Where that object's value for this field waits to be appended.
    var pendingIndex = 0
    private var fieldTable: JSONFieldTable?
    private var elementNode: JSONColumnNode?

    init(_ builder: ColumnBuilder) {
        self.builder = builder
    }

    /// The field table of this node's struct values (`appender` is always the same object).
    func fields(of appender: StructAppender) -> JSONFieldTable {
        if let fieldTable { return fieldTable }
        let t = JSONFieldTable(appender)
        fieldTable = t
        return t
    }

    /// The node of this node's array elements.
    func element(of appender: ArrayAppender) -> JSONColumnNode {
        if let elementNode { return elementNode }
        let n = JSONColumnNode(appender.element)
        elementNode = n
        return n
    }
}

/// The fields of one struct appender, looked up by the key's UTF-8 bytes.
///
/// Records usually repeat their keys in the same order, so each field remembers which field
/// followed it last time and that guess is checked first (one `memcmp`); otherwise an
/// open-addressing hash table over the key bytes is probed. A `String` is made only when a
/// field is first seen in a batch.
final class JSONFieldTable {
    let appender: StructAppender
    private(set) var nodes: [JSONColumnNode] = []
    private var keys: [[UInt8]] = []
    private var hashes: [UInt64] = []
    private var successor: [Int] = []
    private var first = -1
    private var buckets = [Int32](repeating: -1, count: 16)

    init(_ appender: StructAppender) {
        self.appender = appender
    }

    /// The index of the field named `key`, created on first sight; `previous` is the index of
    /// the key before it in the same object (-1 for the first key).
    func lookup(_ key: UnsafeRawBufferPointer, after previous: Int) -> Int {
        let guess = previous < 0 ? first : successor[previous]
        let found: Int
        if guess >= 0, Self.equal(keys[guess], key) {
            return guess
        } else {
            let h = Self.hash(key)
            found = find(key, hash: h) ?? insert(key, hash: h)
        }
        if previous < 0 { first = found } else { successor[previous] = found }
        return found
    }

    private func find(_ key: UnsafeRawBufferPointer, hash h: UInt64) -> Int? {
        let mask = buckets.count - 1
        var b = Int(truncatingIfNeeded: h) & mask
        while buckets[b] >= 0 {
            let e = Int(buckets[b])
            if hashes[e] == h, Self.equal(keys[e], key) { return e }
            b = (b + 1) & mask
        }
        return nil
    }

    private func insert(_ key: UnsafeRawBufferPointer, hash h: UInt64) -> Int {
        let name = String(decoding: key, as: UTF8.self)
        let builder = appender.field(name)
        // Swift compares names by canonical equivalence ("é" == "e\u{301}"), so two distinct
        // byte sequences can name one field; they must then share one node.
        let node = nodes.first { $0.builder === builder } ?? JSONColumnNode(builder)
        let index = nodes.count
        nodes.append(node)
        keys.append(Array(key))
        hashes.append(h)
        successor.append(-1)
        if nodes.count * 2 > buckets.count {
            buckets = [Int32](repeating: -1, count: buckets.count * 2)
            for i in 0..<nodes.count { place(i) }
        } else {
            place(index)
        }
        return index
    }

    private func place(_ index: Int) {
        let mask = buckets.count - 1
        var b = Int(truncatingIfNeeded: hashes[index]) & mask
        while buckets[b] >= 0 { b = (b + 1) & mask }
        buckets[b] = Int32(index)
    }

    @inline(__always)
    private static func equal(_ stored: [UInt8], _ key: UnsafeRawBufferPointer) -> Bool {
        guard stored.count == key.count else { return false }
        guard let k = key.baseAddress else { return true }
        return stored.withUnsafeBytes { s in s.baseAddress.map { memcmp($0, k, key.count) == 0 } ?? true }
    }

    /// FNV-1a, 64-bit.
    private static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
