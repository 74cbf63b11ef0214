import Foundation

/// Glue's `json` format reader: JSON bytes to column batches with inferred, drifting types.
///
/// **Input.** By default JSON Lines: one value per line, blank lines skipped, a UTF-8 byte
/// order mark at the start skipped, `\r\n` accepted. With `multiLine` the whole input is a
/// sequence of JSON values separated by whitespace (pretty-printed objects, one big array).
///
/// **Records.** With no `jsonPath`, a top-level object is a record and a top-level array's
/// elements are the records (as Spark and Glue read them). With a `jsonPath` (see `JSONPath`),
/// the values it selects are the records; in JSON Lines it applies to each line's value. A
/// record that is not an object (a bare number, a string, `null`) becomes an error record.
/// Types are inferred as `JSONRecordEmitter` describes (`int` when a whole number fits in 32
/// bits, else `long`; fractions and exponents `double`).
///
/// **Malformed input** (see `JSONParser` for what counts) becomes an `ErrorRecord`
/// (`transformation: "json"`) and the rest still loads:
/// - JSON Lines: one error record per bad line, with the 1-based line, the line's text as
///   `raw`, and a message naming the column (counted in characters). A bad line contributes
///   no records, even if part of it parsed.
/// - Multi-line: the text after a syntax error cannot be trusted, so reading stops there: the
///   records completed before the error are kept, and one error record gets the error's line,
///   and as `raw` the text from the start of that line to the end of the input (at most 64 KiB).
/// With `isFailFast` the first malformed record throws `EngineError.malformedInput` instead.
public enum JSONReader {
    /// The deepest nesting of objects and arrays accepted; deeper records are malformed.
    public static let maxDepth = 512

    /// The most text an error record's `raw` keeps for a multi-line document.
    static let maxRawBytes = 65_536

    /// Reads `bytes` from `source` (an `s3://` URI or file name, used in errors and batches)
    /// into batches of at most `batchSize` records (at least 1).
    public static func read(_ bytes: UnsafeRawBufferPointer, source: String, options: JSONOptions,
                            batchSize: Int = 65_536) throws(EngineError) -> ReadResult {
        var path: JSONPath?
        if let text = options.jsonPath { path = try JSONPath(parsing: text) }
        guard let raw = bytes.baseAddress, bytes.count > 0 else { return ReadResult() }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let count = bytes.count
        let start = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        let emitter = JSONRecordEmitter(source: source, batchSize: max(1, batchSize), failFast: options.isFailFast,
                                        lines: JSONLineLocator(base: base, count: count))
        var parser = JSONParser(base: base, maxDepth: maxDepth)
        if options.multiLine {
            try readDocument(&parser, from: start, count: count, path: path, emitter: emitter)
        } else {
            try readLines(&parser, from: start, count: count, path: path, emitter: emitter)
        }
        emitter.finishBatch()
        return ReadResult(batches: emitter.batches, errors: emitter.errors)
    }

    /// Reads `data`; see `read(_:source:options:batchSize:)`.
    public static func read(_ data: Data, source: String, options: JSONOptions,
                            batchSize: Int = 65_536) throws(EngineError) -> ReadResult {
        let result = data.withUnsafeBytes { bytes in
            Result { () throws(EngineError) in
                try read(bytes, source: source, options: options, batchSize: batchSize)
            }
        }
        return try result.get()
    }

    private static func readLines(_ parser: inout JSONParser, from start: Int, count: Int, path: JSONPath?,
                                  emitter: JSONRecordEmitter) throws(EngineError) {
        parser.endName = "line"
        let base = parser.base
        var lineStart = start
        var lineNumber = 0
        while lineStart < count {
            lineNumber += 1
            let lineEnd = memchr(base + lineStart, 0x0A, count - lineStart)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
            var contentEnd = lineEnd
            if contentEnd > lineStart, base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            parser.reset(from: lineStart, to: contentEnd)
            parser.skipWhitespace()
            if parser.pos < contentEnd {
                emitter.currentLine = lineNumber
                do throws(JSONReadStop) {
                    try parser.readTopLevel(path: path, sink: nil)
                    try parser.expectEnd()
                    try emitter.emit(parser)
                } catch {
                    switch error {
                    case .fail(let e):
                        throw e
                    case .syntax(let offset, let reason):
                        let message = "\(reason) at column \(column(base, lineStart: lineStart, offset: offset))"
                        let raw = text(base, lineStart, contentEnd)
                        if emitter.failFast {
                            throw .malformedInput(source: emitter.source, line: lineNumber, reason: message, value: raw)
                        }
                        emitter.errors.append(ErrorRecord(message: message, transformation: "json", source: emitter.source,
                                                          line: lineNumber, raw: raw))
                    }
                }
            }
            lineStart = lineEnd + 1
        }
    }

    private static func readDocument(_ parser: inout JSONParser, from start: Int, count: Int, path: JSONPath?,
                                     emitter: JSONRecordEmitter) throws(EngineError) {
        parser.endName = "input"
        parser.reset(from: start, to: count)
        emitter.currentLine = nil
        do throws(JSONReadStop) {
            while true {
                parser.skipWhitespace()
                if parser.pos >= count { break }
                try parser.readTopLevel(path: path, sink: emitter)
            }
        } catch {
            switch error {
            case .fail(let e):
                throw e
            case .syntax(let offset, let reason):
                let (line, lineStart) = emitter.lines.locate(offset)
                let message = "\(reason) at line \(line), column \(column(parser.base, lineStart: lineStart, offset: offset))"
                var cut = min(count, lineStart + maxRawBytes)
                while cut < count, cut > lineStart, parser.base[cut] & 0xC0 == 0x80 { cut -= 1 }
                let raw = text(parser.base, lineStart, cut)
                if emitter.failFast {
                    throw .malformedInput(source: emitter.source, line: line, reason: message, value: raw)
                }
                emitter.errors.append(ErrorRecord(message: message, transformation: "json", source: emitter.source,
                                                  line: line, raw: raw))
            }
        }
    }

    /// The 1-based column of `offset` in the line starting at `lineStart`, in characters.
    private static func column(_ base: UnsafePointer<UInt8>, lineStart: Int, offset: Int) -> Int {
        var n = 1
        var i = lineStart
        while i < offset {
            if base[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    private static func text(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self)
    }
}
