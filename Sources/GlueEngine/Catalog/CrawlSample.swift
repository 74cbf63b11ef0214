import Foundation

/// What a crawler's built-in classifiers make of one object: its format and the schema of a
/// sample of its records, before widening (``HiveType/widened(_:)`` settles the choices later,
/// across all the files of a table).
///
/// **Classification** is by content, the extension choosing which classifier tries first
/// (`.csv` → CSV, `.json`/`.jsonl` → JSON): Parquet is `PAR1` at both ends; JSON is text whose
/// first character is `{` or `[` and whose sample reads as JSON records; CSV is text whose
/// first lines split into the same number (at least 2) of fields on `,`, `|`, tab or `;`
/// (Glue's CSV classifier needs two columns and two rows). Anything else is `UNKNOWN` and
/// makes no table.
///
/// **The sample** (AWS Knowledge Center, "How does a crawler detect the schema"): CSV — the
/// first 1,000 records or the first 1 MB, whichever comes first; JSON — the first 1 MB;
/// Parquet — the schema in the footer. A value of another type after the sample is never
/// seen: the catalog then says `bigint` where a DynamicFrame over the whole file says
/// `choice(long,string)` (the AWS medicaid example).
///
/// **CSV headers** (Glue's built-in CSV classifier): the first row is a header when every value
/// in it is a string, each (but the last) is shorter than 150 characters, and at least one
/// column holds a non-string value in the rows below (an all-string file has no header; its
/// columns are `col0`, `col1`, ...). Header names are lowercased, as the catalog stores them.
struct CrawlSample: Sendable {
    var object: ObjectInfo
    var format: DataFormat
    /// CSV: the separator.
    var delimiter: UInt8?
    /// CSV: whether the first row was taken as the header.
    var header = false
    /// CSV: whether the sample holds quoted values.
    var quoted = false
    /// The merged engine schema of the sampled records (choices not yet widened).
    var schema: StructType
    var recordsSampled: Int
    var bytesSampled: Int64

