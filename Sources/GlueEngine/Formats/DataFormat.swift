/// The file formats the engine reads and writes, by Glue's `format=` names.
public enum DataFormat: String, Sendable, CaseIterable {
    case csv
    case json
    /// Parquet; Glue's `glueparquet` (a sink-only writer) maps here too.
    case parquet

    /// Parses Glue's format name (`csv`, `json`, `parquet`, `glueparquet`), case-insensitively.
    public init(glueName: String) throws(EngineError) {
        switch glueName.lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "parquet", "glueparquet": self = .parquet
        default:
            throw .invalidOption(name: "format", value: glueName, reason: "supported formats are csv, json and parquet")
        }
    }

    /// The format a file name suggests (`.csv`, `.json`, `.jsonl`, `.ndjson`, `.parquet`), if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .json
        } else if lower.hasSuffix(".parquet") {
            self = .parquet
        } else {
            return nil
        }
    }

    /// The file extension written for this format.
    public var fileExtension: String {
        switch self {
        case .csv: "csv"
        case .json: "json"
        case .parquet: "parquet"
        }
    }
}
