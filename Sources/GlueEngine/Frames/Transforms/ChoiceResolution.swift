/// One planned step of `resolveChoice`: an action bound to a path, with what the frame's
/// schema says about it (the members of the choice there). It can be applied to a schema, to a
/// batch's columns (any path ending with a field), or to records (any path); the three agree.
struct ChoiceResolution {
    enum Kind {
        case cast(DataType)
        case project(DataType)
        /// Split into `<name>_<type>` fields, one per member (members sorted by type name).
        case makeCols([DataType])
        /// Replace by a struct with one field per member, named by the type.
        case makeStruct([DataType])
    }

    let path: FieldPath
    let kind: Kind

    /// The field name a member's values get under `make_cols`.
    static func columnName(_ leaf: String, _ member: String) -> String { "\(leaf)_\(member)" }

    // MARK: - Schema

    /// The schema after this step.
    func apply(to schema: StructType) -> StructType {
        switch kind {
        case .cast(let t), .project(let t):
            return replacingType(in: schema) { _ in t }
        case .makeStruct(let members):
            return replacingType(in: schema) { _ in .structure(StructType(members.map { Field($0.name, $0) })) }
        case .makeCols(let members):
            let leaf = path.leafName
            return SchemaPaths.mapParent(schema, of: path) { parent in
                guard let i = parent.index(of: leaf), let first = members.first else { return parent }
                var s = parent
                let names = members.map { Self.columnName(leaf, $0.name) }
                s.fields.removeAll { f in f.name != leaf && names.contains(f.name) }
                let at = s.index(of: leaf) ?? i
                s.fields[at] = Field(names[0], first)
                for (name, m) in zip(names, members).dropFirst() { s.fields.append(Field(name, m)) }
                return s
            }
        }
    }

    private func replacingType(in schema: StructType, _ f: (DataType) -> DataType) -> StructType {
        guard case .structure(let s) = SchemaPaths.map(.structure(schema), path.steps[...], f) else { return schema }
        return s
    }

    // MARK: - Records

    /// Applies this step to one record (fields absent from it stay absent).
    func apply(to record: inout DynamicRecord) {
        switch kind {
        case .cast(let t):
            path.update(&record) { v in
                let c = v.cast(to: t)
                return c.isNull ? nil : c
            }
        case .project(let t):
            path.update(&record) { v in v.dataType.name == t.name ? Self.nonNull(v.cast(to: t)) : nil }
        case .makeStruct:
            path.update(&record) { v in
                v.isNull ? nil : .structure(DynamicRecord([(v.dataType.name, v)]))
            }
        case .makeCols:
            let leaf = path.leafName
            if path.steps.count == 1 {
                Self.split(&record, leaf)
            } else {
                path.parent.update(&record) { parent in
                    guard case .structure(var r) = parent else { return parent }
                    Self.split(&r, leaf)
                    return .structure(r)
                }
            }
        }
    }

    private static func nonNull(_ v: Value) -> Value? { v.isNull ? nil : v }

    /// Moves field `leaf` of `r` to `<leaf>_<its type>`.
    private static func split(_ r: inout DynamicRecord, _ leaf: String) {
        guard let v = r.removeValue(forKey: leaf), !v.isNull else { return }
        r[columnName(leaf, v.dataType.name)] = v
    }

    // MARK: - Columns

    /// Applies this step to `batch` column by column: the struct holding the path's field is
    /// reached through struct columns and array elements (see `ColumnPaths`) and edited there.
    /// The path must end with a field (not `[]`).
    func apply(to batch: RecordBatch) -> RecordBatch {
        ColumnPaths.edit(batch, at: Array(path.steps.dropLast())) { names, columns, _ in
            apply(to: &names, &columns)
        }
    }

    /// Applies this step to field `path.leafName` of one struct level.
    private func apply(to names: inout [String], _ columns: inout [Column]) {
        let leaf = path.leafName
        guard let i = names.firstIndex(of: leaf) else { return }
        let column = columns[i]
        switch kind {
        case .cast(let t):
            columns[i] = column.cast(to: t)
        case .project(let t):
            columns[i] = Self.project(column, t)
        case .makeStruct:
            columns[i] = Self.makeStruct(column)
        case .makeCols(let members):
            let parts = Self.memberColumns(column)
            names.remove(at: i)
            columns.remove(at: i)
            // The first member of the frame's choice takes the field's place, the others go
            // last (the batch is conformed to the schema's order afterwards anyway).
            for (type, col) in parts {
                let name = Self.columnName(leaf, type.name)
                if let j = names.firstIndex(of: name) {  // a clash with an existing field: replace it
                    names.remove(at: j)
                    columns.remove(at: j)
                }
                if type.name == members.first?.name, i <= names.count {
                    names.insert(name, at: i)
                    columns.insert(col, at: i)
                } else {
                    names.append(name)
                    columns.append(col)
                }
            }
        }
    }

    /// The column's values by type: the members of a choice column (each already null off its
    /// own rows, as `ColumnStorage.choice` requires — so this costs nothing) or the column
    /// itself; none for an all-null column.
    static func memberColumns(_ column: Column) -> [(DataType, Column)] {
        switch column.storage {
        case .null: []
        case .choice(_, let members): members.map { ($0.type, $0) }
        default: [(column.type, column)]
        }
    }

    static func project(_ column: Column, _ t: DataType) -> Column {
        guard let member = memberColumns(column).first(where: { $0.0.name == t.name }) else {
            return .nulls(column.count)
        }
        return member.1.cast(to: t)
    }

    static func makeStruct(_ column: Column) -> Column {
        let parts = memberColumns(column)
        guard !parts.isEmpty else { return column }
        return Column(count: column.count,
                      storage: .structure(names: parts.map { $0.0.name }, fields: parts.map(\.1)),
                      validity: column.presence)
    }
}
