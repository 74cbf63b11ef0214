extension DynamicFrame {
    /// Glue's `rename_field`: both names are full paths.
    ///
    /// ```swift
    /// try frame.renameField("id", "org_id")
    /// try frame.renameField("address.state", "address.state_code")  // stays inside address
    /// try frame.renameField("name", "`name.full`")                   // a top-level name with a dot
    /// ```
    ///
    /// - When both paths have the same parent (the common case) the field is renamed where it
    ///   is, keeping its position, on the columns; inside arrays too (`links[].url` or
    ///   `links.url`). A field already called the new name at that level is replaced.
    /// - When the parents differ, the field moves: it leaves its struct and is added at the end
    ///   of the new parent struct, created if needed (Glue documents only same-parent renames;
    ///   moving through arrays throws).
    /// - A new name containing dots means nesting; quote a literal dotted name with backticks.
    /// - An old path that names no field changes nothing.
    /// - Throws: `EngineError.invalidPath` for a malformed path, `EngineError.transform` for a
    ///   move into or out of an array; threshold errors.
    public func renameField(_ old: String, _ new: String, transformationCtx: String = "", stageThreshold: Int = 0,
                            totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        let from = try FieldPath(parsing: old)
        let to = try FieldPath(parsing: new)
        let fromParent = ColumnPaths.implicit(from).dropLast()
        let toParent = ColumnPaths.implicit(to).dropLast()
        let out: [RecordBatch]
        if fromParent.elementsEqual(toParent) {
            let (a, b) = (from.leafName, to.leafName)
            out = batches.map { batch in
                ColumnPaths.edit(batch, at: Array(fromParent)) { names, columns, _ in
                    guard a != b, let i = names.firstIndex(of: a) else { return }
                    names[i] = b
                    if let j = names.indices.first(where: { $0 != i && names[$0] == b }) {
                        names.remove(at: j)
                        columns.remove(at: j)
                    }
                }
            }
        } else {
            out = try moving(from, to)
        }
        let result = derived(batches: out)
        try result.checkThresholds(transformation: "RenameField", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }

    /// Moves the field at `from` to `to` in every record (paths without arrays).
    private func moving(_ from: FieldPath, _ to: FieldPath) throws(EngineError) -> [RecordBatch] {
        guard !from.crossesArray, let target = to.fieldNames else {
            throw .transform(name: "RenameField", message: "cannot move \"\(from)\" to \"\(to)\": one of them is inside an array")
        }
        let schema = schema()
        guard let type = from.type(in: schema) else { return batches }
        var shaped = SchemaPaths.mapParent(schema, of: from) { parent in
            StructType(parent.fields.filter { $0.name != from.leafName })
        }
        shaped = SchemaPaths.setting(type, at: target[...], in: shaped)
        return batches.map { batch in
            let records = batch.records.map { record in
                var r = record
                let v = from.value(in: r)
                guard !v.isNull else { return r }
                from.update(&r) { _ in nil }
                r.set(v, at: target[...])
                return r
            }
            return RecordBatch(records: records, source: batch.source).conformed(to: shaped)
        }
    }
}
