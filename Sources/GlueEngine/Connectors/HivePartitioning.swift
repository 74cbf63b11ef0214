/// Hive-style partitioning, as a Glue sink with `partitionKeys` writes it: one folder level per
/// key, `key=value/`, in key order; the key columns are taken out of the data files (their
/// values live in the folder names). Values print as their plain text with Hive's escapes
/// (`%2F` for `/`, ...); a null or empty value is `__HIVE_DEFAULT_PARTITION__`, as in Spark.
public enum HivePartitioning {
    /// The folder name Spark and Glue use for a null partition value.
    public static let defaultPartition = "__HIVE_DEFAULT_PARTITION__"

    /// Splits `frame` by the values of `keys`, returning each partition's relative folder
    /// (`year=2024/month=1/`) with its records minus the key columns, folders sorted.
    public static func split(_ frame: DynamicFrame, keys: [String]) throws(EngineError) -> [(folder: String, frame: DynamicFrame)] {
        let schema = frame.schema()
        for key in keys where schema[key] == nil {
            throw .invalidOption(name: "partitionKeys", value: key,
                                 reason: "no such top-level field (fields: \(schema.names.joined(separator: ", ")))")
        }
        if Set(keys).isSuperset(of: schema.names), !schema.names.isEmpty {
            throw .invalidOption(name: "partitionKeys", value: keys.joined(separator: ","),
                                 reason: "every field is a partition key, so no data would be left to write")
        }
        var batchesByFolder: [String: [RecordBatch]] = [:]
        for batch in frame.batches {
            let keyColumns = keys.map { batch.column($0) }
            var rowsByFolder: [String: [Int]] = [:]
            for row in 0..<batch.count {
                var folder = ""
                for (key, column) in zip(keys, keyColumns) {
                    folder += escape(key) + "=" + folderValue(column?.value(at: row) ?? .null) + "/"
                }
                rowsByFolder[folder, default: []].append(row)
            }
            for (folder, rows) in rowsByFolder {
                let part = batch.gather(rows)
                let kept = part.names.indices.filter { !keys.contains(part.names[$0]) }
                batchesByFolder[folder, default: []].append(part.with(names: kept.map { part.names[$0] }, columns: kept.map { part.columns[$0] }))
            }
        }
        return batchesByFolder.keys.sorted().map { folder in
            (folder, DynamicFrame(name: frame.name, batches: batchesByFolder[folder]!))
        }
    }

    /// A value as it appears in a folder name.
    static func folderValue(_ value: Value) -> String {
        let text = value.plainText
        return text.isEmpty ? defaultPartition : escape(text)
    }

    /// Hive's path escaping (`FileUtils.escapePathName`): control characters, DEL and
    /// `"#%'*/:=?\{[]^` become `%XX`; everything else (UTF-8 included) is kept.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || escaped.contains(byte) {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let escaped: Set<UInt8> = Set("\"#%'*/:=?\\{[]^".utf8)
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
