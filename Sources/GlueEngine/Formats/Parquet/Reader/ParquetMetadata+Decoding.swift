/// Decoding of the footer and page headers from Thrift compact bytes (field ids from
/// `parquet.thrift`). Unknown fields, and known fields with an unexpected wire type, are
/// skipped; a missing required field or an out-of-range enum value throws.
extension Parquet.FileMetaData {
    /// Decodes a footer; `columnOrders` receives the `ColumnOrder` union member of every leaf
    /// column (1 = TYPE_ORDER, 2 = IEEE_754_TOTAL_ORDER, ...) when the file lists them.
    static func decode(_ r: inout ThriftCompactReader, columnOrders: inout [Int16]?) throws(EngineError) -> Self {
        var version: Int32?, schema: [Parquet.SchemaElement]?, numRows: Int64?, rowGroups: [Parquet.RowGroup]?
        var keyValues: [Parquet.KeyValue]?, createdBy: String?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): version = try r.readI32()
            case (2, .list): schema = try r.readList { (r, _) throws(EngineError) in try .decode(&r) }
            case (3, .i64): numRows = try r.readI64()
            case (4, .list): rowGroups = try r.readList { (r, _) throws(EngineError) in try .decode(&r) }
            case (5, .list): keyValues = try r.readList { (r, _) throws(EngineError) in try .decode(&r) }
            case (6, .binary): createdBy = try r.readString()
            case (7, .list): columnOrders = try r.readList { (r, _) throws(EngineError) in try unionMember(&r) }
            default: try r.skip(f.type)
            }
        }
        guard let version, let schema, let numRows, let rowGroups else {
            throw parquetCorrupt("footer lacks a required field (version, schema, num_rows or row_groups)")
        }
        var meta = Self(version: version, schema: schema, numRows: numRows, rowGroups: rowGroups,
                        keyValueMetadata: keyValues, createdBy: createdBy)
        meta.typeDefinedColumnOrders = columnOrders?.filter { $0 == 1 }.count
        return meta
    }
}

/// Reads a union whose members are all empty structs; returns the member's field id.
private func unionMember(_ r: inout ThriftCompactReader) throws(EngineError) -> Int16 {
    var member: Int16 = 0
    try r.beginStruct()
    while let f = try r.nextField() {
        member = f.id
        try r.skip(f.type)
    }
    return member
}

extension Parquet.SchemaElement {
    static func decode(_ r: inout ThriftCompactReader) throws(EngineError) -> Self {
        var e = Self(name: "")
        var hasName = false
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): e.type = try physicalType(try r.readI32())
            case (2, .i32): e.typeLength = try r.readI32()
            case (3, .i32):
                let raw = try r.readI32()
                guard let rep = Parquet.Repetition(rawValue: raw) else {
                    throw .unsupported(what: "Parquet repetition type \(raw)", reason: "gluelab reads REQUIRED, OPTIONAL and REPEATED fields")
                }
                e.repetition = rep
            case (4, .binary): e.name = try r.readString(); hasName = true
            case (5, .i32): e.numChildren = try r.readI32()
            case (6, .i32): e.convertedType = Parquet.ConvertedType(rawValue: try r.readI32())
            case (7, .i32): e.scale = try r.readI32()
            case (8, .i32): e.precision = try r.readI32()
            case (9, .i32): e.fieldId = try r.readI32()
            case (10, .structure): e.logicalType = try decodeLogicalType(&r)
            default: try r.skip(f.type)
            }
        }
        guard hasName else { throw parquetCorrupt("schema element without a name") }
        return e
    }
}

func physicalType(_ raw: Int32) throws(EngineError) -> Parquet.PhysicalType {
    guard let t = Parquet.PhysicalType(rawValue: raw) else { throw parquetCorrupt("unknown physical type", String(raw)) }
    return t
}

/// A `LogicalType` union; members gluelab does not model (VARIANT, GEOMETRY, ...) give nil.
private func decodeLogicalType(_ r: inout ThriftCompactReader) throws(EngineError) -> Parquet.LogicalType? {
    var result: Parquet.LogicalType?
    try r.beginStruct()
    while let f = try r.nextField() {
        guard f.type == .structure else {
            try r.skip(f.type)
            continue
        }
        switch f.id {
        case 5:
            var scale: Int32 = 0, precision: Int32 = 0
            try r.beginStruct()
            while let g = try r.nextField() {
                switch (g.id, g.type) {
                case (1, .i32): scale = try r.readI32()
                case (2, .i32): precision = try r.readI32()
                default: try r.skip(g.type)
                }
            }
            result = .decimal(scale: scale, precision: precision)
        case 7, 8:
            var utc = false
            var unit = Parquet.TimeUnit.millis
            try r.beginStruct()
            while let g = try r.nextField() {
                switch (g.id, g.type) {
                case (1, .boolTrue), (1, .boolFalse): utc = r.bool(g.type)
                case (2, .structure):
                    switch try unionMember(&r) {
                    case 2: unit = .micros
                    case 3: unit = .nanos
                    default: unit = .millis
                    }
                default: try r.skip(g.type)
                }
            }
            result = f.id == 7 ? .time(isAdjustedToUTC: utc, unit: unit) : .timestamp(isAdjustedToUTC: utc, unit: unit)
        case 10:
            var width: Int8 = 32
            var signed = true
            try r.beginStruct()
            while let g = try r.nextField() {
                switch (g.id, g.type) {
                case (1, .byte): width = try r.readI8()
                case (2, .boolTrue), (2, .boolFalse): signed = r.bool(g.type)
                default: try r.skip(g.type)
                }
            }
            result = .integer(bitWidth: width, isSigned: signed)
        default:
            try r.skip(.structure)
            let simple: [Int16: Parquet.LogicalType] = [
                1: .string, 2: .map, 3: .list, 4: .enumeration, 6: .date, 11: .unknown, 12: .json, 13: .bson, 14: .uuid, 15: .float16,
            ]
            result = simple[f.id]
        }
    }
    return result
}

