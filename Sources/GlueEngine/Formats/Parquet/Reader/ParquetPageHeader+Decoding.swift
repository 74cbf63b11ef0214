/// Decoding of page headers (`PageHeader` and the headers of its page kinds).
extension Parquet.PageHeader {
    /// Decodes a page header. A page type gluelab does not know throws; an index page decodes
    /// (the reader skips its body).
    static func decode(_ r: inout ThriftCompactReader) throws(EngineError) -> Self {
        var typeRaw: Int32?, uncompressed: Int32?, compressed: Int32?, crc: Int32?
        var v1: Parquet.DataPageHeader?, dictionary: Parquet.DictionaryPageHeader?, v2: Parquet.DataPageHeaderV2?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): typeRaw = try r.readI32()
            case (2, .i32): uncompressed = try r.readI32()
            case (3, .i32): compressed = try r.readI32()
            case (4, .i32): crc = try r.readI32()
            case (5, .structure): v1 = try decodeV1(&r)
            case (7, .structure): dictionary = try decodeDictionary(&r)
            case (8, .structure): v2 = try decodeV2(&r)
            default: try r.skip(f.type)
            }
        }
        guard let typeRaw, let uncompressed, let compressed else {
            throw parquetCorrupt("page header lacks its type or sizes")
        }
        guard let type = Parquet.PageType(rawValue: typeRaw) else { throw parquetCorrupt("unknown page type", String(typeRaw)) }
        guard uncompressed >= 0, compressed >= 0 else {
            throw parquetCorrupt("negative page size", "\(compressed)/\(uncompressed)")
        }
        return Self(type: type, uncompressedPageSize: uncompressed, compressedPageSize: compressed, crc: crc,
                    dataPageHeader: v1, dictionaryPageHeader: dictionary, dataPageHeaderV2: v2)
    }

    private static func decodeV1(_ r: inout ThriftCompactReader) throws(EngineError) -> Parquet.DataPageHeader {
        var numValues: Int32?, encoding: Parquet.Encoding?, defEncoding = Parquet.Encoding.rle, repEncoding = Parquet.Encoding.rle
        var statistics: Parquet.Statistics?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): numValues = try r.readI32()
            case (2, .i32): encoding = try pageEncoding(try r.readI32())
            case (3, .i32): defEncoding = try pageEncoding(try r.readI32())
            case (4, .i32): repEncoding = try pageEncoding(try r.readI32())
            case (5, .structure): statistics = try .decode(&r)
            default: try r.skip(f.type)
            }
        }
        guard let numValues, let encoding, numValues >= 0 else { throw parquetCorrupt("data page header lacks num_values or encoding") }
        return .init(numValues: numValues, encoding: encoding, definitionLevelEncoding: defEncoding,
                     repetitionLevelEncoding: repEncoding, statistics: statistics)
    }

    private static func decodeDictionary(_ r: inout ThriftCompactReader) throws(EngineError) -> Parquet.DictionaryPageHeader {
        var numValues: Int32?, encoding = Parquet.Encoding.plain, sorted: Bool?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): numValues = try r.readI32()
            case (2, .i32): encoding = try pageEncoding(try r.readI32())
            case (3, .boolTrue), (3, .boolFalse): sorted = r.bool(f.type)
            default: try r.skip(f.type)
            }
        }
        guard let numValues, numValues >= 0 else { throw parquetCorrupt("dictionary page header lacks num_values") }
        return .init(numValues: numValues, encoding: encoding, isSorted: sorted)
    }

    private static func decodeV2(_ r: inout ThriftCompactReader) throws(EngineError) -> Parquet.DataPageHeaderV2 {
        var numValues: Int32?, numNulls: Int32?, numRows: Int32?, encoding: Parquet.Encoding?
        var defLength: Int32?, repLength: Int32?, compressed = true, statistics: Parquet.Statistics?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): numValues = try r.readI32()
            case (2, .i32): numNulls = try r.readI32()
            case (3, .i32): numRows = try r.readI32()
            case (4, .i32): encoding = try pageEncoding(try r.readI32())
            case (5, .i32): defLength = try r.readI32()
            case (6, .i32): repLength = try r.readI32()
            case (7, .boolTrue), (7, .boolFalse): compressed = r.bool(f.type)
            case (8, .structure): statistics = try .decode(&r)
            default: try r.skip(f.type)
            }
        }
        guard let numValues, let numNulls, let numRows, let encoding, let defLength, let repLength,
            numValues >= 0, defLength >= 0, repLength >= 0
        else { throw parquetCorrupt("data page v2 header lacks a required field") }
        return .init(numValues: numValues, numNulls: numNulls, numRows: numRows, encoding: encoding,
                     definitionLevelsByteLength: defLength, repetitionLevelsByteLength: repLength,
                     isCompressed: compressed, statistics: statistics)
    }
}

/// An encoding id from a page header; one gluelab does not know is refused with its number.
private func pageEncoding(_ raw: Int32) throws(EngineError) -> Parquet.Encoding {
    guard let e = Parquet.Encoding(rawValue: raw) else {
        let name = raw == 1 ? "GROUP_VAR_INT" : String(raw)
        throw .unsupported(what: "Parquet encoding \(name)", reason: "gluelab reads PLAIN, dictionary, RLE, BIT_PACKED, DELTA_* and BYTE_STREAM_SPLIT pages")
    }
    return e
}

extension Parquet.Encoding {
    /// The encoding's name in `parquet.thrift` (`PLAIN`, `RLE_DICTIONARY`, ...), for errors.
    var thriftName: String {
        switch self {
        case .plain: "PLAIN"
        case .plainDictionary: "PLAIN_DICTIONARY"
        case .rle: "RLE"
        case .bitPacked: "BIT_PACKED"
        case .deltaBinaryPacked: "DELTA_BINARY_PACKED"
        case .deltaLengthByteArray: "DELTA_LENGTH_BYTE_ARRAY"
        case .deltaByteArray: "DELTA_BYTE_ARRAY"
        case .rleDictionary: "RLE_DICTIONARY"
        case .byteStreamSplit: "BYTE_STREAM_SPLIT"
        }
    }
}

extension Parquet.PhysicalType {
    /// The type's name in `parquet.thrift` (`INT32`, `BYTE_ARRAY`, ...), for errors.
    var thriftName: String {
        switch self {
        case .boolean: "BOOLEAN"
        case .int32: "INT32"
        case .int64: "INT64"
        case .int96: "INT96"
        case .float: "FLOAT"
        case .double: "DOUBLE"
        case .byteArray: "BYTE_ARRAY"
        case .fixedLenByteArray: "FIXED_LEN_BYTE_ARRAY"
        }
    }
}
