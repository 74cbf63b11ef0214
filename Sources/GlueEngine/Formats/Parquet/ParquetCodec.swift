/// Page compression for Parquet: SNAPPY (pure Swift; the default, as in Glue), GZIP (the
/// system zlib) and UNCOMPRESSED. Any other codec is refused with an error naming it.
public enum ParquetCodec {
    /// The codecs gluelab reads and writes.
    public static let supported: [Parquet.CompressionCodec] = [.uncompressed, .snappy, .gzip]

    /// Parses Glue's `compression` option (`snappy`, `gzip`, `none` / `uncompressed`).
    public static func parse(_ name: String) throws(EngineError) -> Parquet.CompressionCodec {
        switch name.lowercased() {
        case "snappy": return .snappy
        case "gzip": return .gzip
        case "none", "uncompressed": return .uncompressed
        default:
            throw .invalidOption(name: "compression", value: name, reason: "gluelab writes snappy, gzip or none")
        }
    }

    /// Compresses one page body.
    ///
    /// - Throws: `EngineError.unsupported` for a codec gluelab does not write (naming it) or a
    ///   page of 2 GiB or more (page sizes are 32-bit in the page header).
    public static func compress(_ input: [UInt8], codec: Parquet.CompressionCodec) throws(EngineError) -> [UInt8] {
        guard input.count < Int(Int32.max) else {
            throw .unsupported(what: "Parquet page of \(input.count) bytes", reason: "a page must be smaller than 2 GiB")
        }
        switch codec {
        case .uncompressed: return input
        case .snappy: return Snappy.compress(input)
        case .gzip: return try Gzip.compress(input)
        default: throw unsupported(codec)
        }
    }

    /// Decompresses one page body whose uncompressed size the page header gives.
    ///
    /// - Throws: `EngineError.malformedInput` (source `snappy` or `gzip`) for data that does not
    ///   decompress to exactly `uncompressedSize` bytes; `EngineError.unsupported` naming any
    ///   other codec.
    public static func decompress(_ input: ArraySlice<UInt8>, codec: Parquet.CompressionCodec,
                                  uncompressedSize: Int) throws(EngineError) -> [UInt8] {
        switch codec {
        case .uncompressed: return Array(input)
        case .snappy: return try Snappy.decompress(input, expectedSize: uncompressedSize)
        case .gzip: return try Gzip.decompress(input, expectedSize: uncompressedSize)
        default: throw unsupported(codec)
        }
    }

    static func unsupported(_ codec: Parquet.CompressionCodec) -> EngineError {
        .unsupported(what: "Parquet codec \(codec.name)", reason: "gluelab reads and writes SNAPPY, GZIP and UNCOMPRESSED")
    }
}
