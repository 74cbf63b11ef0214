/// Turns parsed records (tape entries) into column batches, feeding `ColumnBuilder`s directly
/// (`beginStruct`, `appendInt`, `appendString(bytes:)`, ...) without building `Value`s.
///
/// Type inference happens here, value by value, and drift becomes choice types in the
/// builders: a JSON integer that fits in 32 bits is appended as `int`, a bigger one as `long`
/// (DESIGN.md; so one field can become `choice(int,long)` — Glue has no numeric widening), a
/// number with a fraction or exponent as `double`, `true`/`false` as `boolean`, `null` as a null,
/// an object as a struct, an array as an array whose element type merges its elements'.
/// Fields keep the order in which they were first seen; a field missing from a record is null
/// there. When one object repeats a key, the last value wins, at the position of the first.
final class JSONRecordEmitter {
    let source: String
    let batchSize: Int
    let failFast: Bool
    private(set) var batches: [RecordBatch] = []
    var errors: [ErrorRecord] = []
    /// JSON Lines: the line being read. Multi-line documents: nil, lines come from `lines`.
    var currentLine: Int?
    var lines: JSONLineLocator
    private var tree = JSONColumnTree()

    init(source: String, batchSize: Int, failFast: Bool, lines: JSONLineLocator) {
        self.source = source
        self.batchSize = batchSize
        self.failFast = failFast
        self.lines = lines
    }

    /// Appends the records marked in `parser`; a record that is not an object becomes an error
    /// record (or throws with `isFailFast`).
    func emit(_ parser: JSONParser) throws(JSONReadStop) {
        for mark in parser.marks where parser.tape[mark.tapeIndex].kind != .object {
            let reason = "record is not a JSON object (found \(parser.tape[mark.tapeIndex].jsonKindName))"
            let raw = String(decoding: UnsafeBufferPointer(start: parser.base + mark.start, count: mark.end - mark.start), as: UTF8.self)
            let line = currentLine ?? lines.locate(mark.start).line
            if failFast { throw .fail(.malformedInput(source: source, line: line, reason: reason, value: raw)) }
            errors.append(ErrorRecord(message: reason, transformation: "json", source: source, line: line, raw: raw))
        }
        parser.tape.withUnsafeBufferPointer { tape in
            parser.scratch.withUnsafeBufferPointer { scratch in
                let view = JSONTapeView(tape: tape, input: parser.base, scratch: scratch.baseAddress ?? parser.base)
                for mark in parser.marks where tape[mark.tapeIndex].kind == .object {
                    tree.appendObject(at: mark.tapeIndex, into: 0, view)
                    if tree.root.count >= batchSize { finishBatch() }
                }
            }
        }
    }

    /// Closes the batch being built, if it has rows.
    func finishBatch() {
        let root = tree.root
        guard root.count > 0 else { return }
        let (names, columns) = root.finishFields()
        batches.append(RecordBatch(count: root.count, names: names, columns: columns, source: source))
        tree = JSONColumnTree()
    }
}

/// The tape of one parse plus the buffers its strings point into.
struct JSONTapeView {
    let tape: UnsafeBufferPointer<JSONTapeEntry>
    let input: UnsafePointer<UInt8>
    let scratch: UnsafePointer<UInt8>

    /// The UTF-8 bytes of a string or key entry.
    @inline(__always)
    func bytes(_ entry: JSONTapeEntry) -> UnsafeRawBufferPointer {
        let escaped = entry.kind == .stringEscaped || entry.kind == .keyEscaped
        return UnsafeRawBufferPointer(start: (escaped ? scratch : input) + Int(entry.payload), count: Int(entry.length))
    }
}

/// Maps byte offsets of a multi-line document to 1-based lines, scanning forward from the
/// last offset asked about (offsets are asked in increasing order; an earlier one rescans).
struct JSONLineLocator {
    let base: UnsafePointer<UInt8>
    let count: Int
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// The line holding byte `target` and the offset where that line starts.
    mutating func locate(_ target: Int) -> (line: Int, lineStart: Int) {
        if target < offset {
            offset = 0
            line = 1
            lineStart = 0
        }
        let stop = min(target, count)
        while offset < stop {
            if base[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        return (line, lineStart)
    }
}
