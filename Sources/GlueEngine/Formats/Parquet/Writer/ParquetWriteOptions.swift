/// How the Parquet writer compresses and sizes what it writes: Glue's `glueparquet` / `parquet`
/// format options.
public struct ParquetWriteOptions: Sendable, Equatable {
    /// The page codec: SNAPPY by default, as in Glue.
    public var compression: Parquet.CompressionCodec = .snappy
    /// Uncompressed bytes of encoded data per row group (Glue's default 128 MiB); a row group
    /// ends at the first batch row where it is reached (a batch is split to stay close).
    public var blockSize = 128 << 20
    /// Uncompressed bytes per data page (Glue's default 1 MiB).
    public var pageSize = 1 << 20
    /// Dictionary-encode columns where it pays (see `LeafValueEncoder`); no Glue option turns
    /// it off, the Swift API can.
    public var enableDictionary = true

    /// Glue's defaults.
    public init() {}

    /// The option names `init(glueOptions:)` accepts.
    public static let knownOptionNames: [String] = ["compression", "blockSize", "pageSize", "useGlueParquetWriter"]

    /// Reads Glue's Parquet `format_options`.
    ///
    /// - `compression`: `snappy`, `gzip`, `none` or `uncompressed` (any case).
    /// - `blockSize`, `pageSize`: byte counts, as numbers or numeric strings; `pageSize` at most
    ///   1 GiB (a page's size must fit Parquet's 32-bit header field).
    /// - `useGlueParquetWriter` is accepted and ignored: gluelab has one writer, which computes
    ///   the schema from the data as Glue's does.
    /// - Throws: `EngineError.invalidOption` for an unknown name or a bad value.
    public init(glueOptions: [String: Value]) throws(EngineError) {
        for name in glueOptions.keys.sorted() {
            guard let value = glueOptions[name] else { continue }
            switch name {
            case "compression":
                guard case .string(let codec) = value else {
                    throw .invalidOption(name: name, value: value.plainText, reason: "expected snappy, gzip or none")
                }
                compression = try ParquetCodec.parse(codec)
            case "blockSize":
                blockSize = try Self.byteCount(name, value, range: 1...Int(Int64.max >> 1))
            case "pageSize":
                pageSize = try Self.byteCount(name, value, range: 1...(1 << 30))
            case "useGlueParquetWriter":
                break
            default:
                throw .invalidOption(name: name, value: value.plainText,
                                     reason: "unknown Parquet format option; known options: "
                                         + Self.knownOptionNames.joined(separator: ", "))
            }
        }
    }

    private static func byteCount(_ name: String, _ value: Value, range: ClosedRange<Int>) throws(EngineError) -> Int {
        var n: Int?
        switch value {
        case .string(let s): n = Int(s.trimmingCharacters(in: .whitespaces))
        case .double(let d) where d == d.rounded() && abs(d) < 1e18: n = Int(d)
        default: n = value.integerValue.map { Int($0) }
        }
        guard let n else {
            throw .invalidOption(name: name, value: value.plainText, reason: "expected a number of bytes")
        }
        guard range.contains(n) else {
            throw .invalidOption(name: name, value: value.plainText,
                                 reason: "must be between \(range.lowerBound) and \(range.upperBound) bytes")
        }
        return n
    }
}
