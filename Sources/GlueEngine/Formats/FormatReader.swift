import Foundation

/// Reads one object's bytes in a format with Glue's format options.
public enum FormatReader {
    /// Parses `data` as `format`; `source` names the object in error records.
    ///
    /// `columns` projects the top-level fields to keep. Parquet then reads only those column
    /// chunks (and reports fewer bytes read); CSV and JSON must still read every byte, which
    /// is the point a learner sees when comparing the formats. `filter` keeps the rows that
    /// match it; on Parquet it first skips the row groups whose statistics rule them out.
    public static func read(_ data: Data, format: DataFormat, options: [String: Value], source: String,
                            columns: [String]? = nil, filter: RowFilter? = nil) throws(EngineError) -> ReadResult {
        var result = try read(data, format: format, options: options, source: source,
                              columns: columns.map { c in c + (filter?.fields ?? []).filter { !c.contains($0) } }, pushdown: filter)
        if let filter {
            result.batches = try filter.apply(to: DynamicFrame(batches: result.batches)).batches
        }
        if let columns, filter != nil {
            result.batches = result.batches.map { project($0, columns) }
        }
        return result
    }

    private static func project(_ b: RecordBatch, _ columns: [String]) -> RecordBatch {
        let keep = columns.compactMap { b.names.firstIndex(of: $0) }
        return b.with(names: keep.map { b.names[$0] }, columns: keep.map { b.columns[$0] })
    }

    private static func read(_ data: Data, format: DataFormat, options: [String: Value], source: String,
                             columns: [String]?, pushdown: RowFilter?) throws(EngineError) -> ReadResult {
        var result: ReadResult
        switch format {
        case .csv:
            let csv = try CSVOptions(glueOptions: options)
            result = try CSVReader.read(data, source: source, options: csv)
        case .json:
            let json = try JSONOptions(glueOptions: options)
            result = try JSONReader.read(data, source: source, options: json)
        case .parquet:
            try checkOptions(options, format: .parquet)
            let file = try ParquetFile(data, source: source)
            let read = try file.read(columns: columns, predicate: pushdown?.parquetPredicate)
            var out = ReadResult(batches: read.batches, bytesRead: read.bytesRead)
            out.rowGroupsSkipped = read.rowGroupsSkipped
            return out
        }
        if let columns {
            result.batches = result.batches.map { project($0, columns) }
        }
        return result
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
