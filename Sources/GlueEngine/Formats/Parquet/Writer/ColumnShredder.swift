/// Where a leaf's values sit in its storage: a run of rows, or positions in increasing order.
enum LeafSelection {
    case range(Range<Int>)
    case indices([Int32])

    var count: Int {
        switch self {
        case .range(let r): r.count
        case .indices(let i): i.count
        }
    }
}

/// The values of one leaf column, in the physical representation Parquet stores (decimals of
/// up to 9 digits already narrowed to 32 bits).
enum LeafStorage {
    case none
    case boolean([Bool])
    case int32([Int32])
    case int64([Int64])
    case float32([Float])
    case float64([Double])
    case bytes(ByteColumn)
}

/// One leaf column's share of a slice of a batch: its Dremel levels and its non-null values.
struct LeafSlice {
    /// One definition level per entry (a value, a null, or an empty or null list).
    var definitionLevels: [UInt8]
    /// One repetition level per entry; empty for a column outside any list or map.
    var repetitionLevels: [UInt8]
    var storage: LeafStorage
    /// The entries whose definition level is the leaf's maximum, in order.
    var selection: LeafSelection
}

/// Dremel shredding: turns a top-level column of a batch into the definition and repetition
/// levels and values of each of its Parquet leaf columns (depth-first, the schema's order).
///
/// Every Glue field is `optional` in Parquet, so each field, list element and map value adds a
/// definition level; each list or map adds a repetition level and a definition level for its
/// repeated group (an empty list stops at the list's own level). Map keys are `required`.
/// The batch's column may be missing or `null`-typed where the schema has a type (all nulls),
/// and a struct may lack fields (nulls); any other difference from the schema is an error that
/// names the column.
enum ColumnShredder {
    /// The leaf slices of rows `rows` of `column` (nil when the batch lacks it), whose schema
    /// type is `type`, for the field `name`.
    static func shred(_ column: Column?, type: DataType, rows: Range<Int>, name: String) throws(EngineError) -> [LeafSlice] {
        if type.isAtomic {
            return [try flatLeaf(column, type: type, rows: rows, path: name)]
        }
        var entries = Entries(count: rows.count)
        for (k, row) in rows.enumerated() { entries.index[k] = Int32(row) }
        var out: [LeafSlice] = []
        try visit(column, type, entries, defLevel: 1, repLevel: 0, path: name, into: &out)
        return out
    }

    /// The fast path for a top-level atomic column: levels straight from the validity.
    private static func flatLeaf(_ column: Column?, type: DataType, rows: Range<Int>, path: String) throws(EngineError) -> LeafSlice {
        guard let column, !isNullStorage(column) else {
            return LeafSlice(definitionLevels: [UInt8](repeating: 0, count: rows.count), repetitionLevels: [],
                             storage: .none, selection: .indices([]))
        }
        let storage = try leafStorage(column, type: type, path: path)
        guard let validity = column.validity else {
            return LeafSlice(definitionLevels: [UInt8](repeating: 1, count: rows.count), repetitionLevels: [],
                             storage: storage, selection: .range(rows))
        }
        var defs = [UInt8](repeating: 0, count: rows.count)
        var indices: [Int32] = []
        indices.reserveCapacity(rows.count)
        for (k, row) in rows.enumerated() where validity[row] {
            defs[k] = 1
            indices.append(Int32(row))
        }
        return LeafSlice(definitionLevels: defs, repetitionLevels: [], storage: storage, selection: .indices(indices))
    }

    /// Entries of the level being walked: a position in the current column (-1 when the entry
    /// stopped above: a null or an empty list) with its levels so far.
    private struct Entries {
        var index: [Int32]
        var def: [UInt8]
        var rep: [UInt8]

        init(count: Int) {
            index = [Int32](repeating: 0, count: count)
            def = [UInt8](repeating: 0, count: count)
            rep = [UInt8](repeating: 0, count: count)
        }

        init() {
            index = []
            def = []
            rep = []
        }

        mutating func append(_ i: Int32, _ d: UInt8, _ r: UInt8) {
            index.append(i)
            def.append(d)
            rep.append(r)
        }
    }

    /// Walks an optional node at definition level `defLevel` (the level its entries reach when
    /// it is not null) inside `repLevel` lists or maps.
    private static func visit(_ column: Column?, _ type: DataType, _ input: Entries, defLevel: Int, repLevel: Int,
                              path: String, into out: inout [LeafSlice]) throws(EngineError) {
        var entries = input
        let present = column.flatMap { isNullStorage($0) ? nil : $0 }
        for k in 0..<entries.index.count where entries.index[k] >= 0 {
            if let present, !present.isNull(Int(entries.index[k])) {
                entries.def[k] = UInt8(defLevel)
            } else {
                entries.index[k] = -1
            }
        }
        switch type {
        case .structure(let s):
            var names: [String] = []
            var fields: [Column] = []
            if let present {
                guard case .structure(let n, let f) = present.storage else { throw mismatch(path, present.type, type) }
                names = n
                fields = f
                if let extra = names.first(where: { s.index(of: $0) == nil }) {
                    throw .unsupported(what: "Parquet", reason: "column \(path).\(extra) is not in the frame's schema")
                }
            }
            for f in s.fields {
                let child = names.firstIndex(of: f.name).map { fields[$0] }
                try visit(child, f.type, entries, defLevel: defLevel + 1, repLevel: repLevel, path: "\(path).\(f.name)", into: &out)
            }
        case .array(let elementType):
            var offsets: [Int32] = []
            var element: Column?
            if let present {
                guard case .array(let o, let e) = present.storage else { throw mismatch(path, present.type, type) }
                offsets = o
                element = e
            }
            let expanded = expand(entries, offsets: offsets, defLevel: defLevel, repLevel: repLevel)
            try visit(element, elementType, expanded, defLevel: defLevel + 2, repLevel: repLevel + 1, path: path + "[]", into: &out)
        case .map(let valueType):
            var offsets: [Int32] = []
            var keys: [String] = []
            var values: Column?
            if let present {
                guard case .map(let o, let k, let v) = present.storage else { throw mismatch(path, present.type, type) }
                offsets = o
                keys = k
                values = v
            }
            let expanded = expand(entries, offsets: offsets, defLevel: defLevel, repLevel: repLevel)
            var keyColumn = ByteColumn()
            for key in keys { keyColumn.append(key) }
            out.append(leaf(expanded, repeated: true, storage: .bytes(keyColumn)))
            try visit(values, valueType, expanded, defLevel: defLevel + 2, repLevel: repLevel + 1, path: path + ".value", into: &out)
        case .choice:
            throw .unsupported(what: "Parquet", reason: "column \(path) is a choice: Parquet has no union type")
        default:
            var storage = LeafStorage.none
            if let present { storage = try leafStorage(present, type: type, path: path) }
            out.append(leaf(entries, repeated: repLevel > 0, storage: storage))
        }
    }

