/// Glue's `json` format writer: JSON Lines, one object per record.
///
/// Fields are written in the batch's column order; null fields are left out, at every level of
/// nesting, as Spark's and Glue's JSON writers do (`ignoreNullFields`), while nulls inside
/// arrays stay. Values render as `Value.jsonText()` does: dates and timestamps as strings
/// (`"2024-01-31"`, `"2024-01-31T10:00:00Z"`), binaries as base64, non-finite doubles as null.
///
/// Reading the output back with `JSONReader` gives the same records for anything the JSON
/// reader produced. Types JSON cannot carry do not survive: a `long` that fits in 32 bits reads
/// back as `int`, dates and timestamps as strings, decimals as doubles.
public struct JSONWriter {
    public init() {}

    /// Appends the records of `batch` to `out`, each followed by a newline.
    public func encode(_ batch: RecordBatch, into out: inout [UInt8]) {
        let keys = batch.names.map { name -> [UInt8] in
            var quoted = ""
            Value.appendQuoted(name, to: &quoted)
            return Array(quoted.utf8) + [UInt8(ascii: ":")]
        }
        for row in 0..<batch.count {
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, column) in zip(keys, batch.columns) where !column.isNull(row) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(contentsOf: key)
                Self.appendValue(column, row, to: &out)
            }
            out.append(UInt8(ascii: "}"))
            out.append(0x0A)
        }
    }

    /// Writes the common column types directly; everything else through `Value.appendJSON`.
    private static func appendValue(_ column: Column, _ row: Int, to out: inout [UInt8]) {
        switch column.storage {
        case .int32(let v, .int):
            out.append(contentsOf: String(v[row]).utf8)
        case .int64(let v, .long):
            out.append(contentsOf: String(v[row]).utf8)
        case .float64(let v) where v[row].isFinite:
            out.append(contentsOf: v[row].description.utf8)
        case .boolean(let v):
            if v[row] { out.append(contentsOf: "true".utf8) } else { out.append(contentsOf: "false".utf8) }
        case .bytes(let b, .string) where appendASCIIString(b[row], to: &out):
            break
        default:
            var text = ""
            column.value(at: row).appendJSON(to: &text)
            out.append(contentsOf: text.utf8)
        }
    }

    /// Writes an all-ASCII string as a JSON literal, escaping as `Value.appendQuoted` does;
    /// false (writing nothing) otherwise, so other text goes through the `Value` rendering
    /// (which also turns invalid UTF-8 into U+FFFD).
    private static func appendASCIIString(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case ..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return true
    }
}
