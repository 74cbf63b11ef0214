/// The data formats of S3 catalog tables and how a crawler describes each in the catalog: the
/// Hadoop input/output formats, the SerDe with its parameters, and the table parameters
/// (`classification`, `compressionType`, `typeOfData`, and for CSV `delimiter`,
/// `skip.header.line.count`, `areColumnsQuoted`, `columnsOrdered`). The table parameters are
/// repeated in the storage descriptor's parameters, as crawlers write them.
///
/// | classification | SerDe | input / output format |
/// | --- | --- | --- |
/// | csv | `LazySimpleSerDe` (`field.delim`), or `OpenCSVSerde` (`separatorChar`, `quoteChar`) when quoted | `TextInputFormat` / `HiveIgnoreKeyTextOutputFormat` |
/// | json | `org.openx.data.jsonserde.JsonSerDe` (`paths`: the top-level columns) | `TextInputFormat` / `HiveIgnoreKeyTextOutputFormat` |
/// | parquet | `ParquetHiveSerDe` (`serialization.format` 1) | `MapredParquetInputFormat` / `MapredParquetOutputFormat` |
public enum CatalogFormat: String, Sendable, CaseIterable {
    case csv, json, parquet

    public static let textInputFormat = "org.apache.hadoop.mapred.TextInputFormat"
    public static let textOutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"
    public static let lazySimpleSerDe = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"
    public static let openCSVSerDe = "org.apache.hadoop.hive.serde2.OpenCSVSerde"
    public static let jsonSerDe = "org.openx.data.jsonserde.JsonSerDe"
    public static let parquetSerDe = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
    public static let parquetInputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
    public static let parquetOutputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"

    /// The table parameters that describe the format (replaced when the format changes).
    public static let formatParameterKeys: Set<String> = [
        "classification", "compressionType", "typeOfData", "delimiter", "skip.header.line.count", "areColumnsQuoted", "columnsOrdered",
    ]

    /// The format of a `classification` (case-insensitive).
    /// - Throws: `EngineError.invalidOption` naming the value.
    public init(classification: String) throws(EngineError) {
        guard let f = CatalogFormat(rawValue: classification.lowercased()) else {
            throw .invalidOption(name: "classification", value: classification, reason: "gluelab's tables are csv, json or parquet")
        }
        self = f
    }

    /// The format options each format takes, with the `format_options` names Glue's readers use.
    public var optionNames: [String] {
        switch self {
        case .csv: ["separator", "withHeader", "quoteChar"]
        case .json, .parquet: []
        }
    }

    /// The storage descriptor and table parameters a crawler writes for data in this format.
    ///
    /// CSV options: `separator` (default `,`), `withHeader` (default `true`: the first line is a
    /// header, `skip.header.line.count` 1), `quoteChar` (values in quotes: `OpenCSVSerde`).
    /// - Throws: `EngineError.invalidOption` for an option the format does not take or a bad value.
    public func describe(columns: [CatalogColumn], location: String,
                         options: [String: String] = [:]) throws(EngineError) -> (storage: StorageDescriptor, parameters: [String: String]) {
        for key in options.keys.sorted() where !optionNames.contains(key) {
            let known = optionNames.isEmpty ? "\(rawValue) takes no format options" : "\(rawValue) takes " + optionNames.joined(separator: ", ")
            throw .invalidOption(name: "format option \(key)", value: options[key] ?? "", reason: known)
        }
        var parameters = ["classification": rawValue, "compressionType": "none", "typeOfData": "file"]
        var storage = StorageDescriptor(columns: columns, location: location)
        switch self {
        case .csv:
            let separator = options["separator"] ?? ","
            guard separator.count == 1 else {
                throw .invalidOption(name: "format option separator", value: separator, reason: "one character, e.g. , or | or \\t")
            }
            let header: Bool
            switch options["withHeader"]?.lowercased() {
            case nil, "true": header = true
            case "false": header = false
            default: throw .invalidOption(name: "format option withHeader", value: options["withHeader"] ?? "", reason: "true or false")
            }
            parameters["delimiter"] = separator
            parameters["columnsOrdered"] = "true"
            if header { parameters["skip.header.line.count"] = "1" }
            storage.inputFormat = Self.textInputFormat
            storage.outputFormat = Self.textOutputFormat
            if let quote = options["quoteChar"] {
                guard quote.count == 1 else {
                    throw .invalidOption(name: "format option quoteChar", value: quote, reason: "one character, e.g. \"")
                }
                parameters["areColumnsQuoted"] = "true"
                storage.serdeLibrary = Self.openCSVSerDe
                storage.serdeParameters = ["separatorChar": separator, "quoteChar": quote]
            } else {
                parameters["areColumnsQuoted"] = "false"
                storage.serdeLibrary = Self.lazySimpleSerDe
                storage.serdeParameters = ["field.delim": separator]
            }
        case .json:
            storage.inputFormat = Self.textInputFormat
            storage.outputFormat = Self.textOutputFormat
            storage.serdeLibrary = Self.jsonSerDe
            storage.serdeParameters = ["paths": columns.map(\.name).joined(separator: ",")]
        case .parquet:
            storage.inputFormat = Self.parquetInputFormat
            storage.outputFormat = Self.parquetOutputFormat
            storage.serdeLibrary = Self.parquetSerDe
            storage.serdeParameters = ["serialization.format": "1"]
        }
        storage.parameters = parameters
        return (storage, parameters)
    }
}
