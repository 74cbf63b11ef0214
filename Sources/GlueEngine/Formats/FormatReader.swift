import Foundation

/// Reads one object's bytes in a format with Glue's format options.
public enum FormatReader {
    /// Parses `data` as `format`; `source` names the object in error records.
    public static func read(_ data: Data, format: DataFormat, options: [String: Value], source: String) throws(EngineError) -> ReadResult {
        switch format {
        case .csv:
            let csv = try CSVOptions(glueOptions: options)
            return try CSVReader.read(data, source: source, options: csv)
        case .json:
            let json = try JSONOptions(glueOptions: options)
            return try JSONReader.read(data, source: source, options: json)
        case .parquet:
            try checkOptions(options, format: .parquet)
            let file = try ParquetFile(data, source: source)
            let result = try file.read()
            return ReadResult(batches: result.batches, bytesRead: result.bytesRead)
        }
    }

    /// Throws if `options` are not valid format options for `format`.
    public static func checkOptions(_ options: [String: Value], format: DataFormat) throws(EngineError) {
        switch format {
        case .csv: _ = try CSVOptions(glueOptions: options)
        case .json: _ = try JSONOptions(glueOptions: options)
        case .parquet:
            // Glue's Parquet reader takes no format options that change what gluelab reads.
            if let name = options.keys.sorted().first {
                throw .invalidOption(name: name, value: options[name]?.plainText ?? "", reason: "unknown option for reading parquet")
            }
        }
    }
}
