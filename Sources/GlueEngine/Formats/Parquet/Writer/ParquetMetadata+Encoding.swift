/// Thrift compact encodings of the Parquet metadata structs, field for field as
/// `parquet.thrift` numbers them. Optional fields that are nil are left out; required fields
/// are always written.
extension Parquet.FileMetaData {
    /// The footer's bytes (without the length and magic that follow it in a file).
    func thriftBytes() -> [UInt8] {
        var w = ThriftCompactWriter(capacity: 1024)
        w.beginStruct()
        encode(to: &w)
        return w.bytes
    }

    func encode(to w: inout ThriftCompactWriter) {
        w.i32(field: 1, version)
        w.listField(2, of: .structure, count: schema.count)
        for element in schema { element.encodeValue(to: &w) }
        w.i64(field: 3, numRows)
        w.listField(4, of: .structure, count: rowGroups.count)
        for group in rowGroups { group.encodeValue(to: &w) }
        if let keyValueMetadata { Parquet.KeyValue.encode(keyValueMetadata, field: 5, to: &w) }
        if let createdBy { w.string(field: 6, createdBy) }
        if let typeDefinedColumnOrders {
            // list<ColumnOrder>; ColumnOrder is a union whose field 1 is TypeDefinedOrder {}.
            w.listField(7, of: .structure, count: typeDefinedColumnOrders)
            for _ in 0..<typeDefinedColumnOrders {
                w.beginStruct()
                w.emptyStruct(field: 1)
                w.endStruct()
            }
        }
        w.stop()
    }
}

extension Parquet.KeyValue {
    static func encode(_ pairs: [Self], field: Int16, to w: inout ThriftCompactWriter) {
        w.listField(field, of: .structure, count: pairs.count)
        for pair in pairs {
            w.beginStruct()
            w.string(field: 1, pair.key)
            if let value = pair.value { w.string(field: 2, value) }
            w.endStruct()
        }
    }
}

extension Parquet.SchemaElement {
    /// Writes this element as a list element (a whole struct).
    func encodeValue(to w: inout ThriftCompactWriter) {
        w.beginStruct()
        if let type { w.i32(field: 1, type.rawValue) }
        if let typeLength { w.i32(field: 2, typeLength) }
        if let repetition { w.i32(field: 3, repetition.rawValue) }
        w.string(field: 4, name)
        if let numChildren { w.i32(field: 5, numChildren) }
        if let convertedType { w.i32(field: 6, convertedType.rawValue) }
        if let scale { w.i32(field: 7, scale) }
        if let precision { w.i32(field: 8, precision) }
        if let fieldId { w.i32(field: 9, fieldId) }
        if let logicalType {
            w.structField(10)
            logicalType.encodeFields(to: &w)
            w.endStruct()
        }
        w.endStruct()
    }
}

extension Parquet.LogicalType {
    /// Writes the one field of the `LogicalType` union.
    func encodeFields(to w: inout ThriftCompactWriter) {
        switch self {
        case .string: w.emptyStruct(field: 1)
        case .map: w.emptyStruct(field: 2)
        case .list: w.emptyStruct(field: 3)
        case .enumeration: w.emptyStruct(field: 4)
        case .decimal(let scale, let precision):
            w.structField(5)
            w.i32(field: 1, scale)
            w.i32(field: 2, precision)
            w.endStruct()
        case .date: w.emptyStruct(field: 6)
        case .time(let utc, let unit):
            w.structField(7)
            w.bool(field: 1, utc)
            unit.encode(field: 2, to: &w)
            w.endStruct()
        case .timestamp(let utc, let unit):
            w.structField(8)
            w.bool(field: 1, utc)
            unit.encode(field: 2, to: &w)
            w.endStruct()
        case .integer(let bitWidth, let isSigned):
            w.structField(10)
            w.i8(field: 1, bitWidth)
            w.bool(field: 2, isSigned)
            w.endStruct()
        case .unknown: w.emptyStruct(field: 11)
        case .json: w.emptyStruct(field: 12)
        case .bson: w.emptyStruct(field: 13)
        case .uuid: w.emptyStruct(field: 14)
        case .float16: w.emptyStruct(field: 15)
        }
    }
}

extension Parquet.TimeUnit {
    /// Writes the `TimeUnit` union as field `field`: MILLIS = 1, MICROS = 2, NANOS = 3.
    func encode(field: Int16, to w: inout ThriftCompactWriter) {
        w.structField(field)
        switch self {
        case .millis: w.emptyStruct(field: 1)
        case .micros: w.emptyStruct(field: 2)
        case .nanos: w.emptyStruct(field: 3)
        }
        w.endStruct()
    }
}

