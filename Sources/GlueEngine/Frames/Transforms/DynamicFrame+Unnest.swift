extension DynamicFrame {
    /// Glue's `unnest`: nested struct fields become top-level fields named with their path,
    /// `address.state`, `address.geo.lat` — the dots are part of the name (write
    /// `` `address.state` `` to reach such a field in a path).
    ///
    /// Arrays are kept as they are, elements untouched. (Glue's Python docstring also mentions
    /// join keys for arrays; that pivoting is what `relationalize` does, and its Scala doc
    /// notes structs inside arrays get names prefixed with the array's name and `.val` — also
    /// `relationalize`'s output.) Choice fields stay as they are. A struct with no fields leaves
    /// nothing; if a flattened name clashes with an existing field, the first one wins.
    /// Works on the columns: a nested field is null wherever its struct is.
    public func unnest(transformationCtx: String = "", stageThreshold: Int = 0,
                       totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        let target = Self.flattened(schema())
        let out = batches.map { Self.flattened($0).conformed(to: target) }
        let result = derived(batches: out)
        try result.checkThresholds(transformation: "UnnestFrame", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }

    /// `batch` with its struct columns flattened to `parent.child` columns.
    static func flattened(_ batch: RecordBatch) -> RecordBatch {
        var names: [String] = []
        var columns: [Column] = []
        var seen = Set<String>()
        func visit(_ prefix: String, _ fieldNames: [String], _ fields: [Column], _ mask: [Bool]?) {
            for (name, column) in zip(fieldNames, fields) {
                let full = prefix + name
                let c = column.masked(by: mask)
                if case .structure(let n, let f) = c.storage {
                    visit(full + ".", n, f, c.validity)
                } else if seen.insert(full).inserted {
                    names.append(full)
                    columns.append(c)
                }
            }
        }
        visit("", batch.names, batch.columns, nil)
        return batch.with(names: names, columns: columns)
    }

    /// The flattened form of a schema (see `unnest`).
    static func flattened(_ schema: StructType) -> StructType {
        var fields: [Field] = []
        var seen = Set<String>()
        func visit(_ prefix: String, _ s: StructType) {
            for f in s.fields {
                if case .structure(let child) = f.type {
                    visit(prefix + f.name + ".", child)
                } else if seen.insert(prefix + f.name).inserted {
                    fields.append(Field(prefix + f.name, f.type))
                }
            }
        }
        visit("", schema)
        return StructType(fields)
    }
}
