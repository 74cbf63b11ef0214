import Dispatch
import Foundation

/// Glue's CSV reader: bytes in, column batches and error records out, with every value typed by
/// its content (schema inference happens as the columns are built).
///
/// ```swift
/// let options = try CSVOptions(glueOptions: ["withHeader": .boolean(true)])
/// let result = try CSVReader.read(data, source: "s3://bucket/orders.csv", options: options)
/// let frame = DynamicFrame(batches: result.batches, errors: result.errors)
/// print(frame.schema().treeString())
/// ```
///
/// - Syntax: RFC 4180 with Glue's options; see `CSVScanner` for the lexical rules (quotes,
///   escaper, line ends, `multiLine`). A UTF-8 byte-order mark at the start is skipped; empty
///   lines are skipped. Line numbers are 1-based physical lines of the input (a record spanning
///   lines under `multiLine` has the number of its first line).
/// - Typing: see `CSVValueParser` (integral → `long`, decimal → `double`, `true`/`false` →
///   `boolean`, empty → null, else `string`; a column of several types becomes a `choice`).
/// - Names: see `CSVColumnNames` (`col0`, `col1`, ... without a header; header names made
///   unique). `skipFirst` drops the first record; with `withHeader` too, the header is the
///   record after it.
/// - Ragged rows: missing trailing fields are null; extra fields are kept in extra columns.
/// - Bad records: a record that cannot be read (an unterminated quote, text after a closing
///   quote) becomes an `ErrorRecord` (transformation `csv`, the source, the line where the
///   record starts, its raw text up to 64 KiB) and reading goes on; with `isFailFast` the read
///   throws `EngineError.malformedInput` for the first one instead. An unreadable header always
///   throws. Invalid UTF-8 is replaced with U+FFFD (see `CSVScanner+Decoding.swift`).
/// - Batches hold at most `batchSize` rows. Without `multiLine`, an input of 1 MiB or more is
///   split at a line boundary into two halves read concurrently, so the last batch of the first
///   half may be short; batches and errors still come back in input order with true line
///   numbers. With `multiLine` a line break may sit inside a value, so the read is sequential.
public enum CSVReader {
    /// Inputs smaller than this are read on one thread.
    static let parallelMinimumBytes = 1 << 20

    /// Reads CSV bytes.
    ///
    /// - Parameters:
    ///   - bytes: the whole object's bytes.
    ///   - source: where they came from (an `s3://` URI), for batches and error records.
    ///   - options: Glue's CSV format options.
    ///   - batchSize: the most rows in one batch (at least 1).
    /// - Throws: `EngineError.malformedInput` for an unreadable header or, with `isFailFast`,
    ///   the first malformed record; `EngineError.invalidOption` for a `batchSize` below 1.
    public static func read(_ bytes: UnsafeRawBufferPointer, source: String, options: CSVOptions,
                            batchSize: Int = 65_536) throws(EngineError) -> ReadResult {
        try read(bytes, source: source, options: options, batchSize: batchSize, parallelMinimumBytes: parallelMinimumBytes)
    }

