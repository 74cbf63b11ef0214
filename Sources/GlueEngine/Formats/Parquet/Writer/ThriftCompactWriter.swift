/// An encoder for the Thrift compact protocol, the encoding of Parquet's footer and page headers.
///
/// Structs are written field by field in increasing field-id order: `field(_:_:)` writes a field
/// header (the id as a delta from the previous field's id when it fits in 4 bits, else the type
/// byte and the id as a zigzag varint), then the caller writes the value. Booleans live in the
/// field header itself (`bool(_:_:)`). `beginStruct` / `endStruct` bracket a nested struct (its
/// field ids start again from 0; the end writes the stop byte).
///
/// ```swift
/// var w = ThriftCompactWriter()
/// w.i32(field: 1, 7)               // 0x15 0x0E
/// w.stop()                          // 0x00
/// ```
struct ThriftCompactWriter {
    /// Compact-protocol type ids, as they appear in field and list headers.
    enum TypeID: UInt8 {
        case boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
        case binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []
    /// The id of the last field written in the current struct.
    private var lastField: Int16 = 0
    /// The enclosing structs' last field ids.
    private var stack: [Int16] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: - Field headers

    /// Writes the header of field `id` of type `type`.
    mutating func fieldHeader(_ id: Int16, _ type: TypeID) {
        let delta = Int(id) - Int(lastField)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            varint(zigzag(Int64(id)))
        }
        lastField = id
    }

    /// Ends the current struct with the stop byte.
    mutating func stop() {
        bytes.append(0)
    }

    /// Starts a struct value (after its field header, or as a list element).
    mutating func beginStruct() {
        stack.append(lastField)
        lastField = 0
    }

    /// Ends a struct value: the stop byte, and back to the enclosing struct's field ids.
    mutating func endStruct() {
        stop()
        lastField = stack.popLast() ?? 0
    }

    // MARK: - Typed fields

    mutating func bool(field id: Int16, _ value: Bool) {
        fieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    mutating func i8(field id: Int16, _ value: Int8) {
        fieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func i16(field id: Int16, _ value: Int16) {
        fieldHeader(id, .i16)
        varint(zigzag(Int64(value)))
    }

    mutating func i32(field id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        varint(zigzag(Int64(value)))
    }

    mutating func i64(field id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        varint(zigzag(value))
    }

    mutating func binary(field id: Int16, _ value: [UInt8]) {
        fieldHeader(id, .binary)
        binaryValue(value)
    }

    mutating func string(field id: Int16, _ value: String) {
        fieldHeader(id, .binary)
        stringValue(value)
    }

    /// Starts a struct field: write its fields, then `endStruct()`.
    mutating func structField(_ id: Int16) {
        fieldHeader(id, .structure)
        beginStruct()
    }

    /// An empty struct field (the marker structs of Parquet's unions, such as `StringType`).
    mutating func emptyStruct(field id: Int16) {
        structField(id)
        endStruct()
    }

    /// Starts a list field of `count` elements of type `element`; then write the elements.
    mutating func listField(_ id: Int16, of element: TypeID, count: Int) {
        fieldHeader(id, .list)
        listHeader(element, count: count)
    }

    // MARK: - Values (list elements)

    mutating func listHeader(_ element: TypeID, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | element.rawValue)
        } else {
            bytes.append(0xF0 | element.rawValue)
            varint(UInt64(count))
        }
    }

    mutating func i32Value(_ value: Int32) {
        varint(zigzag(Int64(value)))
    }

    mutating func binaryValue(_ value: [UInt8]) {
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func stringValue(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    // MARK: - Integers

    /// ULEB128.
    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zigzag: 0, -1, 1, -2, ... map to 0, 1, 2, 3, ...
    func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }
}
