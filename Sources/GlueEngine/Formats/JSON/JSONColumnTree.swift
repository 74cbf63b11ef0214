import Foundation

/// The column builders of the batch being read, as a tree that mirrors them — one node per
/// place in the schema (a top-level field, a nested field, an array's elements) — plus a field
/// lookup by the key's UTF-8 bytes, so the reader never looks a field up by `String`.
///
/// Everything lives in flat arrays of plain values addressed by index (an arena) inside one
/// struct, so the hot path pays no runtime exclusivity checks (which class properties would
/// cost) and little reference counting. Records usually repeat their keys in the same order, so
/// each field remembers which field followed it last time and that guess is tried first (one
/// `memcmp`); otherwise one open-addressing hash table over (struct, key bytes) is probed. A
/// `String` is made only when a field is first seen in a batch.
struct JSONColumnTree {
    struct Node {
        let builder: ColumnBuilder
        /// The object (by generation) that last set this field, to detect duplicate keys.
        var stamp = -1
        /// Where that object's value for this field waits in `pending`.
        var pending: Int32 = 0
        /// The struct (index into `structs`) of this node's object values, or -1.
        var fields: Int32 = -1
        /// The node of this node's array elements, or -1.
        var element: Int32 = -1
    }

    struct Struct {
        let appender: StructAppender
        /// The field entry of the first key last time, or -1.
        var first: Int32 = -1
    }

    /// One field name of one struct.
    struct Field {
        var owner: Int32
        var node: Int32
        /// The field entry that followed this one last time, or -1.
        var successor: Int32 = -1
        var keyStart: Int
        var keyLength: Int
        var hash: UInt64
    }

    /// A resolved member of the object being appended: its node and the tape index of its
    /// value (-1 once a later duplicate key replaced it).
    struct Pending {
        var node: Int32
        var value: Int
    }

    private(set) var nodes: [Node] = []
    private(set) var structs: [Struct]
    private var fields: [Field] = []
    private var keyBytes: [UInt8] = []
    private var buckets = [Int32](repeating: -1, count: 64)
    var pending: [Pending] = []
    var generation = 0

    /// An empty tree whose struct 0 is the top-level record.
    init() {
        structs = [Struct(appender: StructAppender())]
    }

    /// The top-level records' appender.
    var root: StructAppender { structs[0].appender }

    /// The struct of node `n`'s object values, made on first use.
    mutating func fields(of n: Int, appender: StructAppender) -> Int {
        let s = nodes[n].fields
        if s >= 0 { return Int(s) }
        structs.append(Struct(appender: appender))
        nodes[n].fields = Int32(structs.count - 1)
        return structs.count - 1
    }

    /// The node of node `n`'s array elements, made on first use.
    mutating func element(of n: Int, appender: ArrayAppender) -> Int {
        let e = nodes[n].element
        if e >= 0 { return Int(e) }
        nodes.append(Node(builder: appender.element))
        nodes[n].element = Int32(nodes.count - 1)
        return nodes.count - 1
    }

    /// The field entry of `key` in struct `s`, made on first sight; `previous` is the entry of
    /// the key before it in the same object (-1 for the first key). Its node is `.node`.
    mutating func field(_ key: UnsafeRawBufferPointer, in s: Int, after previous: Int) -> Int {
        let guess = previous < 0 ? Int(structs[s].first) : Int(fields[previous].successor)
        if guess >= 0, keyEquals(guess, key) { return guess }
        let h = Self.hash(key, owner: s)
        let found = find(key, in: s, hash: h) ?? insert(key, in: s, hash: h)
        if previous < 0 { structs[s].first = Int32(found) } else { fields[previous].successor = Int32(found) }
        return found
    }

    /// The node of field entry `f`.
    func node(ofField f: Int) -> Int { Int(fields[f].node) }

    private func find(_ key: UnsafeRawBufferPointer, in s: Int, hash h: UInt64) -> Int? {
        let mask = buckets.count - 1
        var b = Int(truncatingIfNeeded: h) & mask
        while buckets[b] >= 0 {
            let f = Int(buckets[b])
            if fields[f].hash == h, fields[f].owner == Int32(s), keyEquals(f, key) { return f }
            b = (b + 1) & mask
        }
        return nil
    }

