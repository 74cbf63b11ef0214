/// How one leaf column's physical values become Glue values, decided from its physical type
/// and its annotation (`LogicalType` first, then the legacy `ConvertedType`):
///
/// | Parquet | Glue |
/// |---|---|
/// | BOOLEAN | boolean |
/// | INT32 (plain, INT(32,true)) | int |
/// | INT32 INT(8,true) / INT(16,true) | byte / short |
/// | INT32 INT(8,false) / INT(16,false) / INT(32,false) | short / int / long (widened so every value fits) |
/// | INT32 DATE | date |
/// | INT32 TIME(MILLIS) | int (milliseconds of the day: Glue has no time type) |
/// | INT64 (plain, INT(64,true)) | long |
/// | INT64 INT(64,false) | long; a value of 2^63 or more is an error naming the column |
/// | INT64 TIMESTAMP(MILLIS/MICROS/NANOS) | timestamp (microseconds; nanoseconds are floored) |
/// | INT64 TIME(MICROS/NANOS) | long (in the file's unit) |
/// | INT96 | timestamp (Spark/Impala legacy: Julian day and nanoseconds of the day) |
/// | FLOAT / DOUBLE | float / double |
/// | BYTE_ARRAY STRING / ENUM / JSON | string |
/// | BYTE_ARRAY BSON, or no annotation | binary |
/// | FIXED_LEN_BYTE_ARRAY UUID | string (`8-4-4-4-12` lowercase hex) |
/// | FIXED_LEN_BYTE_ARRAY FLOAT16 | float |
/// | FIXED_LEN_BYTE_ARRAY other (INTERVAL included) | binary |
/// | DECIMAL(p ≤ 18, s) on INT32 / INT64 / BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY | decimal(p,s) |
/// | DECIMAL(p > 18, s) | double — gluelab's decimals hold 18 digits, so wider decimals (DuckDB's and Spark's `DECIMAL(38,s)` sums) are read as the nearest double, losing digits past ~15–17 significant ones |
/// | UNKNOWN (always null) | null |
///
/// Timestamps with `isAdjustedToUTC = false` (local / "without time zone") are read as if
/// their wall-clock value were UTC.
enum LeafConversion: Sendable, Hashable {
    case boolean
    /// INT32 values kept as they are, as `int`, `byte`, `short` or `date`.
    case int32(DataType)
    /// INT32 unsigned 8- or 16-bit: masked to the bit width, as `short` / `int`.
    case unsignedSmall(bits: Int, DataType)
    /// INT32 unsigned 32-bit, as `long`.
    case unsigned32
    /// INT64 values kept as they are (`long`, or a time of day).
    case int64
    /// INT64 unsigned: `long`, refusing values past `Int64.max`.
    case unsigned64
    case timestamp(Parquet.TimeUnit)
    case int96Timestamp
    /// INT32 / INT64 decimal with at most 18 digits.
    case integerDecimal(precision: Int, scale: Int)
    /// BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY decimal (big-endian two's complement) with at most 18 digits.
    case bytesDecimal(precision: Int, scale: Int)
    /// A decimal wider than 18 digits, read as `double`.
    case decimalAsDouble(scale: Int)
    case float
    case double
    case float16
    /// BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY kept as bytes: `string` or `binary`.
    case bytes(DataType)
    case uuid
    case null

    /// The Glue type of the converted values.
    var glueType: DataType {
        switch self {
        case .boolean: .boolean
        case .int32(let t), .unsignedSmall(_, let t), .bytes(let t): t
        case .unsigned32, .int64, .unsigned64: .long
        case .timestamp, .int96Timestamp: .timestamp
        case .integerDecimal(let p, let s), .bytesDecimal(let p, let s): .decimal(precision: p, scale: s)
        case .decimalAsDouble, .double: .double
        case .float, .float16: .float
        case .uuid: .string
        case .null: .null
        }
    }

    /// Decides the conversion of a leaf element; `path` names it in errors.
    static func of(_ e: Parquet.SchemaElement, path: String) throws(EngineError) -> LeafConversion {
        guard let physical = e.type else { throw parquetCorrupt("leaf column \(path) has no physical type") }
        if physical == .fixedLenByteArray, (e.typeLength ?? 0) <= 0 {
            throw parquetCorrupt("FIXED_LEN_BYTE_ARRAY column \(path) without a positive type_length")
        }
        if e.logicalType == .unknown { return .null }
        if let decimal = try decimalParameters(e, path: path) {
            guard physical != .boolean, physical != .float, physical != .double, physical != .int96 else {
                throw parquetCorrupt("DECIMAL on \(physical.thriftName) in column \(path)")
            }
            if decimal.precision > 18 { return .decimalAsDouble(scale: decimal.scale) }
            return physical == .int32 || physical == .int64
                ? .integerDecimal(precision: decimal.precision, scale: decimal.scale)
                : .bytesDecimal(precision: decimal.precision, scale: decimal.scale)
        }
        switch physical {
        case .boolean: return .boolean
        case .int32: return int32Conversion(e)
        case .int64: return int64Conversion(e)
        case .int96: return .int96Timestamp
        case .float: return .float
        case .double: return .double
        case .byteArray:
            switch (e.logicalType, e.convertedType) {
            case (.string?, _), (.enumeration?, _), (.json?, _), (nil, .utf8?), (nil, .enumeration?), (nil, .json?): return .bytes(.string)
            default: return .bytes(.binary)
            }
        case .fixedLenByteArray:
            let length = e.typeLength ?? 0
            if e.logicalType == .uuid, length == 16 { return .uuid }
            if e.logicalType == .float16, length == 2 { return .float16 }
            return .bytes(.binary)
        }
    }

    private static func int32Conversion(_ e: Parquet.SchemaElement) -> LeafConversion {
        switch (e.logicalType, e.convertedType) {
        case (.integer(8, true)?, _), (nil, .int8?): .int32(.byte)
        case (.integer(16, true)?, _), (nil, .int16?): .int32(.short)
        case (.integer(8, false)?, _), (nil, .uint8?): .unsignedSmall(bits: 8, .short)
        case (.integer(16, false)?, _), (nil, .uint16?): .unsignedSmall(bits: 16, .int)
        case (.integer(32, false)?, _), (nil, .uint32?): .unsigned32
        case (.date?, _), (nil, .date?): .int32(.date)
        default: .int32(.int)
        }
    }

    private static func int64Conversion(_ e: Parquet.SchemaElement) -> LeafConversion {
        switch (e.logicalType, e.convertedType) {
        case (.integer(64, false)?, _), (nil, .uint64?): .unsigned64
        case (.timestamp(_, let unit)?, _): .timestamp(unit)
        case (nil, .timestampMillis?): .timestamp(.millis)
        case (nil, .timestampMicros?): .timestamp(.micros)
        default: .int64
        }
    }

    private static func decimalParameters(_ e: Parquet.SchemaElement, path: String) throws(EngineError) -> (precision: Int, scale: Int)? {
        let precision: Int32, scale: Int32
        if case .decimal(let s, let p)? = e.logicalType {
            (precision, scale) = (p, s)
        } else if e.logicalType == nil, e.convertedType == .decimal {
            (precision, scale) = (e.precision ?? 0, e.scale ?? 0)
        } else {
            return nil
        }
        guard precision > 0, scale >= 0, scale <= precision else {
            throw parquetCorrupt("column \(path) has a bad DECIMAL(\(precision),\(scale))")
        }
        return (Int(precision), Int(scale))
    }
}
