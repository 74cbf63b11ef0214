import Foundation

/// Turns a planned table into the `Table` and `Partition`s a crawler writes, with the formats,
/// SerDes and parameters Glue's crawlers set:
///
/// | classification | SerDe | input / output format |
/// | --- | --- | --- |
/// | `csv` | `LazySimpleSerDe` (`field.delim`); `OpenCSVSerde` (`separatorChar`, `quoteChar`) when values are quoted | `TextInputFormat` / `HiveIgnoreKeyTextOutputFormat` |
/// | `json` | `org.openx.data.jsonserde.JsonSerDe` (`paths`) | `TextInputFormat` / `HiveIgnoreKeyTextOutputFormat` |
/// | `parquet` | `ParquetHiveSerDe` (`serialization.format=1`) | `MapredParquetInputFormat` / `MapredParquetOutputFormat` |
///
/// Table parameters: `classification`, `compressionType` (`none`), `typeOfData` (`file`),
/// `UPDATED_BY_CRAWLER` (the crawler), `CrawlerSchemaDeserializerVersion` and
/// `CrawlerSchemaSerializerVersion` (`1.0`), `objectCount`, `sizeKey` (bytes), `recordCount`
/// (estimated: sampled records scaled by size), `averageRecordSize`; CSV adds `delimiter`,
/// `areColumnsQuoted`, `columnsOrdered` and, when a header was detected,
/// `skip.header.line.count` = `1`. The storage descriptor carries the same parameters.
///
/// Column types: the samples' schemas are merged (a column of several types becomes a
/// choice, as in a DynamicFrame) and then widened to one Hive type (``HiveType/widened(_:)``:
/// integral types to the widest, integral with fractional to `double`, anything else mixed to
/// `string`; a column never seen with a value is `string`). Partition keys are `string`.
enum CrawlTableBuilder {
    static let textInput = "org.apache.hadoop.mapred.TextInputFormat"
    static let textOutput = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"

    /// The widened columns of `samples`, in first-seen order. Names are lowercased, as the
    /// catalog stores them; fields differing only in case (`Name`, `name`) are one column.
    static func columns(_ samples: [CrawlSample]) -> [CatalogColumn] {
        let merged = samples.reduce(StructType()) { $0.merged(with: $1.schema) }
        var folded = StructType()
        for f in merged.fields {
            let name = f.name.lowercased()
            if let i = folded.index(of: name) {
                folded.fields[i].type = DataType.merge(folded.fields[i].type, f.type)
            } else {
                folded.fields.append(Field(name, f.type))
            }
        }
        return folded.fields.map { CatalogColumn(name: $0.name, type: HiveType.name(of: HiveType.widened($0.type))) }
    }

    static func descriptor(_ samples: [CrawlSample], columns: [CatalogColumn], location: String, crawler: String) -> StorageDescriptor {
        let first = samples[0]
        var params: [String: String] = [
            "classification": first.format.rawValue, "compressionType": "none", "typeOfData": "file",
            "UPDATED_BY_CRAWLER": crawler, "CrawlerSchemaDeserializerVersion": "1.0", "CrawlerSchemaSerializerVersion": "1.0",
        ]
        let size = samples.reduce(Int64(0)) { $0 + $1.object.size }
        var records = 0
        for s in samples where s.bytesSampled > 0 {
            records += s.format == .parquet ? s.recordsSampled
                : Int((Double(s.recordsSampled) * Double(s.object.size) / Double(s.bytesSampled)).rounded())
        }
        params["objectCount"] = String(samples.count)
        params["sizeKey"] = String(size)
        params["recordCount"] = String(records)
        params["averageRecordSize"] = String(records > 0 ? Int(size) / records : 0)
        var sd = StorageDescriptor(columns: columns, location: location)
        switch first.format {
        case .csv:
            let d = String(decoding: [first.delimiter ?? UInt8(ascii: ",")], as: UTF8.self)
            let quoted = samples.contains { $0.quoted }
            params["delimiter"] = d
            params["areColumnsQuoted"] = String(quoted)
            params["columnsOrdered"] = "true"
            if first.header { params["skip.header.line.count"] = "1" }
            sd.inputFormat = textInput
            sd.outputFormat = textOutput
            if quoted {
                sd.serdeLibrary = "org.apache.hadoop.hive.serde2.OpenCSVSerde"
                sd.serdeParameters = ["separatorChar": d, "quoteChar": "\""]
            } else {
                sd.serdeLibrary = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"
                sd.serdeParameters = ["field.delim": d]
            }
        case .json:
            sd.inputFormat = textInput
            sd.outputFormat = textOutput
            sd.serdeLibrary = "org.openx.data.jsonserde.JsonSerDe"
            sd.serdeParameters = ["paths": columns.map(\.name).sorted().joined(separator: ",")]
        case .parquet:
            sd.inputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
            sd.outputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"
            sd.serdeLibrary = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
            sd.serdeParameters = ["serialization.format": "1"]
        }
        sd.parameters = params
        return sd
    }

    /// The table and its partitions, or nil when no sample is left.
    static func build(_ planned: CrawlLayout.Table, database: String, name: String, crawler: String,
                      configuration: CrawlerConfiguration) -> (CatalogTable, [CatalogPartition])? {
        guard !planned.samples.isEmpty else { return nil }
        var columns = columns(planned.samples)
        var keys = planned.partitionKeys
        // A partition key named like a data column is renamed by its position.
        for i in keys.indices where columns.contains(where: { $0.name == keys[i] }) { keys[i] = "partition_\(i)" }
        columns.removeAll { c in keys.contains(c.name) }
        let sd = descriptor(planned.samples, columns: columns, location: planned.location, crawler: crawler)
        let table = CatalogTable(databaseName: database, name: name, parameters: sd.parameters, storageDescriptor: sd,
                                 partitionKeys: keys.map { CatalogColumn(name: $0, type: "string") }, createdBy: crawler)
        let partitions = planned.partitions.map { p in
            var psd: StorageDescriptor
            if configuration.inheritFromTable {
                psd = sd
                psd.location = p.location
            } else {
                let own = Self.columns(p.samples).filter { c in !keys.contains(c.name) }
                psd = descriptor(p.samples, columns: own, location: p.location, crawler: crawler)
            }
            return CatalogPartition(databaseName: database, tableName: name, values: p.values, storageDescriptor: psd,
                                    parameters: psd.parameters)
        }
        return (table, partitions)
    }
}
