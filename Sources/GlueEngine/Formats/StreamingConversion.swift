import Foundation

/// Converts a large CSV file to Parquet without holding it in memory: the file is read piece
/// by piece (`CSVStreamReader`, both cores per piece) and each piece's batches go straight to a
/// `ParquetWriter`, which keeps only the current row group. This is what `frame convert` uses
/// for CSV → Parquet, and what the benchmark measures.
///
/// The Parquet schema is fixed by the first piece (32 MiB): a column whose type changes after
/// it — which a whole-file read would see as a choice, and refuse for Parquet anyway — fails
/// the conversion with an error naming the column. The output is staged by the caller (a
/// sandbox object or a temporary file renamed into place), so a failed conversion leaves
/// nothing a reader would take for data.
public enum StreamingConversion {
    /// Converts `input` to Parquet on `output`; returns what was read and written.
    public static func csvToParquet(input: URL, source: String, csvOptions: CSVOptions, writeOptions: ParquetWriteOptions,
                                    output: any ParquetOutput, chunkSize: Int = 32 << 20) throws(EngineError) -> (ReadStats, WriteStats, [ErrorRecord]) {
        let reader = try CSVStreamReader(url: input, source: source, options: csvOptions, chunkSize: chunkSize)
        var read = ReadStats()
        var wrote = WriteStats()
        var errors: [ErrorRecord] = []
        var writer: ParquetWriter?
        while let piece = try reader.next() {
            errors += piece.errors
            let batches = piece.batches.filter { $0.count > 0 }
            if writer == nil {
                let schema = DynamicFrame(batches: batches).schema()
                writer = try ParquetWriter(schema: schema, options: writeOptions, output: output)
            }
            for b in batches {
                do {
                    try writer?.write(b)
                } catch {
                    throw .unsupported(what: source, reason: "\(error.description) (the Parquet schema was fixed by the first 32 MiB of the file)")
                }
                read.recordsRead += b.count
                wrote.recordsWritten += b.count
            }
        }
        if writer == nil {
            writer = try ParquetWriter(schema: StructType(), options: writeOptions, output: output)
        }
        try writer?.close()
        read.objectsRead = 1
        read.bytesRead = reader.bytesRead
        read.errors = errors.count
        wrote.objectsWritten = 1
        return (read, wrote, errors)
    }
}
