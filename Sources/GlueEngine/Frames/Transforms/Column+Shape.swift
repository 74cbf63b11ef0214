/// Shaping columns to a schema: field order (so every batch of a transformed frame lists its
/// fields in the order the frame's schema promises), typed nulls, and the strict shape a
/// DataFrame needs (exactly the schema's fields and types).
extension Column {
    /// `count` nulls stored as a column of `type` (a DataFrame column keeps its type even when
    /// every value is null; a DynamicFrame would call such a column `null`).
    static func typedNulls(_ count: Int, _ type: DataType) -> Column {
        let none = [Bool](repeating: false, count: count)
        let storage: ColumnStorage
        switch type {
        case .null, .choice: return .nulls(count)
        case .boolean: storage = .boolean([Bool](repeating: false, count: count))
        case .byte, .short, .int, .date: storage = .int32([Int32](repeating: 0, count: count), type)
        case .long, .timestamp, .decimal: storage = .int64([Int64](repeating: 0, count: count), type)
        case .float: storage = .float32([Float](repeating: 0, count: count))
        case .double: storage = .float64([Double](repeating: 0, count: count))
        case .string, .binary: storage = .bytes(ByteColumn(offsets: [Int32](repeating: 0, count: count + 1), data: []), type)
        case .structure(let s):
            storage = .structure(names: s.names, fields: s.fields.map { typedNulls(count, $0.type) })
        case .array(let e):
            storage = .array(offsets: [Int32](repeating: 0, count: count + 1), element: typedNulls(0, e))
        case .map(let v):
            storage = .map(offsets: [Int32](repeating: 0, count: count + 1), keys: [], values: typedNulls(0, v))
        }
        return Column(count: count, storage: storage, validity: none)
    }

    /// This column with the rows where `mask` is false made null (a struct's field read on its
    /// own must be null where the struct is).
    func masked(by mask: [Bool]?) -> Column {
        guard let mask else { return self }
        switch storage {
        case .null:
            return self
        case .choice(var tags, let members):
            for i in 0..<count where !mask[i] { tags[i] = ColumnStorage.nullTag }
            return Column(count: count, storage: .choice(tags: tags, members: members))
        default:
            let v = validity.map { zip($0, mask).map { $0 && $1 } } ?? mask
            return Column(count: count, storage: storage, validity: v)
        }
    }

    /// True where the row holds a value.
    var presence: [Bool]? {
        switch storage {
        case .null: return [Bool](repeating: false, count: count)
        case .choice(let tags, _): return tags.map { $0 != ColumnStorage.nullTag }
        default: return validity
        }
    }

    /// The column with struct fields (at any depth) in the order of `type`, adding a null column
    /// for each field of `type` it lacks; fields `type` does not know stay, after the others.
    /// An all-null column takes `type` (so a frame cast to `long` says `long` even where no
    /// value could be cast).
    func conformed(to type: DataType) -> Column {
        switch (storage, type) {
        case (.null, _):
            return .typedNulls(count, type)
        case (.structure(let names, let fields), .structure(let s)):
            let (n, f) = Column.conform(names: names, columns: fields, count: count, to: s)
            return Column(count: count, storage: .structure(names: n, fields: f), validity: validity)
        case (.array(let offsets, let element), .array(let e)):
            return Column(count: count, storage: .array(offsets: offsets, element: element.conformed(to: e)), validity: validity)
        case (.map(let offsets, let keys, let values), .map(let v)):
            return Column(count: count, storage: .map(offsets: offsets, keys: keys, values: values.conformed(to: v)), validity: validity)
        case (.choice(let tags, let members), .choice(let c)):
            let m = members.map { col in c.member(named: col.type.name).map { col.conformed(to: $0) } ?? col }
            return Column(count: count, storage: .choice(tags: tags, members: m))
        case (.choice, _):
            return self
        case (_, .choice(let c)):
            return c.member(named: self.type.name).map { conformed(to: $0) } ?? self
        default:
            return self
        }
    }

