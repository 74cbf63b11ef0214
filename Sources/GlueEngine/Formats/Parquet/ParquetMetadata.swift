/// The Parquet file metadata, as `parquet.thrift` (apache/parquet-format) defines it: the
/// footer (`FileMetaData`) and the page headers. Only the fields gluelab reads or writes are
/// modelled; a reader skips the others. Field comments give the Thrift field ids.
public enum Parquet {
    /// `Type`: the physical types.
    public enum PhysicalType: Int32, Sendable {
        case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7
    }

    /// `ConvertedType`: the legacy logical annotations (still written beside `LogicalType`).
    public enum ConvertedType: Int32, Sendable {
        case utf8 = 0, map = 1, mapKeyValue = 2, list = 3, enumeration = 4, decimal = 5, date = 6
        case timeMillis = 7, timeMicros = 8, timestampMillis = 9, timestampMicros = 10
        case uint8 = 11, uint16 = 12, uint32 = 13, uint64 = 14, int8 = 15, int16 = 16, int32 = 17, int64 = 18
        case json = 19, bson = 20, interval = 21
    }

    /// `FieldRepetitionType`.
    public enum Repetition: Int32, Sendable {
        case required = 0, optional = 1, repeated = 2
    }

    /// `Encoding`.
    public enum Encoding: Int32, Sendable {
        case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5
        case deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9
    }

    /// `CompressionCodec`.
    public enum CompressionCodec: Int32, Sendable {
        case uncompressed = 0, snappy = 1, gzip = 2, lzo = 3, brotli = 4, lz4 = 5, zstd = 6, lz4Raw = 7

        /// The name Parquet tools print (`SNAPPY`, `GZIP`, ...).
        public var name: String {
            switch self {
            case .uncompressed: "UNCOMPRESSED"
            case .snappy: "SNAPPY"
            case .gzip: "GZIP"
            case .lzo: "LZO"
            case .brotli: "BROTLI"
            case .lz4: "LZ4"
            case .zstd: "ZSTD"
            case .lz4Raw: "LZ4_RAW"
            }
        }
    }

    /// `PageType`.
    public enum PageType: Int32, Sendable {
        case dataPage = 0, indexPage = 1, dictionaryPage = 2, dataPageV2 = 3
    }

    /// `TimeUnit` (a union in Thrift).
    public enum TimeUnit: Sendable, Hashable {
        case millis, micros, nanos
    }

    /// `LogicalType` (a union in Thrift; field ids in comments).
    public enum LogicalType: Sendable, Hashable {
        case string  // 1
        case map  // 2
        case list  // 3
        case enumeration  // 4
        case decimal(scale: Int32, precision: Int32)  // 5: 1 scale, 2 precision
        case date  // 6
        case time(isAdjustedToUTC: Bool, unit: TimeUnit)  // 7
        case timestamp(isAdjustedToUTC: Bool, unit: TimeUnit)  // 8
        case integer(bitWidth: Int8, isSigned: Bool)  // 10
        case unknown  // 11 (always null)
        case json  // 12
        case bson  // 13
        case uuid  // 14
        case float16  // 15
    }

    /// `Statistics`: min/max as PLAIN-encoded bytes of the column's physical type.
    public struct Statistics: Sendable, Hashable {
        public var max: [UInt8]?  // 1 (deprecated: signed order)
        public var min: [UInt8]?  // 2 (deprecated)
        public var nullCount: Int64?  // 3
        public var distinctCount: Int64?  // 4
        public var maxValue: [UInt8]?  // 5
        public var minValue: [UInt8]?  // 6

        public init(max: [UInt8]? = nil, min: [UInt8]? = nil, nullCount: Int64? = nil, distinctCount: Int64? = nil,
                    maxValue: [UInt8]? = nil, minValue: [UInt8]? = nil) {
            self.max = max
            self.min = min
            self.nullCount = nullCount
            self.distinctCount = distinctCount
            self.maxValue = maxValue
            self.minValue = minValue
        }
    }

    /// `SchemaElement`: one node of the flattened schema tree (depth-first, root first).
    public struct SchemaElement: Sendable, Hashable {
        public var type: PhysicalType?  // 1 (nil for groups)
        public var typeLength: Int32?  // 2
        public var repetition: Repetition?  // 3 (nil for the root)
        public var name: String  // 4
        public var numChildren: Int32?  // 5 (groups only)
        public var convertedType: ConvertedType?  // 6
        public var scale: Int32?  // 7
        public var precision: Int32?  // 8
        public var fieldId: Int32?  // 9
        public var logicalType: LogicalType?  // 10

