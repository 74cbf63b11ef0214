/// Writes record batches as CSV text, in the columns of a frame's schema.
///
/// ```swift
/// let writer = CSVWriter(schema: frame.schema(), options: CSVOptions())
/// var out = writer.header() ?? []
/// for batch in frame.batches { writer.encode(batch, into: &out) }
/// ```
///
/// - Columns follow `schema`; a batch without one of them writes an empty field there.
/// - Lines end with LF. A null is an empty field; an empty string is `""`, so the two stay apart
///   when the file is read back.
/// - A field is quoted only when it has to be: it contains the separator, the quote character,
///   CR or LF, starts or ends with a space or tab, or is an empty string. Quotes inside are
///   doubled. A value with a line break reads back only with `multiLine`. If `escaper` is set, escaper characters inside a value are doubled so that a
///   read with the same options gives the value back.
/// - Without a quote character (`quoteChar` off) nothing can be quoted: with an escaper the
///   separator is escaped and line breaks become the escaper plus `n`/`r`; without one the
///   text is written as is (and may not read back the same).
/// - Numbers and booleans are written as text (`12`, `38.38`, `1e-07`, `true`); non-finite
///   doubles as `NaN`, `Infinity`, `-Infinity` (as Spark writes them); dates `2024-01-31`;
///   timestamps ISO 8601 in UTC; binaries base64; structs, arrays and maps as JSON text.
///
/// Reading back what this writes gives the same values as long as each value's text types back
/// to its type under `CSVValueParser`'s rules: `long`, `double`, `boolean`, null, and strings
/// that do not look like a number or a boolean. A string `"12"` comes back as the long 12 (Glue
/// types CSV values by content), a decimal as a double, a date as a string.
public struct CSVWriter {
    /// The columns to write, in order.
    public let schema: StructType
    /// `separator`, `quoteChar`, `escaper` and `writeHeader` are used.
    public let options: CSVOptions

    public init(schema: StructType, options: CSVOptions) {
        self.schema = schema
        self.options = options
    }

    /// The header line (the schema's field names), or nil when `writeHeader` is false.
    public func header() -> [UInt8]? {
        guard options.writeHeader else { return nil }
        var out: [UInt8] = []
        for (j, field) in schema.fields.enumerated() {
            if j > 0 { out.append(options.separator) }
            appendText(field.name, into: &out)
        }
        out.append(0x0A)
        return out
    }

    /// Appends the rows of `batch`, one line each.
    public func encode(_ batch: RecordBatch, into out: inout [UInt8]) {
        var position: [String: Int] = [:]
        for (i, name) in batch.names.enumerated() { position[name] = i }
        let columns: [Column?] = schema.fields.map { f in position[f.name].map { batch.columns[$0] } }
        for row in 0..<batch.count {
            for (j, column) in columns.enumerated() {
                if j > 0 { out.append(options.separator) }
                if let column, !column.isNull(row) { appendCell(column, row, into: &out) }
            }
            out.append(0x0A)
        }
    }

    private func appendCell(_ column: Column, _ row: Int, into out: inout [UInt8]) {
        switch column.storage {
        case .bytes(let b, .string):
            let start = Int(b.offsets[row])
            let end = Int(b.offsets[row + 1])
            b.data.withUnsafeBufferPointer { appendField(UnsafeBufferPointer(rebasing: $0[start..<end]), into: &out) }
        case .int64(let v, .long):
            appendText(String(v[row]), into: &out)
        default:
            appendText(Self.text(column.value(at: row)), into: &out)
        }
    }

    /// The text of a non-null value.
    static func text(_ value: Value) -> String {
        switch value {
        case .double(let d) where !d.isFinite: d.isNaN ? "NaN" : (d < 0 ? "-Infinity" : "Infinity")
        case .float(let f) where !f.isFinite: f.isNaN ? "NaN" : (f < 0 ? "-Infinity" : "Infinity")
        default: value.plainText
        }
    }

    private func appendText(_ text: String, into out: inout [UInt8]) {
        var s = text
        s.withUTF8 { appendField($0, into: &out) }
    }

    /// Appends one field, quoted or escaped as needed.
    private func appendField(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let sep = options.separator
        let esc = options.escaper.flatMap { $0 == options.quoteChar ? nil : $0 }
        guard let quote = options.quoteChar else {
            for b in bytes {
                if let esc, b == sep || b == esc || b == 0x0A || b == 0x0D {
                    out.append(esc)
                    out.append(b == 0x0A ? UInt8(ascii: "n") : b == 0x0D ? UInt8(ascii: "r") : b)
                } else {
                    out.append(b)
                }
            }
            return
        }
        var needsQuotes = bytes.isEmpty
        if let first = bytes.first, let last = bytes.last {
            needsQuotes = first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        }
        if !needsQuotes {
            for b in bytes where b == sep || b == quote || b == 0x0A || b == 0x0D || b == esc {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(quote)
        for b in bytes {
            if b == quote || b == esc { out.append(b) }
            out.append(b)
        }
        out.append(quote)
    }
}