    /// Reads CSV bytes held in `Data` (for example a memory-mapped file).
    public static func read(_ data: Data, source: String, options: CSVOptions,
                            batchSize: Int = 65_536) throws(EngineError) -> ReadResult {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(EngineError) -> ReadResult in
                try read(raw, source: source, options: options, batchSize: batchSize)
            }
        }
        return try result.get()
    }

    /// Reads CSV bytes, splitting inputs of at least `parallelMinimumBytes` in two (tests lower it).
    static func read(_ bytes: UnsafeRawBufferPointer, source: String, options: CSVOptions, batchSize: Int,
                     parallelMinimumBytes: Int) throws(EngineError) -> ReadResult {
        guard batchSize >= 1 else {
            throw .invalidOption(name: "batchSize", value: String(batchSize), reason: "must be at least 1")
        }
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else {
            return ReadResult()
        }
        let count = bytes.count
        let hasBOM = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
        let (start, line, names) = try readPreamble(base, from: hasBOM ? 3 : 0, to: count, source: source, options: options)
        return try readBody(base, from: start, to: count, firstLine: line, names: names, source: source, options: options,
                            batchSize: batchSize, parallelMinimumBytes: parallelMinimumBytes).result
    }

    /// Reads the records in `start..<end` (after any header), on both cores when the range is
    /// large and `multiLine` is off. Returns the result and the line number just past the range.
    static func readBody(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, firstLine line: Int,
                         names: CSVColumnNames, source: String, options: CSVOptions, batchSize: Int,
                         parallelMinimumBytes: Int) throws(EngineError) -> (result: ReadResult, endLine: Int) {
        let reader = CSVChunkReader(bytes: base, options: options, source: source, batchSize: batchSize)
        if options.multiLine || end - start < max(2, parallelMinimumBytes) {
            return try finish([reader.read(from: start, to: end, firstLine: line, names: names)], source: source)
        }
        let split = splitPoint(base, from: start, to: end)
        guard split > start, split < end else {
            return try finish([reader.read(from: start, to: end, firstLine: line, names: names)], source: source)
        }
        let ranges = [(start, split), (split, end)]
        let results = UnsafeSendableBuffer<CSVChunkReader.Result>(count: 2)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            // The second half is read with lines counted from 1 and shifted in `finish`.
            results.store(reader.read(from: ranges[k].0, to: ranges[k].1, firstLine: k == 0 ? line : 1, names: names), at: k)
        }
        return try finish([results.load(0), results.load(1)], source: source)
    }

    /// Skips the `skipFirst` record and reads the header; returns where the body starts, its
    /// line number and the column names.
    static func readPreamble(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, source: String,
                                     options: CSVOptions) throws(EngineError) -> (Int, Int, CSVColumnNames) {
        guard options.skipFirst || options.withHeader else { return (start, 1, CSVColumnNames()) }
        var scanner = CSVScanner(bytes: base, from: start, to: end, firstLine: 1, options: options)
        defer { scanner.deallocate() }
        var names = CSVColumnNames()
        func nextNonBlank() -> CSVScanner.Outcome? {
            while !scanner.atEnd {
                let outcome = scanner.nextRecord()
                if case .blank = outcome { continue }
                return outcome
            }
            return nil
        }
        if options.skipFirst { _ = nextNonBlank() }
        if options.withHeader, let outcome = nextNonBlank() {
            if case .malformed(let reason) = outcome {
                throw .malformedInput(source: source, line: scanner.recordLine, reason: "unreadable header: " + reason,
                                      value: scanner.recordText)
            }
            var values: [String] = []
            for k in 0..<scanner.fieldCount {
                let v = scanner.value(of: k)
                values.append(String(decoding: UnsafeBufferPointer(start: v.pointer, count: v.count), as: UTF8.self))
            }
            names = CSVColumnNames(header: values)
        }
        return (scanner.position, scanner.line, names)
    }

    /// A record boundary near the middle of `start..<end`: just past the first line break at or
    /// after the middle (a CRLF is kept whole); `end` when there is none.
    static func splitPoint(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start + (end - start) / 2
        while i < end && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
        guard i < end else { return end }
        if p[i] == 0x0D && i + 1 < end && p[i + 1] == 0x0A { i += 1 }
        return i + 1
    }

    /// Joins the ranges' results in order, shifting the second range's line numbers, and throws
    /// the first failure of a fail-fast read.
    private static func finish(_ parts: [CSVChunkReader.Result], source: String) throws(EngineError) -> (result: ReadResult, endLine: Int) {
        var out = ReadResult()
        var shift = 0
        for (k, part) in parts.enumerated() {
            if k > 0 { shift = parts[k - 1].endLine + shift - 1 }
            if let f = part.failure {
                throw .malformedInput(source: source, line: f.line + shift, reason: f.reason, value: f.raw)
            }
            out.batches += part.batches
            out.errors += part.errors.map { e in
                var e = e
                e.line = e.line.map { $0 + shift }
                return e
            }
        }
        return (out, (parts.last?.endLine ?? 1) + shift)
    }
}

/// Result slots that concurrent tasks each write once, at their own index.
private final class UnsafeSendableBuffer<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    func store(_ value: T, at i: Int) { slots[i] = value }

    func load(_ i: Int) -> T {
        guard let v = slots[i] else { preconditionFailure("slot \(i) was never stored") }
        return v
    }

    func deallocate() {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
}