        public init(type: PhysicalType? = nil, typeLength: Int32? = nil, repetition: Repetition? = nil, name: String,
                    numChildren: Int32? = nil, convertedType: ConvertedType? = nil, scale: Int32? = nil,
                    precision: Int32? = nil, fieldId: Int32? = nil, logicalType: LogicalType? = nil) {
            self.type = type
            self.typeLength = typeLength
            self.repetition = repetition
            self.name = name
            self.numChildren = numChildren
            self.convertedType = convertedType
            self.scale = scale
            self.precision = precision
            self.fieldId = fieldId
            self.logicalType = logicalType
        }
    }

    /// `KeyValue`.
    public struct KeyValue: Sendable, Hashable {
        public var key: String  // 1
        public var value: String?  // 2

        public init(key: String, value: String?) {
            self.key = key
            self.value = value
        }
    }

    /// `ColumnMetaData`.
    public struct ColumnMetaData: Sendable, Hashable {
        public var type: PhysicalType  // 1
        public var encodings: [Encoding]  // 2
        public var pathInSchema: [String]  // 3
        public var codec: CompressionCodec  // 4
        public var numValues: Int64  // 5 (values including nulls, i.e. level count)
        public var totalUncompressedSize: Int64  // 6 (page headers included)
        public var totalCompressedSize: Int64  // 7 (page headers included)
        public var keyValueMetadata: [KeyValue]?  // 8
        public var dataPageOffset: Int64  // 9
        public var indexPageOffset: Int64?  // 10
        public var dictionaryPageOffset: Int64?  // 11
        public var statistics: Statistics?  // 12

        public init(type: PhysicalType, encodings: [Encoding], pathInSchema: [String], codec: CompressionCodec,
                    numValues: Int64, totalUncompressedSize: Int64, totalCompressedSize: Int64,
                    keyValueMetadata: [KeyValue]? = nil, dataPageOffset: Int64, indexPageOffset: Int64? = nil,
                    dictionaryPageOffset: Int64? = nil, statistics: Statistics? = nil) {
            self.type = type
            self.encodings = encodings
            self.pathInSchema = pathInSchema
            self.codec = codec
            self.numValues = numValues
            self.totalUncompressedSize = totalUncompressedSize
            self.totalCompressedSize = totalCompressedSize
            self.keyValueMetadata = keyValueMetadata
            self.dataPageOffset = dataPageOffset
            self.indexPageOffset = indexPageOffset
            self.dictionaryPageOffset = dictionaryPageOffset
            self.statistics = statistics
        }
    }

    /// `ColumnChunk`.
    public struct ColumnChunk: Sendable, Hashable {
        public var filePath: String?  // 1
        public var fileOffset: Int64  // 2
        public var metaData: ColumnMetaData?  // 3

        public init(filePath: String? = nil, fileOffset: Int64, metaData: ColumnMetaData?) {
            self.filePath = filePath
            self.fileOffset = fileOffset
            self.metaData = metaData
        }
    }

    /// `RowGroup`.
    public struct RowGroup: Sendable, Hashable {
        public var columns: [ColumnChunk]  // 1
        public var totalByteSize: Int64  // 2 (uncompressed)
        public var numRows: Int64  // 3
        public var fileOffset: Int64?  // 5
        public var totalCompressedSize: Int64?  // 6
        public var ordinal: Int16?  // 7

        public init(columns: [ColumnChunk], totalByteSize: Int64, numRows: Int64, fileOffset: Int64? = nil,
                    totalCompressedSize: Int64? = nil, ordinal: Int16? = nil) {
            self.columns = columns
            self.totalByteSize = totalByteSize
            self.numRows = numRows
            self.fileOffset = fileOffset
            self.totalCompressedSize = totalCompressedSize
            self.ordinal = ordinal
        }
    }

    /// `FileMetaData`: the footer.
    public struct FileMetaData: Sendable, Hashable {
        public var version: Int32  // 1
        public var schema: [SchemaElement]  // 2
        public var numRows: Int64  // 3
        public var rowGroups: [RowGroup]  // 4
        public var keyValueMetadata: [KeyValue]?  // 5
        public var createdBy: String?  // 6
        /// 7: `column_orders`; gluelab writes TYPE_DEFINED_ORDER for every leaf column.
        public var typeDefinedColumnOrders: Int?

