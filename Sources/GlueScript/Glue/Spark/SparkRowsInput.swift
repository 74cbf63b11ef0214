import GlueEngine

/// `spark.createDataFrame(data, schema)`: Python rows to a DataFrame.
enum SparkRowsInput {
    /// `data`: a list (or tuple) of tuples/lists (fields by position), dicts (by key) or Rows
    /// (by name). `schema`: a StructType or DDL string (values are cast to its types, rows
    /// matched by position or name), a list of column names (types inferred), or `None`
    /// (names `_1`, `_2`, ... for tuples; types inferred: int → bigint, float → double, str →
    /// string, bool → boolean, list → array, dict and Row → struct).
    static func dataFrame(_ data: PyValue, schema: PyValue) throws -> DataFrame {
        guard let rows = data.sequenceItems else {
            throw PyException(.typeError, "createDataFrame(): data should be a list of tuples, dicts or Rows, got \(data.typeName)")
        }
        var names: [String]?
        var structType: StructType?
        switch schema {
        case .none: break
        case .str: structType = try SparkSchemas.schema(schema, "createDataFrame")
        case .list, .tuple:
            names = try (schema.sequenceItems ?? []).map {
                guard case .str(let s) = $0 else { throw PyException(.typeError, "createDataFrame(): schema names must be str, got \($0.typeName)") }
                return s
            }
        default: structType = try SparkSchemas.schema(schema, "createDataFrame")
        }
        let positional = structType?.names ?? names
        let records = try rows.map { try record($0, names: positional) }
        if let structType {
            return DataFrame(schema: structType, batches: records.isEmpty ? [] : [RecordBatch(records: records)])
        }
        let inferred = try DynamicFrame(name: "", records: records).toDF()
        guard let names, !records.isEmpty else { return inferred }
        let fields = names.map { name in Field(name, inferred.schema.fields.first { $0.name == name }?.type ?? .null) }
        return DataFrame(schema: StructType(fields), batches: inferred.batches)
    }

    /// One row as a record: tuples and lists by position (names from `names`, else `_1`...),
    /// dicts by key, Rows by their field names.
    static func record(_ row: PyValue, names: [String]?) throws -> DynamicRecord {
        var record = DynamicRecord()
        switch row {
        case .dict(let d):
            for (k, v) in d.items {
                guard case .str(let name) = k else { throw PyException(.typeError, "createDataFrame(): dict keys must be str") }
                record[name] = try value(v)
            }
        case .object(let o):
            guard let r = o as? RowObject else { fallthrough }
            for (name, v) in zip(r.names, r.values) { record[name] = try value(v) }
        default:
            guard let items = row.sequenceItems else {
                throw PyException(.typeError, "createDataFrame(): each row should be a tuple, list, dict or Row, got \(row.typeName)")
            }
            if let names, names.count != items.count {
                throw PyException(.valueError, "createDataFrame(): a row has \(items.count) values but the schema has \(names.count) fields")
            }
            for (i, v) in items.enumerated() { record[names?[i] ?? "_\(i + 1)"] = try value(v) }
        }
        return record
    }

    /// The engine value of a cell: Rows become structs.
    static func value(_ v: PyValue) throws -> Value {
        if let row = v.object(as: RowObject.self) {
            var r = DynamicRecord()
            for (name, item) in zip(row.names, row.values) { r[name] = try value(item) }
            return .structure(r)
        }
        if let items = v.sequenceItems { return .array(try items.map(value)) }
        return try v.engineValue()
    }
}