extension Parquet.Statistics {
    func encode(field: Int16, to w: inout ThriftCompactWriter) {
        w.structField(field)
        if let max { w.binary(field: 1, max) }
        if let min { w.binary(field: 2, min) }
        if let nullCount { w.i64(field: 3, nullCount) }
        if let distinctCount { w.i64(field: 4, distinctCount) }
        if let maxValue { w.binary(field: 5, maxValue) }
        if let minValue { w.binary(field: 6, minValue) }
        w.endStruct()
    }
}

extension Parquet.RowGroup {
    func encodeValue(to w: inout ThriftCompactWriter) {
        w.beginStruct()
        w.listField(1, of: .structure, count: columns.count)
        for chunk in columns { chunk.encodeValue(to: &w) }
        w.i64(field: 2, totalByteSize)
        w.i64(field: 3, numRows)
        if let fileOffset { w.i64(field: 5, fileOffset) }
        if let totalCompressedSize { w.i64(field: 6, totalCompressedSize) }
        if let ordinal { w.i16(field: 7, ordinal) }
        w.endStruct()
    }
}

extension Parquet.ColumnChunk {
    func encodeValue(to w: inout ThriftCompactWriter) {
        w.beginStruct()
        if let filePath { w.string(field: 1, filePath) }
        w.i64(field: 2, fileOffset)
        if let metaData {
            w.structField(3)
            metaData.encodeFields(to: &w)
            w.endStruct()
        }
        w.endStruct()
    }
}

extension Parquet.ColumnMetaData {
    func encodeFields(to w: inout ThriftCompactWriter) {
        w.i32(field: 1, type.rawValue)
        w.listField(2, of: .i32, count: encodings.count)
        for e in encodings { w.i32Value(e.rawValue) }
        w.listField(3, of: .binary, count: pathInSchema.count)
        for name in pathInSchema { w.stringValue(name) }
        w.i32(field: 4, codec.rawValue)
        w.i64(field: 5, numValues)
        w.i64(field: 6, totalUncompressedSize)
        w.i64(field: 7, totalCompressedSize)
        if let keyValueMetadata { Parquet.KeyValue.encode(keyValueMetadata, field: 8, to: &w) }
        w.i64(field: 9, dataPageOffset)
        if let indexPageOffset { w.i64(field: 10, indexPageOffset) }
        if let dictionaryPageOffset { w.i64(field: 11, dictionaryPageOffset) }
        if let statistics { statistics.encode(field: 12, to: &w) }
    }
}

extension Parquet.PageHeader {
    /// The header's bytes, as they precede the page body in a column chunk.
    func thriftBytes() -> [UInt8] {
        var w = ThriftCompactWriter(capacity: 48)
        w.beginStruct()
        w.i32(field: 1, type.rawValue)
        w.i32(field: 2, uncompressedPageSize)
        w.i32(field: 3, compressedPageSize)
        if let crc { w.i32(field: 4, crc) }
        if let h = dataPageHeader {
            w.structField(5)
            w.i32(field: 1, h.numValues)
            w.i32(field: 2, h.encoding.rawValue)
            w.i32(field: 3, h.definitionLevelEncoding.rawValue)
            w.i32(field: 4, h.repetitionLevelEncoding.rawValue)
            if let s = h.statistics { s.encode(field: 5, to: &w) }
            w.endStruct()
        }
        if let h = dictionaryPageHeader {
            w.structField(7)
            w.i32(field: 1, h.numValues)
            w.i32(field: 2, h.encoding.rawValue)
            if let sorted = h.isSorted { w.bool(field: 3, sorted) }
            w.endStruct()
        }
        if let h = dataPageHeaderV2 {
            w.structField(8)
            w.i32(field: 1, h.numValues)
            w.i32(field: 2, h.numNulls)
            w.i32(field: 3, h.numRows)
            w.i32(field: 4, h.encoding.rawValue)
            w.i32(field: 5, h.definitionLevelsByteLength)
            w.i32(field: 6, h.repetitionLevelsByteLength)
            w.bool(field: 7, h.isCompressed)
            if let s = h.statistics { s.encode(field: 8, to: &w) }
            w.endStruct()
        }
        w.stop()
        return w.bytes
    }
}