        public init(version: Int32, schema: [SchemaElement], numRows: Int64, rowGroups: [RowGroup],
                    keyValueMetadata: [KeyValue]? = nil, createdBy: String? = nil, typeDefinedColumnOrders: Int? = nil) {
            self.version = version
            self.schema = schema
            self.numRows = numRows
            self.rowGroups = rowGroups
            self.keyValueMetadata = keyValueMetadata
            self.createdBy = createdBy
            self.typeDefinedColumnOrders = typeDefinedColumnOrders
        }
    }

    /// `DataPageHeader` (v1).
    public struct DataPageHeader: Sendable, Hashable {
        public var numValues: Int32  // 1
        public var encoding: Encoding  // 2
        public var definitionLevelEncoding: Encoding  // 3
        public var repetitionLevelEncoding: Encoding  // 4
        public var statistics: Statistics?  // 5

        public init(numValues: Int32, encoding: Encoding, definitionLevelEncoding: Encoding = .rle,
                    repetitionLevelEncoding: Encoding = .rle, statistics: Statistics? = nil) {
            self.numValues = numValues
            self.encoding = encoding
            self.definitionLevelEncoding = definitionLevelEncoding
            self.repetitionLevelEncoding = repetitionLevelEncoding
            self.statistics = statistics
        }
    }

    /// `DictionaryPageHeader`.
    public struct DictionaryPageHeader: Sendable, Hashable {
        public var numValues: Int32  // 1
        public var encoding: Encoding  // 2
        public var isSorted: Bool?  // 3

        public init(numValues: Int32, encoding: Encoding = .plain, isSorted: Bool? = nil) {
            self.numValues = numValues
            self.encoding = encoding
            self.isSorted = isSorted
        }
    }

    /// `DataPageHeaderV2`: levels are stored uncompressed before the (maybe compressed) values.
    public struct DataPageHeaderV2: Sendable, Hashable {
        public var numValues: Int32  // 1
        public var numNulls: Int32  // 2
        public var numRows: Int32  // 3
        public var encoding: Encoding  // 4
        public var definitionLevelsByteLength: Int32  // 5
        public var repetitionLevelsByteLength: Int32  // 6
        public var isCompressed: Bool  // 7 (default true)
        public var statistics: Statistics?  // 8

        public init(numValues: Int32, numNulls: Int32, numRows: Int32, encoding: Encoding, definitionLevelsByteLength: Int32,
                    repetitionLevelsByteLength: Int32, isCompressed: Bool = true, statistics: Statistics? = nil) {
            self.numValues = numValues
            self.numNulls = numNulls
            self.numRows = numRows
            self.encoding = encoding
            self.definitionLevelsByteLength = definitionLevelsByteLength
            self.repetitionLevelsByteLength = repetitionLevelsByteLength
            self.isCompressed = isCompressed
            self.statistics = statistics
        }
    }

    /// `PageHeader`.
    public struct PageHeader: Sendable, Hashable {
        public var type: PageType  // 1
        public var uncompressedPageSize: Int32  // 2
        public var compressedPageSize: Int32  // 3
        public var crc: Int32?  // 4
        public var dataPageHeader: DataPageHeader?  // 5
        public var dictionaryPageHeader: DictionaryPageHeader?  // 7
        public var dataPageHeaderV2: DataPageHeaderV2?  // 8

        public init(type: PageType, uncompressedPageSize: Int32, compressedPageSize: Int32, crc: Int32? = nil,
                    dataPageHeader: DataPageHeader? = nil, dictionaryPageHeader: DictionaryPageHeader? = nil,
                    dataPageHeaderV2: DataPageHeaderV2? = nil) {
            self.type = type
            self.uncompressedPageSize = uncompressedPageSize
            self.compressedPageSize = compressedPageSize
            self.crc = crc
            self.dataPageHeader = dataPageHeader
            self.dictionaryPageHeader = dictionaryPageHeader
            self.dataPageHeaderV2 = dataPageHeaderV2
        }
    }

    /// The 4 bytes at the start and at the end of every Parquet file.
    public static let magic: [UInt8] = Array("PAR1".utf8)
}