    /// Reorders `names`/`columns` to follow `s` (see `conformed(to:)`).
    static func conform(names: [String], columns: [Column], count: Int, to s: StructType) -> ([String], [Column]) {
        var position: [String: Int] = [:]
        for (i, n) in names.enumerated() where position[n] == nil { position[n] = i }
        var outNames: [String] = []
        var outColumns: [Column] = []
        var used = Set<Int>()
        for f in s.fields {
            outNames.append(f.name)
            if let i = position[f.name] {
                used.insert(i)
                outColumns.append(columns[i].conformed(to: f.type))
            } else {
                outColumns.append(.typedNulls(count, f.type))
            }
        }
        for (i, n) in names.enumerated() where !used.contains(i) {
            outNames.append(n)
            outColumns.append(columns[i])
        }
        return (outNames, outColumns)
    }

    /// The column with exactly `type`: struct fields in `type`'s order (missing ones as typed
    /// nulls, extra ones dropped), every value cast, nulls typed. A choice column whose target is
    /// a struct becomes that struct, one field per member type name (`KeepAsStruct`).
    func strictlyTyped(as type: DataType) -> Column {
        if case .null = type { return .nulls(count) }
        switch (storage, type) {
        case (.null, _):
            return .typedNulls(count, type)
        case (.structure(let names, let fields), .structure(let s)):
            let f = s.fields.map { f in
                names.firstIndex(of: f.name).map { fields[$0].strictlyTyped(as: f.type) } ?? .typedNulls(count, f.type)
            }
            return Column(count: count, storage: .structure(names: s.names, fields: f), validity: validity)
        case (.array(let offsets, let element), .array(let e)):
            return Column(count: count, storage: .array(offsets: offsets, element: element.strictlyTyped(as: e)), validity: validity)
        case (.map(let offsets, let keys, let values), .map(let v)):
            return Column(count: count, storage: .map(offsets: offsets, keys: keys, values: values.strictlyTyped(as: v)), validity: validity)
        case (.choice(let tags, let members), .structure(let s)):
            let f = s.fields.map { f in
                members.first { $0.type.name == f.name }.map { $0.strictlyTyped(as: f.type) } ?? .typedNulls(count, f.type)
            }
            return Column(count: count, storage: .structure(names: s.names, fields: f), validity: tags.map { $0 != ColumnStorage.nullTag })
        case (_, .structure(let s)) where s[self.type.name] != nil && !isStructure:
            // One member of a kept-as-struct choice (the batch saw only this type).
            let f = s.fields.map { f in f.name == self.type.name ? strictlyTyped(as: f.type) : .typedNulls(count, f.type) }
            return Column(count: count, storage: .structure(names: s.names, fields: f), validity: presence)
        default:
            if self.type == type { return self }
            let c = cast(to: type)
            switch c.storage {
            case .structure, .array, .map: return c.type == type ? c : c.strictlyTyped(as: type)
            case .null, .choice: return .typedNulls(count, type)
            default: return c.type == type ? c : .typedNulls(count, type)
            }
        }
    }

    private var isStructure: Bool {
        if case .structure = storage { return true }
        return false
    }
}

extension RecordBatch {
    /// The batch with columns (and nested struct fields) in the order of `schema`, a null column
    /// for each field it lacks, and fields `schema` does not know kept after the others.
    func conformed(to schema: StructType) -> RecordBatch {
        let (n, c) = Column.conform(names: names, columns: columns, count: count, to: schema)
        return with(names: n, columns: c)
    }

    /// The batch with exactly the columns and types of `schema` (see `Column.strictlyTyped`).
    func strictlyTyped(as schema: StructType) -> RecordBatch {
        let c = schema.fields.map { f in column(f.name)?.strictlyTyped(as: f.type) ?? .typedNulls(count, f.type) }
        return with(names: schema.names, columns: c)
    }
}