extension Parquet.KeyValue {
    static func decode(_ r: inout ThriftCompactReader) throws(EngineError) -> Self {
        var key: String?, value: String?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .binary): key = try r.readString()
            case (2, .binary): value = try r.readString()
            default: try r.skip(f.type)
            }
        }
        guard let key else { throw parquetCorrupt("key/value metadata without a key") }
        return Self(key: key, value: value)
    }
}

extension Parquet.RowGroup {
    static func decode(_ r: inout ThriftCompactReader) throws(EngineError) -> Self {
        var columns: [Parquet.ColumnChunk]?, totalByteSize: Int64?, numRows: Int64?
        var fileOffset: Int64?, totalCompressed: Int64?, ordinal: Int16?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .list): columns = try r.readList { (r, _) throws(EngineError) in try .decode(&r) }
            case (2, .i64): totalByteSize = try r.readI64()
            case (3, .i64): numRows = try r.readI64()
            case (5, .i64): fileOffset = try r.readI64()
            case (6, .i64): totalCompressed = try r.readI64()
            case (7, .i16): ordinal = try r.readI16()
            default: try r.skip(f.type)
            }
        }
        guard let columns, let numRows else { throw parquetCorrupt("row group lacks its columns or num_rows") }
        return Self(columns: columns, totalByteSize: totalByteSize ?? 0, numRows: numRows, fileOffset: fileOffset,
                    totalCompressedSize: totalCompressed, ordinal: ordinal)
    }
}

extension Parquet.ColumnChunk {
    static func decode(_ r: inout ThriftCompactReader) throws(EngineError) -> Self {
        var filePath: String?, fileOffset: Int64 = 0, meta: Parquet.ColumnMetaData?
        var encrypted = false
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .binary): filePath = try r.readString()
            case (2, .i64): fileOffset = try r.readI64()
            case (3, .structure): meta = try .decode(&r)
            case (8, _), (9, _): encrypted = true; try r.skip(f.type)
            default: try r.skip(f.type)
            }
        }
        if encrypted && meta == nil {
            throw .unsupported(what: "encrypted Parquet column", reason: "gluelab does not read Parquet modular encryption")
        }
        return Self(filePath: filePath, fileOffset: fileOffset, metaData: meta)
    }
}

extension Parquet.ColumnMetaData {
    static func decode(_ r: inout ThriftCompactReader) throws(EngineError) -> Self {
        var type: Parquet.PhysicalType?, encodings: [Parquet.Encoding] = [], path: [String]?
        var codecRaw: Int32?, numValues: Int64?, uncompressed: Int64?, compressed: Int64?
        var keyValues: [Parquet.KeyValue]?, dataPageOffset: Int64?, indexPageOffset: Int64?
        var dictionaryPageOffset: Int64?, statistics: Parquet.Statistics?
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): type = try physicalType(try r.readI32())
            case (2, .list):
                // Encodings gluelab does not know are left out here; a page using one is refused.
                encodings = try r.readList { (r, _) throws(EngineError) in Parquet.Encoding(rawValue: try r.readI32()) }
                    .compactMap { $0 }
            case (3, .list): path = try r.readList { (r, _) throws(EngineError) in try r.readString() }
            case (4, .i32): codecRaw = try r.readI32()
            case (5, .i64): numValues = try r.readI64()
            case (6, .i64): uncompressed = try r.readI64()
            case (7, .i64): compressed = try r.readI64()
            case (8, .list): keyValues = try r.readList { (r, _) throws(EngineError) in try .decode(&r) }
            case (9, .i64): dataPageOffset = try r.readI64()
            case (10, .i64): indexPageOffset = try r.readI64()
            case (11, .i64): dictionaryPageOffset = try r.readI64()
            case (12, .structure): statistics = try .decode(&r)
            default: try r.skip(f.type)
            }
        }
        guard let type, let path, let codecRaw, let numValues, let uncompressed, let compressed, let dataPageOffset else {
            throw parquetCorrupt("column metadata lacks a required field")
        }
        guard let codec = Parquet.CompressionCodec(rawValue: codecRaw) else {
            throw .unsupported(what: "Parquet codec \(codecRaw)", reason: "gluelab reads SNAPPY, GZIP and UNCOMPRESSED")
        }
        return Self(type: type, encodings: encodings, pathInSchema: path, codec: codec, numValues: numValues,
                    totalUncompressedSize: uncompressed, totalCompressedSize: compressed, keyValueMetadata: keyValues,
                    dataPageOffset: dataPageOffset, indexPageOffset: indexPageOffset,
                    dictionaryPageOffset: dictionaryPageOffset, statistics: statistics)
    }
}

extension Parquet.Statistics {
    static func decode(_ r: inout ThriftCompactReader) throws(EngineError) -> Self {
        var s = Self()
        try r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .binary): s.max = try r.readBinary()
            case (2, .binary): s.min = try r.readBinary()
            case (3, .i64): s.nullCount = try r.readI64()
            case (4, .i64): s.distinctCount = try r.readI64()
            case (5, .binary): s.maxValue = try r.readBinary()
            case (6, .binary): s.minValue = try r.readBinary()
            default: try r.skip(f.type)
            }
        }
        return s
    }
}