    /// The sample size: bytes.
    static let sampleBytes = 1 << 20
    /// The sample size: CSV records.
    static let sampleRecords = 1000
    /// Candidate CSV separators, in preference order.
    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "|"), 9, UInt8(ascii: ";")]

    /// Classifies `data` (the object's bytes); nil with the reason when no classifier knows it.
    static func classify(_ object: ObjectInfo, data: Data) -> Result<CrawlSample, Unclassified> {
        if data.count >= 12, data.prefix(4) == Data("PAR1".utf8), data.suffix(4) == Data("PAR1".utf8) {
            guard let file = try? ParquetFile(data, source: object.uri.description) else {
                return .failure(Unclassified(object: object, reason: "a corrupt Parquet file"))
            }
            return .success(CrawlSample(object: object, format: .parquet, schema: file.schema,
                                        recordsSampled: Int(file.metadata.numRows), bytesSampled: file.footerBytes))
        }
        let prefix = samplePrefix(data)
        let firstByte = prefix.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        let tries: [DataFormat] = DataFormat(fileName: object.key) == .csv ? [.csv, .json] : [.json, .csv]
        for format in tries {
            if format == .json, firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "["), let s = json(object, prefix) { return .success(s) }
            if format == .csv, let s = csv(object, prefix) { return .success(s) }
        }
        return .failure(Unclassified(object: object, reason: prefix.isEmpty ? "an empty object" : "no built-in classifier recognises it (csv, json, parquet)"))
    }

    /// The first `sampleBytes` of `data`, cut after the last complete line when cut at all.
    static func samplePrefix(_ data: Data) -> Data {
        guard data.count > sampleBytes else { return data }
        let head = data.prefix(sampleBytes)
        guard let newline = head.lastIndex(of: 0x0A) else { return head }
        return head.prefix(through: newline)
    }

    static func json(_ object: ObjectInfo, _ prefix: Data) -> CrawlSample? {
        guard let result = try? JSONReader.read(prefix, source: object.uri.description, options: JSONOptions()) else { return nil }
        let records = result.batches.reduce(0) { $0 + $1.count }
        guard records > 0, result.errors.count < records else { return nil }
        let schema = result.batches.reduce(StructType()) { $0.merged(with: $1.schema) }
        return CrawlSample(object: object, format: .json, schema: schema, recordsSampled: records, bytesSampled: Int64(prefix.count))
    }

    static func csv(_ object: ObjectInfo, _ prefix: Data) -> CrawlSample? {
        guard let delimiter = detectDelimiter(prefix) else { return nil }
        var options = CSVOptions()
        options.separator = delimiter
        guard let result = try? CSVReader.read(prefix, source: object.uri.description, options: options) else { return nil }
        // The first sampleRecords (+ a possible header) rows.
        var rows: [RecordBatch] = []
        var left = sampleRecords + 1
        for b in result.batches where left > 0 {
            let n = min(left, b.count)
            rows.append(n == b.count ? b : b.gather(Array(0..<n)))
            left -= n
        }
        let count = rows.reduce(0) { $0 + $1.count }
        guard count >= 2, let first = rows.first, first.names.count >= 2 else { return nil }
        let header = hasHeader(rows)
        var names = first.names
        if header {
            names = first.names.indices.map { i in
                let v = first.columns[i].value(at: 0).plainText.lowercased()
                return v.isEmpty ? "col\(i)" : v
            }
            names = CSVColumnNames(header: names).header
        }
        // The records after the header, at most sampleRecords of them.
        var sampled: [RecordBatch] = []
        var skip = header ? 1 : 0
        var keep = sampleRecords
        for b in rows where keep > 0 {
            let from = min(skip, b.count)
            skip -= from
            let n = min(keep, b.count - from)
            if n > 0 { sampled.append(from == 0 && n == b.count ? b : b.gather(Array(from..<(from + n)))) }
            keep -= n
        }
        var schema = StructType()
        for b in sampled {
            let renamed = b.with(names: b.names.enumerated().map { i, n in i < names.count ? names[i] : n }, columns: b.columns)
            schema = schema.merged(with: renamed.schema)
        }
        // Columns that never held a value still belong to the table (as string).
        for n in names where schema[n] == nil { schema.fields.append(Field(n, .null)) }
        let recordsSampled = sampled.reduce(0) { $0 + $1.count }
        let quoted = prefix.contains(UInt8(ascii: "\""))
        return CrawlSample(object: object, format: .csv, delimiter: delimiter, header: header, quoted: quoted,
                           schema: schema, recordsSampled: recordsSampled, bytesSampled: Int64(prefix.count))
    }

    /// The separator whose field count is the same (≥ 2) on the first lines, if any.
    static func detectDelimiter(_ prefix: Data) -> UInt8? {
        let lines = prefix.split(separator: 0x0A, maxSplits: 20, omittingEmptySubsequences: true).prefix(20)
            .filter { !$0.allSatisfy { $0 == 0x0D || $0 == 0x20 } }
        guard !lines.isEmpty else { return nil }
        for d in delimiters {
            let counts = lines.map { fieldCount($0, d) }
            if let c = counts.first, c >= 2, counts.allSatisfy({ $0 == c }) { return d }
        }
        return nil
    }

    /// Fields on one line split by `d`, outside double quotes.
    static func fieldCount(_ line: Data.SubSequence, _ d: UInt8) -> Int {
        var n = 1
        var inQuotes = false
        for b in line {
            if b == UInt8(ascii: "\"") { inQuotes.toggle() } else if b == d, !inQuotes { n += 1 }
        }
        return n
    }

    /// Glue's header rule (see the type's documentation).
    static func hasHeader(_ rows: [RecordBatch]) -> Bool {
        guard let first = rows.first, first.count > 0 else { return false }
        let width = first.columns.count
        for (i, c) in first.columns.enumerated() {
            let v = c.value(at: 0)
            if case .string(let s) = v {
                if i < width - 1, s.count >= 150 { return false }
            } else if !(v == .null && i == width - 1) {
                return false
            }
        }
        // Sufficiently different: some column holds a non-string value below the first row.
        for (k, b) in rows.enumerated() {
            for c in b.columns {
                for r in (k == 0 ? 1 : 0)..<max(k == 0 ? 1 : 0, b.count) {
                    switch c.value(at: r) {
                    case .string, .null: continue
                    default: return true
                    }
                }
            }
        }
        return false
    }
}

/// An object no classifier recognised.
public struct Unclassified: Error, Sendable, Hashable {
    public var object: ObjectInfo
    public var reason: String
}
