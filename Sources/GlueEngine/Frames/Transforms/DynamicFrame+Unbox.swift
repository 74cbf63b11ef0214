import Foundation

extension DynamicFrame {
    /// Glue's `unbox(path, format, **options)` / `Unbox.apply`: parses the string field at
    /// `path` as `format` text and puts the structure in its place.
    ///
    /// - `json`: the text must hold one JSON object (it becomes a struct) or array (an array
    ///   of its values' records); Glue's JSON format options apply.
    /// - `csv`: the text is one CSV record, which becomes a struct with fields `col0`, `col1`, ...;
    ///   Glue's CSV options apply (`separator`, `quoteChar`, `escaper`, `skipFirst`, `withHeader`
    ///   — with a header, the first line names the fields and the second is the record).
    ///
    /// Values are typed as the readers type them. A record whose field is not a string is left
    /// as it is; one whose text cannot be parsed becomes an error record (`transformation:
    /// "Unbox"`, the original record attached), which `stageThreshold` / `totalThreshold` count.
    public func unbox(_ path: String, format: String, options: [String: Value] = [:], transformationCtx: String = "",
                      stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        let fieldPath = try FieldPath(parsing: path)
        let format = try DataFormat(glueName: format)
        // A bad option is one error, not an error record per record.
        try FormatReader.checkOptions(options, format: format)
        var out: [RecordBatch] = []
        var newErrors: [ErrorRecord] = []
        for batch in batches {
            var kept: [DynamicRecord] = []
            for i in 0..<batch.count {
                var record = batch.record(at: i)
                var failure: String?
                fieldPath.update(&record) { value in
                    guard case .string(let text) = value else { return value }
                    switch Self.unboxed(text, format: format, options: options) {
                    case .success(let v): return v
                    case .failure(let f):
                        failure = f.message
                        return value
                    }
                }
                if let failure {
                    newErrors.append(ErrorRecord(message: "cannot unbox \(path) as \(format.rawValue): \(failure)",
                                                 transformation: "Unbox", source: batch.source, record: record))
                } else {
                    kept.append(record)
                }
            }
            if !kept.isEmpty { out.append(RecordBatch(records: kept, source: batch.source)) }
        }
        let result = derived(batches: out, newErrors: newErrors)
        try result.checkThresholds(transformation: "Unbox", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }

    private struct UnboxFailure: Error {
        let message: String
    }

    private static func unboxed(_ text: String, format: DataFormat, options: [String: Value]) -> Result<Value, UnboxFailure> {
        let result: ReadResult
        do {
            result = try FormatReader.read(Data(text.utf8), format: format, options: options, source: "unbox")
        } catch {
            return .failure(UnboxFailure(message: error.description))
        }
        if let e = result.errors.first { return .failure(UnboxFailure(message: e.message)) }
        let records = result.batches.flatMap(\.records)
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        switch format {
        case .json where trimmed.first == "[":
            return .success(.array(records.map { .structure($0) }))
        default:
            guard records.count == 1 else {
                return .failure(UnboxFailure(message: "expected one record, found \(records.count)"))
            }
            return .success(.structure(records[0]))
        }
    }
}
