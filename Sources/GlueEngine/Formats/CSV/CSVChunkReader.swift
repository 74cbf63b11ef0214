/// Reads one range of CSV input (the body after any header, or one of its parallel chunks) into
/// record batches and error records.
///
/// `@unchecked Sendable`: it only reads `bytes`, which the caller keeps alive until every
/// concurrent `read` has returned.
struct CSVChunkReader: @unchecked Sendable {
    /// The first malformed record of a fail-fast read.
    struct Failure: Sendable {
        var line: Int
        var reason: String
        var raw: String
    }

    /// What one range produced. Line numbers are those the range was read with.
    struct Result: Sendable {
        var batches: [RecordBatch] = []
        var errors: [ErrorRecord] = []
        /// The line number just past the range.
        var endLine = 0
        /// Set (and reading stopped) at the first malformed record when `isFailFast`.
        var failure: Failure?
    }

    let bytes: UnsafePointer<UInt8>
    let options: CSVOptions
    let source: String
    let batchSize: Int

    /// Reads `start..<end`, whose first line is numbered `firstLine`.
    func read(from start: Int, to end: Int, firstLine: Int, names: CSVColumnNames) -> Result {
        var scanner = CSVScanner(bytes: bytes, from: start, to: end, firstLine: firstLine, options: options)
        defer { scanner.deallocate() }
        var batch = BatchState(names: names, source: source)
        var result = Result()
        while !scanner.atEnd {
            switch scanner.nextRecord() {
            case .blank:
                continue
            case .malformed(let reason):
                if options.isFailFast {
                    result.failure = Failure(line: scanner.recordLine, reason: reason, raw: scanner.recordText)
                    result.endLine = scanner.line
                    return result
                }
                result.errors.append(
                    ErrorRecord(message: reason, transformation: "csv", source: source, line: scanner.recordLine,
                                raw: scanner.recordText))
            case .record:
                let n = scanner.fieldCount
                batch.ensureColumns(n)
                for k in 0..<n {
                    let v = scanner.value(of: k)
                    CSVValueParser.append(v.pointer, count: v.count, quoted: scanner.isQuoted(k), to: &batch.columns[k])
                }
                batch.endRow(fields: n)
                if batch.rows == batchSize { result.batches.append(batch.flush()) }
            }
        }
        if batch.rows > 0 { result.batches.append(batch.flush()) }
        result.endLine = scanner.line
        return result
    }
}

/// The columns of the batch being filled.
private struct BatchState {
    var names: CSVColumnNames
    let source: String
    var columns: [CSVColumn] = []
    var rows = 0

    init(names: CSVColumnNames, source: String) {
        self.names = names
        self.source = source
        ensureColumns(names.header.count)
    }

    /// Makes sure there is a column for each of the first `n` fields.
    @inline(__always)
    mutating func ensureColumns(_ n: Int) {
        while columns.count < n { columns.append(CSVColumn(nulls: rows)) }
    }

    /// Completes a row that set the first `fields` columns: the others get null.
    @inline(__always)
    mutating func endRow(fields: Int) {
        if fields < columns.count {
            for k in fields..<columns.count { columns[k].appendNull() }
        }
        rows += 1
    }

    /// The finished batch; starts a new one.
    mutating func flush() -> RecordBatch {
        let headerCount = names.header.count
        var batchNames: [String] = []
        var finished: [Column] = []
        for (k, column) in columns.enumerated() {
            if headerCount > 0, k >= headerCount, column.isAllNull { continue }
            batchNames.append(names.name(k))
            finished.append(column.finish())
        }
        let batch = RecordBatch(count: rows, names: batchNames, columns: finished, source: source)
        columns = []
        rows = 0
        ensureColumns(headerCount)
        return batch
    }
}