    /// The entries of a list's (or map's) repeated group: one per element, or the parent entry
    /// itself for a null or empty list.
    private static func expand(_ entries: Entries, offsets: [Int32], defLevel: Int, repLevel: Int) -> Entries {
        var out = Entries()
        let n = entries.index.count
        out.index.reserveCapacity(n)
        out.def.reserveCapacity(n)
        out.rep.reserveCapacity(n)
        let elementDef = UInt8(defLevel + 1)
        let elementRep = UInt8(repLevel + 1)
        for k in 0..<n {
            let i = Int(entries.index[k])
            guard i >= 0, offsets[i] < offsets[i + 1] else {
                out.append(-1, entries.def[k], entries.rep[k])
                continue
            }
            out.append(offsets[i], elementDef, entries.rep[k])
            for j in (offsets[i] + 1)..<offsets[i + 1] { out.append(j, elementDef, elementRep) }
        }
        return out
    }

    private static func leaf(_ entries: Entries, repeated: Bool, storage: LeafStorage) -> LeafSlice {
        var indices: [Int32] = []
        indices.reserveCapacity(entries.index.count)
        for i in entries.index where i >= 0 { indices.append(i) }
        return LeafSlice(definitionLevels: entries.def, repetitionLevels: repeated ? entries.rep : [],
                         storage: storage, selection: .indices(indices))
    }

    private static func isNullStorage(_ column: Column) -> Bool {
        if case .null = column.storage { return true }
        return false
    }

    /// The column's values as Parquet stores them for the schema type `type`.
    static func leafStorage(_ column: Column, type: DataType, path: String) throws(EngineError) -> LeafStorage {
        switch (column.storage, type) {
        case (.null, _):
            return .none
        case (.boolean(let v), .boolean):
            return .boolean(v)
        case (.int32(let v, let t), .byte), (.int32(let v, let t), .short), (.int32(let v, let t), .int),
             (.int32(let v, let t), .date):
            guard t.name == type.name else { throw mismatch(path, t, type) }
            return .int32(v)
        case (.int64(let v, let t), .long), (.int64(let v, let t), .timestamp):
            guard t.name == type.name else { throw mismatch(path, t, type) }
            return .int64(v)
        case (.int64(let v, .decimal(_, let fromScale)), .decimal(let precision, let scale)):
            let unscaled = fromScale == scale ? v : try rescale(v, from: fromScale, to: scale, column: column, path: path)
            return precision <= 9 ? .int32(try narrow(unscaled, column: column, path: path)) : .int64(unscaled)
        case (.float32(let v), .float):
            return .float32(v)
        case (.float64(let v), .double):
            return .float64(v)
        case (.bytes(let b, let t), .string), (.bytes(let b, let t), .binary):
            guard t.name == type.name else { throw mismatch(path, t, type) }
            return .bytes(b)
        default:
            throw mismatch(path, column.type, type)
        }
    }

    private static func rescale(_ values: [Int64], from: Int, to: Int, column: Column, path: String) throws(EngineError) -> [Int64] {
        var out = values
        for i in out.indices where !column.isNull(i) {
            var v = values[i]
            if to > from {
                for _ in from..<to {
                    let (r, overflow) = v.multipliedReportingOverflow(by: 10)
                    guard !overflow else { throw tooWide(path, column.value(at: i)) }
                    v = r
                }
            } else {
                var p: Int64 = 1
                for _ in to..<from { p *= 10 }
                let (q, r) = v.quotientAndRemainder(dividingBy: p)
                v = q + (r.magnitude * 2 >= p.magnitude ? (v < 0 ? -1 : 1) : 0)
            }
            out[i] = v
        }
        return out
    }

    private static func narrow(_ values: [Int64], column: Column, path: String) throws(EngineError) -> [Int32] {
        var out = [Int32](repeating: 0, count: values.count)
        for i in values.indices where !column.isNull(i) {
            guard let v = Int32(exactly: values[i]) else { throw tooWide(path, column.value(at: i)) }
            out[i] = v
        }
        return out
    }

    private static func tooWide(_ path: String, _ value: Value) -> EngineError {
        .unsupported(what: "Parquet", reason: "column \(path): the decimal \(value.plainText) does not fit the schema's precision")
    }

    private static func mismatch(_ path: String, _ found: DataType, _ expected: DataType) -> EngineError {
        .unsupported(what: "Parquet",
                     reason: "column \(path) holds \(found.typeName) values in a batch but the frame's schema says \(expected.typeName)")
    }
}
