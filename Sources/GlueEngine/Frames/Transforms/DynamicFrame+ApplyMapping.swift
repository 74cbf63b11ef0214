extension DynamicFrame {
    /// Glue's `apply_mapping` / `ApplyMapping`: a new frame holding only the mapped fields, in
    /// mapping order, each moved to its target path and cast to its target type.
    ///
    /// ```swift
    /// let out = try frame.applyMapping([
    ///     try Mapping(tuple: ["provider id", "long", "provider.id", "long"]),
    ///     try Mapping(tuple: ["provider name", "string", "provider.name", "string"]),
    /// ])
    /// // root / |-- provider: struct / |    |-- id: long / |    |-- name: string
    /// ```
    ///
    /// - Fields that no mapping names are dropped.
    /// - A dotted target builds nested structs (fields of one struct are gathered in it, in the
    ///   order first mapped); a dotted source un-nests. Backticks quote names with dots.
    /// - Casts follow `Value.cast(to:)`: a value that cannot be cast becomes null (Glue does not
    ///   document this case; it matches its `cast:` action) and the record is kept.
    /// - Source names match case-insensitively unless `caseSensitive` (the Python default is
    ///   false, Scala's true); an exact match wins.
    /// - A source missing from a record leaves the target absent in that record; a source in
    ///   no record at all is absent from the schema.
    /// - A source inside an array (`items[].price`, or `items.price` where `items` is an
    ///   array) throws: Glue cannot map fields nested under arrays.
    ///
    /// No error records are made; the thresholds check the errors inherited.
    public func applyMapping(_ mappings: [Mapping], caseSensitive: Bool = false, transformationCtx: String = "",
                             stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        let result = try applyMapping(mappings, caseSensitive: caseSensitive, columnar: true)
        try result.checkThresholds(transformation: "ApplyMapping", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }

    /// `applyMapping` with the columnar path switchable off (tests check both agree).
    func applyMapping(_ mappings: [Mapping], caseSensitive: Bool, columnar: Bool) throws(EngineError) -> DynamicFrame {
        let schema = schema()
        var resolved: [(source: [String]?, mapping: Mapping)] = []
        var target = StructType()
        for m in mappings {
            let found = try Self.resolveSource(m.source, in: schema, caseSensitive: caseSensitive)
            resolved.append((found?.names, m))
            guard let (_, type) = found, let names = m.target.fieldNames else { continue }
            target = SchemaPaths.setting(m.targetType ?? type, at: names[...], in: target)
        }
        let out = batches.map { batch in
            (columnar ? Self.mapColumns(batch, resolved) : Self.mapRecords(batch, resolved)).conformed(to: target)
        }
        return derived(batches: out)
    }

    /// The actual field names a source path names in `schema`, and its type; nil when absent.
    static func resolveSource(_ path: FieldPath, in schema: StructType,
                              caseSensitive: Bool) throws(EngineError) -> (names: [String], type: DataType)? {
        guard let wanted = path.fieldNames else { return nil }
        var names: [String] = []
        var current = DataType.structure(schema)
        for name in wanted {
            var structure: StructType?
            switch current {
            case .structure(let s): structure = s
            case .choice(let c): if case .structure(let s)? = c.member(named: "struct") { structure = s }
            case .array:
                throw .transform(name: "ApplyMapping",
                                 message: "cannot map \"\(path)\": \"\(names.joined(separator: "."))\" is an array, and fields nested inside arrays cannot be mapped")
            default: break
            }
            guard let s = structure, let i = SchemaPaths.fieldIndex(s, name, caseSensitive: caseSensitive) else { return nil }
            names.append(s.fields[i].name)
            current = s.fields[i].type
        }
        return (names, current)
    }

    private static func mapColumns(_ batch: RecordBatch, _ resolved: [(source: [String]?, mapping: Mapping)]) -> RecordBatch {
        var out = MappedColumns()
        for (source, m) in resolved {
            guard let source, let column = sourceColumn(batch, source), let target = m.target.fieldNames else { continue }
            out.set(m.targetType.map { column.cast(to: $0) } ?? column, at: target[...])
        }
        let (names, columns) = out.finish(count: batch.count)
        return batch.with(names: names, columns: columns)
    }

    /// The column at struct path `names` in `batch` (a field is null wherever its struct is);
    /// nil when the batch does not have it.
    private static func sourceColumn(_ batch: RecordBatch, _ names: [String]) -> Column? {
        guard let first = names.first, var column = batch.column(first) else { return nil }
        for name in names.dropFirst() {
            var holder = column
            if case .choice(_, let members) = column.storage {
                guard let s = members.first(where: { $0.type.name == "struct" }) else { return nil }
                holder = s
            }
            guard case .structure(let n, let f) = holder.storage, let i = n.firstIndex(of: name) else { return nil }
            column = f[i].masked(by: holder.validity)
        }
        return column
    }

    private static func mapRecords(_ batch: RecordBatch, _ resolved: [(source: [String]?, mapping: Mapping)]) -> RecordBatch {
        let sources = resolved.map { $0.source.map { FieldPath(steps: $0.map(FieldPath.Step.field)) } }
        let targets = resolved.map { $0.mapping.target.fieldNames ?? [] }
        let records = batch.records.map { record in
            var out = DynamicRecord()
            for (k, (_, m)) in resolved.enumerated() {
                guard let source = sources[k] else { continue }
                var v = source.value(in: record)
                if let t = m.targetType { v = v.cast(to: t) }
                if v.isNull { continue }
                out.set(v, at: targets[k][...])
            }
            return out
        }
        return RecordBatch(records: records, source: batch.source)
    }
}

/// The output columns of a columnar `applyMapping`: top-level columns and the structs that
/// dotted targets build, in the order first mapped.
private struct MappedColumns {
    indirect enum Node {
        case column(Column)
        case group(MappedColumns)
    }

    var names: [String] = []
    var nodes: [Node] = []

    /// Puts `column` at struct path `path` (a later mapping to the same path wins).
    mutating func set(_ column: Column, at path: ArraySlice<String>) {
        guard let name = path.first else { return }
        let rest = path.dropFirst()
        let i = names.firstIndex(of: name)
        let node: Node
        if rest.isEmpty {
            node = .column(column)
        } else {
            var group = MappedColumns()
            if let i, case .group(let g) = nodes[i] { group = g }
            group.set(column, at: rest)
            node = .group(group)
        }
        if let i { nodes[i] = node } else { names.append(name); nodes.append(node) }
    }

    /// The finished columns: a group is a struct column, present where any of its fields is.
    func finish(count: Int) -> ([String], [Column]) {
        let columns = nodes.map { node -> Column in
            switch node {
            case .column(let c):
                return c
            case .group(let g):
                let (n, f) = g.finish(count: count)
                var present: [Bool]? = [Bool](repeating: false, count: count)
                for c in f {
                    guard let p = c.presence else { present = nil; break }
                    for i in 0..<count where p[i] { present?[i] = true }
                }
                return Column(count: count, storage: .structure(names: n, fields: f), validity: present)
            }
        }
        return (names, columns)
    }
}
