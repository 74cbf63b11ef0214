import Foundation

/// Turns a micro-batch's messages into a `DynamicFrame` (classification `json`).
///
/// Each message value is one JSON document and makes one record, parsed by the engine's JSON
/// reader (`JSONReader`, so types are inferred and drift into choices as for S3 JSON). The values
/// are laid out as JSON Lines in one buffer — line breaks inside a value are whitespace in valid
/// JSON, so they become spaces — and read in one pass. A value that is not a JSON object, or is
/// malformed, becomes an error record (`transformation: "json"`) whose `source` names the
/// message, `kafka://<topic>/<partition>/<offset>`, with line 1 and the original value as `raw`.
/// With `addRecordTimestamp` each record gets `__src_timestamp` (a timestamp: when the message
/// was appended to the topic), after its own fields, as Glue 4.0 adds it.
enum TopicBatchDecoder {
    /// The field Glue 4.0's `addRecordTimestamp` adds.
    static let timestampField = "__src_timestamp"

    static func frame(_ messages: [TopicMessage], addRecordTimestamp: Bool, name: String) throws(EngineError) -> DynamicFrame {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(messages.reduce(0) { $0 + $1.value.count + 1 })
        var lineMessage: [Int] = []  // line i (0-based) holds messages[lineMessage[i]]
        lineMessage.reserveCapacity(messages.count)
        var errors: [(index: Int, record: ErrorRecord)] = []
        for (i, m) in messages.enumerated() {
            guard m.value.first(where: { !isSpace($0) }) == UInt8(ascii: "{") else {
                errors.append((i, error(m, reason: "message value is not a JSON object")))
                continue
            }
            for b in m.value { buffer.append(b == 0x0A || b == 0x0D ? 0x20 : b) }
            buffer.append(0x0A)
            lineMessage.append(i)
        }
        var read = try JSONReader.read(Data(buffer), source: "kafka", options: JSONOptions())
        // Which messages made records: those whose line is not an error line, in order.
        var badLines = Set<Int>()
        for e in read.errors {
            guard let line = e.line, line >= 1, line <= lineMessage.count else { continue }
            badLines.insert(line - 1)
            var fixed = error(messages[lineMessage[line - 1]], reason: e.message)
            fixed.transformation = e.transformation
            errors.append((lineMessage[line - 1], fixed))
        }
        let recordMessages = lineMessage.indices.filter { !badLines.contains($0) }.map { lineMessage[$0] }
        if addRecordTimestamp {
            var cursor = 0
            read.batches = read.batches.map { batch in
                let builder = ColumnBuilder()
                builder.reserve(batch.count)
                for _ in 0..<batch.count {
                    let index = cursor < recordMessages.count ? recordMessages[cursor] : recordMessages.last ?? 0
                    builder.append(.timestamp(messages[index].timestamp))
                    cursor += 1
                }
                var names = batch.names
                var columns = batch.columns
                if let existing = names.firstIndex(of: timestampField) {
                    names.remove(at: existing)
                    columns.remove(at: existing)
                }
                return RecordBatch(count: batch.count, names: names + [timestampField], columns: columns + [builder.finish()])
            }
        } else {
            read.batches = read.batches.map { RecordBatch(count: $0.count, names: $0.names, columns: $0.columns) }
        }
        errors.sort { $0.index < $1.index }
        return DynamicFrame(name: name, batches: read.batches, errors: errors.map(\.record))
    }

    /// `kafka://<topic>/<partition>/<offset>`: where an error record's message is.
    static func source(of m: TopicMessage) -> String {
        "kafka://\(m.topic)/\(m.partition)/\(m.offset)"
    }

    private static func error(_ m: TopicMessage, reason: String) -> ErrorRecord {
        ErrorRecord(message: reason, transformation: "json", source: source(of: m), line: 1,
                    raw: String(decoding: m.value, as: UTF8.self))
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
