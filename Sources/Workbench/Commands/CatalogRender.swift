import Foundation
import GlueEngine

/// How catalog objects print: JSON with the Glue API's field names (`GetTable`'s `Table`,
/// `GetPartitions`' `Partition`, ...), times as ISO text, `VersionId` as a string as the API
/// has it; and readable text lines. A connection's `PASSWORD` is never printed.
enum CatalogRender {
    static let hiddenPassword = "****"

    // MARK: JSON

    static func database(_ d: CatalogDatabase) -> DynamicRecord {
        var r = DynamicRecord([("Name", .string(d.name))])
        if let v = d.description { r["Description"] = .string(v) }
        if let v = d.locationUri { r["LocationUri"] = .string(v) }
        r["Parameters"] = .structure(JobRender.strings(d.parameters))
        r["CreateTime"] = .string(Timestamps.format(d.createTime))
        return r
    }

    static func column(_ c: CatalogColumn) -> Value {
        var r = DynamicRecord([("Name", .string(c.name)), ("Type", .string(c.type))])
        if let v = c.comment { r["Comment"] = .string(v) }
        return .structure(r)
    }

    static func storage(_ s: StorageDescriptor) -> DynamicRecord {
        var r = DynamicRecord([("Columns", .array(s.columns.map(column))), ("Location", .string(s.location))])
        if let v = s.inputFormat { r["InputFormat"] = .string(v) }
        if let v = s.outputFormat { r["OutputFormat"] = .string(v) }
        r["Compressed"] = .boolean(s.compressed)
        var serde = DynamicRecord()
        if let v = s.serdeLibrary { serde["SerializationLibrary"] = .string(v) }
        serde["Parameters"] = .structure(JobRender.strings(s.serdeParameters))
        r["SerdeInfo"] = .structure(serde)
        r["Parameters"] = .structure(JobRender.strings(s.parameters))
        return r
    }

    static func table(_ t: CatalogTable) -> DynamicRecord {
        var r = DynamicRecord([("Name", .string(t.name)), ("DatabaseName", .string(t.databaseName))])
        if let v = t.description { r["Description"] = .string(v) }
        r["CreateTime"] = .string(Timestamps.format(t.createTime))
        r["UpdateTime"] = .string(Timestamps.format(t.updateTime))
        r["StorageDescriptor"] = .structure(storage(t.storageDescriptor))
        r["PartitionKeys"] = .array(t.partitionKeys.map(column))
        r["TableType"] = .string(t.tableType)
        r["Parameters"] = .structure(JobRender.strings(t.parameters))
        if let v = t.createdBy { r["CreatedBy"] = .string(v) }
        r["VersionId"] = .string(String(t.versionId))
        return r
    }

    static func partition(_ p: CatalogPartition) -> DynamicRecord {
        DynamicRecord([
            ("Values", .array(p.values.map { .string($0) })), ("DatabaseName", .string(p.databaseName)),
            ("TableName", .string(p.tableName)), ("CreationTime", .string(Timestamps.format(p.createTime))),
            ("StorageDescriptor", .structure(storage(p.storageDescriptor))), ("Parameters", .structure(JobRender.strings(p.parameters))),
        ])
    }

    /// `PASSWORD` shown as `****`.
    static func connection(_ c: CatalogConnection) -> DynamicRecord {
        var r = DynamicRecord([("Name", .string(c.name))])
        if let v = c.description { r["Description"] = .string(v) }
        r["ConnectionType"] = .string(c.connectionType)
        r["ConnectionProperties"] = .structure(JobRender.strings(maskedProperties(c)))
        r["CreationTime"] = .string(Timestamps.format(c.creationTime))
        return r
    }

    static func maskedProperties(_ c: CatalogConnection) -> [String: String] {
        var p = c.properties
        if p["PASSWORD"] != nil { p["PASSWORD"] = hiddenPassword }
        return p
    }

    /// `{"Key": [objects]}` or `{"Key": object}`.
    static func wrap(_ key: String, _ record: DynamicRecord) -> DynamicRecord { DynamicRecord([(key, .structure(record))]) }
    static func wrap(_ key: String, _ records: [DynamicRecord]) -> DynamicRecord {
        DynamicRecord([(key, .array(records.map { .structure($0) }))])
    }

    // MARK: Text

    static func databaseLines(_ d: CatalogDatabase) -> [String] {
        var lines = ["Database: \(d.name)"]
        if let v = d.description { lines.append("Description: \(v)") }
        if let v = d.locationUri { lines.append("LocationUri: \(v)") }
        if !d.parameters.isEmpty { lines.append("Parameters: " + pairs(d.parameters)) }
        lines.append("CreateTime: \(Timestamps.format(d.createTime))")
        return lines
    }

    /// The table as lines: name, version, location, format, parameters, then its columns as a
    /// `printSchema`-like tree with Hive types (partition keys marked).
    static func tableLines(_ t: CatalogTable) -> [String] {
        let sd = t.storageDescriptor
        var lines = ["Table: \(t.databaseName).\(t.name) (version \(t.versionId))"]
        if let v = t.description { lines.append("Description: \(v)") }
        lines.append("Location: \(sd.location)")
        lines.append("Classification: \(t.classification ?? "-")")
        lines.append("TableType: \(t.tableType)")
        lines.append("PartitionKeys: " + (t.partitionKeys.isEmpty ? "(none)" : t.partitionKeys.map { "\($0.name) \($0.type)" }.joined(separator: ", ")))
        if let v = sd.serdeLibrary {
            lines.append("SerDe: \(v)" + (sd.serdeParameters.isEmpty ? "" : " (\(pairs(sd.serdeParameters)))"))
        }
        if let i = sd.inputFormat { lines.append("InputFormat: \(i)") }
        if let o = sd.outputFormat { lines.append("OutputFormat: \(o)") }
        if !t.parameters.isEmpty { lines.append("Parameters: " + pairs(t.parameters)) }
        if let v = t.createdBy { lines.append("CreatedBy: \(v)") }
        lines.append("CreateTime: \(Timestamps.format(t.createTime))  UpdateTime: \(Timestamps.format(t.updateTime))")
        lines.append("root")
        for c in sd.columns { lines.append("|-- \(c.name): \(c.type)" + (c.comment.map { "  -- \($0)" } ?? "")) }
        for c in t.partitionKeys { lines.append("|-- \(c.name): \(c.type) (partition key)") }
        return lines
    }

    static func connectionLines(_ c: CatalogConnection) -> [String] {
        var lines = ["Connection: \(c.name)", "ConnectionType: \(c.connectionType)"]
        if let v = c.description { lines.append("Description: \(v)") }
        let props = maskedProperties(c)
        for k in props.keys.sorted() { lines.append("  \(k) \(props[k] ?? "")") }
        lines.append("CreationTime: \(Timestamps.format(c.creationTime))")
        return lines
    }

    /// `k=v, k=v` with sorted keys, values quoted when they have spaces, commas or are empty.
    static func pairs(_ map: [String: String]) -> String {
        map.keys.sorted().map { k in
            let v = map[k] ?? ""
            let plain = !v.isEmpty && !v.contains(where: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\"" })
            return plain ? "\(k)=\(v)" : "\(k)=\(quote(v))"
        }.joined(separator: ", ")
    }

    /// `"..."` with tabs, newlines and quotes escaped.
    static func quote(_ v: String) -> String {
        var s = "\""
        for ch in v.unicodeScalars {
            switch ch {
            case "\t": s += "\\t"
            case "\n": s += "\\n"
            case "\"": s += "\\\""
            default: s.unicodeScalars.append(ch)
            }
        }
        return s + "\""
    }
}