    private mutating func insert(_ key: UnsafeRawBufferPointer, in s: Int, hash h: UInt64) -> Int {
        let builder = structs[s].appender.field(String(decoding: key, as: UTF8.self))
        // Swift compares names by canonical equivalence ("é" == "e\u{301}"), so two distinct
        // byte sequences can name one field; they must then share one node.
        let node = fields.first { $0.owner == Int32(s) && nodes[Int($0.node)].builder === builder }?.node
            ?? Int32(nodes.count)
        if node == Int32(nodes.count) { nodes.append(Node(builder: builder)) }
        fields.append(Field(owner: Int32(s), node: node, keyStart: keyBytes.count, keyLength: key.count, hash: h))
        keyBytes.append(contentsOf: key)
        if fields.count * 2 > buckets.count {
            buckets = [Int32](repeating: -1, count: buckets.count * 2)
            for f in fields.indices { place(f) }
        } else {
            place(fields.count - 1)
        }
        return fields.count - 1
    }

    private mutating func place(_ f: Int) {
        let mask = buckets.count - 1
        var b = Int(truncatingIfNeeded: fields[f].hash) & mask
        while buckets[b] >= 0 { b = (b + 1) & mask }
        buckets[b] = Int32(f)
    }

    @inline(__always)
    private func keyEquals(_ f: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let field = fields[f]
        guard field.keyLength == key.count else { return false }
        guard let k = key.baseAddress, field.keyLength > 0 else { return true }
        return keyBytes.withUnsafeBytes { stored in
            guard let p = stored.baseAddress else { return false }
            return memcmp(p + field.keyStart, k, field.keyLength) == 0
        }
    }

    /// FNV-1a over the key bytes, seeded with the owning struct.
    private static func hash(_ key: UnsafeRawBufferPointer, owner: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(owner)
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

extension JSONColumnTree {
    /// Appends the object at tape `index` as one row of struct `s`. Keys are resolved first
    /// (settling duplicates: the last value wins), then values are appended in key order.
    mutating func appendObject(at index: Int, into s: Int, _ view: JSONTapeView) {
        generation &+= 1
        let stamp = generation
        let base = pending.count
        let end = Int(view.tape[index].payload)
        var i = index + 1
        var previous = -1
        while i < end {
            let f = field(view.bytes(view.tape[i]), in: s, after: previous)
            previous = f
            let n = node(ofField: f)
            if nodes[n].stamp == stamp { pending[Int(nodes[n].pending)].value = -1 }
            nodes[n].stamp = stamp
            nodes[n].pending = Int32(pending.count)
            pending.append(Pending(node: Int32(n), value: i + 1))
            i = view.tape[i + 1].next(after: i + 1)
        }
        for j in base..<pending.count {
            let p = pending[j]
            if p.value >= 0 { appendValue(at: p.value, into: Int(p.node), view) }
        }
        pending.removeLast(pending.count - base)
        structs[s].appender.endRow()
    }

    /// Appends one value to node `n`'s builder: this is where JSON types become Glue types
    /// (`int` / `long` as the parser sized the integer, `double`, `boolean`, `string`, `struct`,
    /// `array`); the builder turns a second type in one place into a choice.
    private mutating func appendValue(at index: Int, into n: Int, _ view: JSONTapeView) {
        let entry = view.tape[index]
        let builder = nodes[n].builder
        switch entry.kind {
        case .null: builder.appendNull()
        case .trueValue: builder.appendBool(true)
        case .falseValue: builder.appendBool(false)
        case .int: builder.appendInt(Int32(truncatingIfNeeded: entry.payload))
        case .long: builder.appendLong(entry.payload)
        case .double: builder.appendDouble(Double(bitPattern: UInt64(bitPattern: entry.payload)))
        case .string, .stringEscaped, .key, .keyEscaped: builder.appendString(bytes: view.bytes(entry))
        case .object:
            let appender = builder.beginStruct()
            appendObject(at: index, into: fields(of: n, appender: appender), view)
        case .array:
            let appender = builder.beginArray()
            let element = element(of: n, appender: appender)
            let end = Int(entry.payload)
            var i = index + 1
            while i < end {
                appendValue(at: i, into: element, view)
                i = view.tape[i].next(after: i)
            }
            appender.endRow()
        }
    }
}
