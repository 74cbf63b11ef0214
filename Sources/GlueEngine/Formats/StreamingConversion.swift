import Dispatch
import Foundation

/// Converts a large CSV file to Parquet without holding it in memory: the file is read piece
/// by piece (`CSVStreamReader`, both cores per piece) and each piece's batches go straight to a
/// `ParquetWriter`, which keeps only the current row group. This is what `frame convert` uses
/// for CSV → Parquet, and what the benchmark measures.
///
/// Reading and writing overlap: a reader thread parses the next piece while this thread encodes
/// the current one (at most two pieces wait between them), so both cores stay busy.
///
/// The Parquet schema is fixed by the first piece (16 MiB): a column whose type changes after
/// it — which a whole-file read would see as a choice, and refuse for Parquet anyway — fails
/// the conversion with an error naming the column. The output is staged by the caller (a
/// sandbox object or a temporary file renamed into place), so a failed conversion leaves
/// nothing a reader would take for data.
public enum StreamingConversion {
    /// Converts `input` to Parquet on `output`; returns what was read and written. `progress`,
    /// when given, is called on this thread after each piece with the bytes of input read so far.
    public static func csvToParquet(input: URL, source: String, csvOptions: CSVOptions, writeOptions: ParquetWriteOptions,
                                    output: any ParquetOutput, chunkSize: Int = 16 << 20,
                                    progress: ((Int64) -> Void)? = nil) throws(EngineError) -> (ReadStats, WriteStats, [ErrorRecord]) {
        let reader = try CSVStreamReader(url: input, source: source, options: csvOptions, chunkSize: chunkSize)
        let pieces = PieceQueue(reader)
        defer { pieces.stop() }
        var read = ReadStats()
        var wrote = WriteStats()
        var errors: [ErrorRecord] = []
        var writer: ParquetWriter?
        while let piece = try pieces.next() {
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
                    throw .unsupported(what: source, reason: "\(error.description) (the Parquet schema was fixed by the first 16 MiB of the file)")
                }
                read.recordsRead += b.count
                wrote.recordsWritten += b.count
            }
            progress?(pieces.bytesRead)
        }
        if writer == nil {
            writer = try ParquetWriter(schema: StructType(), options: writeOptions, output: output)
        }
        try writer?.close()
        read.objectsRead = 1
        read.bytesRead = pieces.bytesRead
        read.errors = errors.count
        wrote.objectsWritten = 1
        return (read, wrote, errors)
    }
}

/// Pieces of a `CSVStreamReader`, parsed ahead on a thread of their own. `next()` hands them
/// over in order; a read error is handed over in its place and ends the stream.
private final class PieceQueue: @unchecked Sendable {
    private let reader: CSVStreamReader
    private let lock = NSCondition()
    private var ready: [Result<ReadResult?, EngineError>] = []
    private var stopped = false
    private let depth = 2

    init(_ reader: CSVStreamReader) {
        self.reader = reader
        Thread.detachNewThread { [self] in run() }
    }

    /// The bytes the reader has read so far.
    var bytesRead: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return reader.bytesRead
    }

    private func run() {
        while true {
            lock.lock()
            while ready.count >= depth && !stopped { lock.wait() }
            if stopped {
                lock.unlock()
                return
            }
            lock.unlock()
            let result = Result { () throws(EngineError) -> ReadResult? in try reader.next() }
            lock.lock()
            ready.append(result)
            lock.broadcast()
            lock.unlock()
            if case .success(.some) = result { continue }
            return
        }
    }

    /// The next piece, nil after the last; throws the reader's error.
    func next() throws(EngineError) -> ReadResult? {
        lock.lock()
        while ready.isEmpty { lock.wait() }
        let result = ready.removeFirst()
        lock.broadcast()
        lock.unlock()
        return try result.get()
    }

    /// Tells the reader thread to finish (after the stream ended or the writer failed).
    func stop() {
        lock.lock()
        stopped = true
        lock.broadcast()
        lock.unlock()
    }
}
