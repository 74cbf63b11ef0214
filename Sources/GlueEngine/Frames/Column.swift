/// One column of a `RecordBatch`: a typed buffer, or — for a field whose values have more than
/// one type — a choice column (a type tag per row and one full-length child column per member
/// type, each valid only on its own rows).
public struct Column: Sendable {
    /// The number of rows.
    public let count: Int
    /// The values.
    public let storage: ColumnStorage
    /// `validity[i] == false` marks row `i` null; nil means no row is null. Choice columns keep
    /// their nulls in their tags instead.
    public let validity: [Bool]?

    public init(count: Int, storage: ColumnStorage, validity: [Bool]? = nil) {
        self.count = count
        self.storage = storage
        self.validity = validity.flatMap { $0.contains(false) ? $0 : nil }
    }

    /// A column of `count` nulls.
    public static func nulls(_ count: Int) -> Column {
        Column(count: count, storage: .null)
    }

    /// The type of the column's values (null when every value is null).
    public var type: DataType {
        switch storage {
        case .null: .null
        case .boolean: .boolean
        case .int32(_, let t), .int64(_, let t), .bytes(_, let t): t
        case .float32: .float
        case .float64: .double
        case .structure(let names, let fields):
            .structure(StructType(zip(names, fields).map { Field($0.0, $0.1.type) }))
        case .array(_, let element): .array(element.type)
        case .map(_, _, let values): .map(values.type)
        case .choice(_, let members): .choice(ChoiceType(members.map(\.type)))
        }
    }

    /// True when row `i` holds null.
    public func isNull(_ i: Int) -> Bool {
        switch storage {
        case .null: return true
        case .choice(let tags, _): return tags[i] == ColumnStorage.nullTag
        default: return validity.map { !$0[i] } ?? false
        }
    }

    /// The value in row `i`.
    public func value(at i: Int) -> Value {
        if let validity, !validity[i] { return .null }
        switch storage {
        case .null:
            return .null
        case .boolean(let v):
            return .boolean(v[i])
        case .int32(let v, let t):
            switch t {
            case .byte: return .byte(Int8(truncatingIfNeeded: v[i]))
            case .short: return .short(Int16(truncatingIfNeeded: v[i]))
            case .date: return .date(v[i])
            default: return .int(v[i])
            }
        case .int64(let v, let t):
            switch t {
            case .timestamp: return .timestamp(v[i])
            case .decimal(let p, let s): return .decimal(DecimalValue(unscaled: v[i], precision: p, scale: s))
            default: return .long(v[i])
            }
        case .float32(let v):
            return .float(v[i])
        case .float64(let v):
            return .double(v[i])
        case .bytes(let b, let t):
            return t == .binary ? .binary(Array(b[i])) : .string(b.string(at: i))
        case .structure(let names, let fields):
            return .structure(ColumnStorage.record(names: names, fields: fields, row: i))
        case .array(let offsets, let element):
            return .array((Int(offsets[i])..<Int(offsets[i + 1])).map { element.value(at: $0) })
        case .map(let offsets, let keys, let values):
            let range = Int(offsets[i])..<Int(offsets[i + 1])
            return .map(DynamicRecord(range.map { (keys[$0], values.value(at: $0)) }))
        case .choice(let tags, let members):
            let t = tags[i]
            return t == ColumnStorage.nullTag ? .null : members[Int(t)].value(at: i)
        }
    }

    /// All values, in row order.
    public var values: [Value] { (0..<count).map(value(at:)) }
}

/// The physical layout of a column. Offsets arrays have `count + 1` entries.
public indirect enum ColumnStorage: Sendable {
    /// Every row is null.
    case null
    case boolean([Bool])
    /// `byte`, `short`, `int` and `date` (days since the epoch).
    case int32([Int32], DataType)
    /// `long`, `timestamp` (microseconds) and `decimal` (unscaled).
    case int64([Int64], DataType)
    case float32([Float])
    case float64([Double])
    /// `string` (UTF-8) and `binary`.
    case bytes(ByteColumn, DataType)
    /// A struct: one column per field, each `count` rows long.
    case structure(names: [String], fields: [Column])
    /// An array: row `i` holds `element[offsets[i] ..< offsets[i+1]]`.
    case array(offsets: [Int32], element: Column)
    /// A map: row `i` holds the pairs `offsets[i] ..< offsets[i+1]` of `keys` and `values`.
    case map(offsets: [Int32], keys: [String], values: Column)
    /// A choice: `tags[i]` is the index of row `i`'s member type (members sorted by type name),
    /// or `nullTag`; every member column has `count` rows.
    case choice(tags: [UInt8], members: [Column])

    /// The tag of a null row in a choice column.
    public static let nullTag: UInt8 = 255

    /// The record in row `row` of struct columns, leaving out null fields.
    static func record(names: [String], fields: [Column], row: Int) -> DynamicRecord {
        // A row without nulls (the common case) shares the batch's names array.
        var all: [Value] = []
        all.reserveCapacity(names.count)
        for column in fields.prefix(names.count) {
            let value = column.value(at: row)
            if case .null = value { break }
            all.append(value)
        }
        if all.count == names.count { return DynamicRecord(uniqueNames: names, values: all) }
        // The fields before the first null are read already; go on after it.
        var n = Array(names[..<all.count])
        n.reserveCapacity(names.count)
        var i = all.count + 1
        while i < min(names.count, fields.count) {
            let value = fields[i].value(at: row)
            if case .null = value {} else {
                n.append(names[i])
                all.append(value)
            }
            i += 1
        }
        return DynamicRecord(uniqueNames: n, values: all)
    }
}

/// Variable-length byte values (strings, binaries) stored back to back.
public struct ByteColumn: Sendable {
    /// `offsets[i] ..< offsets[i+1]` is value `i` in `data`.
    public var offsets: [Int32]
    public var data: [UInt8]

    public init(offsets: [Int32] = [0], data: [UInt8] = []) {
        self.offsets = offsets
        self.data = data
    }

    public var count: Int { offsets.count - 1 }

    /// The bytes of value `i`.
    public subscript(i: Int) -> ArraySlice<UInt8> {
        data[Int(offsets[i])..<Int(offsets[i + 1])]
    }

    /// Value `i` decoded as UTF-8 (invalid sequences become U+FFFD).
    public func string(at i: Int) -> String {
        let start = Int(offsets[i])
        let end = Int(offsets[i + 1])
        return data.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        data.append(contentsOf: bytes)
        offsets.append(Int32(data.count))
    }

    public mutating func append(_ string: String) {
        var s = string
        s.withUTF8 { data.append(contentsOf: $0) }
        offsets.append(Int32(data.count))
    }

    /// Appends an empty value (the placeholder for a null row).
    public mutating func appendEmpty() {
        offsets.append(offsets[offsets.count - 1])
    }
}
