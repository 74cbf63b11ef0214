/// A typed buffer inside a `ColumnBuilder`: one per type seen in the column.
protocol Appender: AnyObject {
    /// The slot index inside the owning builder.
    var tag: UInt8 { get set }
    /// The type name (the choice member key).
    var typeName: String { get }
    /// Appends a dummy value for a row that is null or of another type.
    func appendPlaceholder()
    func finish(validity: [Bool]?) -> Column
}

final class Int64Appender: Appender {
    var tag: UInt8 = 0
    let type: DataType
    var values: [Int64] = []
    init(_ type: DataType) { self.type = type }
    var typeName: String { type.name }
    func appendPlaceholder() { values.append(0) }
    func finish(validity: [Bool]?) -> Column {
        Column(count: values.count, storage: .int64(values, type), validity: validity)
    }

    /// The unscaled value of `d` at the scale of `type` (a decimal).
    static func rescale(_ d: DecimalValue, to type: DataType) -> Int64 {
        guard case .decimal(_, let scale) = type, scale != d.scale else { return d.unscaled }
        var v = d.unscaled
        if scale > d.scale {
            for _ in d.scale..<scale { v = v.multipliedReportingOverflow(by: 10).partialValue }
        } else {
            for _ in scale..<d.scale { v /= 10 }
        }
        return v
    }
}

final class Int32Appender: Appender {
    var tag: UInt8 = 0
    let type: DataType
    var values: [Int32] = []
    init(_ type: DataType) { self.type = type }
    var typeName: String { type.name }
    func appendPlaceholder() { values.append(0) }
    func finish(validity: [Bool]?) -> Column {
        Column(count: values.count, storage: .int32(values, type), validity: validity)
    }
}

final class DoubleAppender: Appender {
    var tag: UInt8 = 0
    var values: [Double] = []
    var typeName: String { "double" }
    func appendPlaceholder() { values.append(0) }
    func finish(validity: [Bool]?) -> Column {
        Column(count: values.count, storage: .float64(values), validity: validity)
    }
}

final class FloatAppender: Appender {
    var tag: UInt8 = 0
    var values: [Float] = []
    var typeName: String { "float" }
    func appendPlaceholder() { values.append(0) }
    func finish(validity: [Bool]?) -> Column {
        Column(count: values.count, storage: .float32(values), validity: validity)
    }
}

final class BoolAppender: Appender {
    var tag: UInt8 = 0
    var values: [Bool] = []
    var typeName: String { "boolean" }
    func appendPlaceholder() { values.append(false) }
    func finish(validity: [Bool]?) -> Column {
        Column(count: values.count, storage: .boolean(values), validity: validity)
    }
}

final class BytesAppender: Appender {
    var tag: UInt8 = 0
    let type: DataType
    var values = ByteColumn()
    init(_ type: DataType) { self.type = type }
    var typeName: String { type.name }
    func appendPlaceholder() { values.appendEmpty() }
    func finish(validity: [Bool]?) -> Column {
        Column(count: values.count, storage: .bytes(values, type), validity: validity)
    }
}

/// The struct member of a column: one builder per field, in order of first appearance.
public final class StructAppender: Appender {
    var tag: UInt8 = 0
    private var names: [String] = []
    private var fields: [ColumnBuilder] = []
    private var index: [String: Int] = [:]
    /// The rows completed so far.
    public private(set) var count = 0
    var typeName: String { "struct" }

    init() {}

    /// The builder of field `name`, created (with nulls for the earlier rows) on first use.
    /// Append at most one value to it per row.
    public func field(_ name: String) -> ColumnBuilder {
        if let i = index[name] { return fields[i] }
        let b = ColumnBuilder(nulls: count)
        index[name] = fields.count
        names.append(name)
        fields.append(b)
        return b
    }

    /// Completes the current row: fields not set in it become null.
    public func endRow() {
        count += 1
        for f in fields where f.count < count { f.appendNull() }
    }

    /// Appends a whole record as one row.
    public func appendRecord(_ r: DynamicRecord) {
        // Records of one batch usually list their fields in the same order: try the field at
        // the same position before the lookup by name.
        for (i, (name, value)) in zip(r.names, r.values).enumerated() {
            if i < names.count, names[i] == name {
                fields[i].append(value)
            } else {
                field(name).append(value)
            }
        }
        endRow()
    }

    func appendPlaceholder() { endRow() }

    func finish(validity: [Bool]?) -> Column {
        Column(count: count, storage: .structure(names: names, fields: fields.map { $0.finish() }), validity: validity)
    }

    /// The finished fields, for a builder used as a top-level record batch.
    func finishFields() -> (names: [String], columns: [Column]) {
        (names, fields.map { $0.finish() })
    }
}

/// The array member of a column: offsets into one element builder.
public final class ArrayAppender: Appender {
    var tag: UInt8 = 0
    private var offsets: [Int32] = [0]
    /// Append the elements of the current row here, then call `endRow()`.
    public let element = ColumnBuilder()
    var typeName: String { "array" }

    init() {}

    /// Completes the current row with the elements appended since the last row.
    public func endRow() { offsets.append(Int32(element.count)) }

    func appendPlaceholder() { offsets.append(offsets[offsets.count - 1]) }

    func finish(validity: [Bool]?) -> Column {
        Column(count: offsets.count - 1, storage: .array(offsets: offsets, element: element.finish()), validity: validity)
    }
}

/// The map member of a column: offsets into keys and a value builder.
final class MapAppender: Appender {
    var tag: UInt8 = 0
    private var offsets: [Int32] = [0]
    private var keys: [String] = []
    private let values = ColumnBuilder()
    var typeName: String { "map" }

    func appendEntries(_ r: DynamicRecord) {
        for (k, v) in zip(r.names, r.values) {
            keys.append(k)
            values.append(v)
        }
        offsets.append(Int32(keys.count))
    }

    func appendPlaceholder() { offsets.append(offsets[offsets.count - 1]) }

    func finish(validity: [Bool]?) -> Column {
        Column(count: offsets.count - 1, storage: .map(offsets: offsets, keys: keys, values: values.finish()), validity: validity)
    }
}
