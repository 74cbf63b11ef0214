/// The wire types of the Thrift compact protocol (the low nibble of a field header).
enum ThriftType: UInt8, Sendable {
    case stop = 0, boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
    case binary = 8, list = 9, set = 10, map = 11, structure = 12
}

/// Reads Thrift compact-protocol bytes (the encoding of Parquet footers and page headers).
///
/// A struct is read as `beginStruct()` then `nextField()` until it returns nil; fields the
/// caller does not know are passed to `skip(_:)`, which walks values of every wire type
/// (nested structs, lists, sets and maps included) without interpreting them. Every length and
/// count is checked against the bytes left, so corrupt input throws instead of trapping.
struct ThriftCompactReader {
    /// The deepest nesting of structs and containers accepted (corrupt input could recurse).
    static let maxDepth = 64

    let bytes: [UInt8]
    /// The next byte to read.
    private(set) var position: Int
    /// One past the last byte that may be read.
    let end: Int
    private var lastFieldIDs: [Int16] = []
    private var lastFieldID: Int16 = 0

    /// Reads `bytes[start ..< end]` (the whole array when `end` is nil).
    init(_ bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = max(0, min(start, bytes.count))
        self.end = max(self.position, min(end ?? bytes.count, bytes.count))
    }

    /// The bytes not read yet.
    var remaining: Int { end - position }

    // MARK: Structs

    /// Enters a struct: field ids inside are deltas from 0 again.
    mutating func beginStruct() throws(EngineError) {
        guard lastFieldIDs.count < Self.maxDepth else { throw parquetCorrupt("Thrift structures nested too deeply") }
        lastFieldIDs.append(lastFieldID)
        lastFieldID = 0
    }

    /// The next field's id and wire type, or nil at the struct's end (STOP), which also leaves the struct.
    mutating func nextField() throws(EngineError) -> (id: Int16, type: ThriftType)? {
        let header = try readByte()
        if header == 0 {
            lastFieldID = lastFieldIDs.popLast() ?? 0
            return nil
        }
        let type = try wireType(header & 0x0F)
        let delta = header >> 4
        let id: Int16
        if delta == 0 {
            let raw = try readZigZag()
            guard let narrow = Int16(exactly: raw) else { throw parquetCorrupt("Thrift field id out of range", String(raw)) }
            id = narrow
        } else {
            id = lastFieldID &+ Int16(delta)
        }
        lastFieldID = id
        return (id, type)
    }

    // MARK: Scalars

    /// The value of a boolean field (compact protocol stores it in the field header).
    func bool(_ type: ThriftType) -> Bool { type == .boolTrue }

    mutating func readByte() throws(EngineError) -> UInt8 {
        guard position < end else { throw parquetCorrupt("Thrift data ends early", "offset \(position)") }
        defer { position += 1 }
        return bytes[position]
    }

    /// An unsigned LEB128 varint of at most 10 bytes.
    mutating func readVarint() throws(EngineError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            result |= UInt64(b & 0x7F) &<< shift
            if b & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { throw parquetCorrupt("Thrift varint longer than 10 bytes", "offset \(position)") }
        }
    }

    /// A zigzag varint (i16, i32 and i64 all use it).
    mutating func readZigZag() throws(EngineError) -> Int64 {
        let v = try readVarint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    mutating func readI8() throws(EngineError) -> Int8 { Int8(bitPattern: try readByte()) }

    mutating func readI16() throws(EngineError) -> Int16 {
        let v = try readZigZag()
        guard let n = Int16(exactly: v) else { throw parquetCorrupt("Thrift i16 out of range", String(v)) }
        return n
    }

    mutating func readI32() throws(EngineError) -> Int32 {
        let v = try readZigZag()
        guard let n = Int32(exactly: v) else { throw parquetCorrupt("Thrift i32 out of range", String(v)) }
        return n
    }

    mutating func readI64() throws(EngineError) -> Int64 { try readZigZag() }

    /// A length-prefixed byte string.
    mutating func readBinary() throws(EngineError) -> [UInt8] {
        let range = try binaryRange()
        return Array(bytes[range])
    }

    /// A length-prefixed UTF-8 string (invalid sequences become U+FFFD).
    mutating func readString() throws(EngineError) -> String {
        let range = try binaryRange()
        return String(decoding: bytes[range], as: UTF8.self)
    }

    private mutating func binaryRange() throws(EngineError) -> Range<Int> {
        let n = try readVarint()
        guard n <= UInt64(remaining) else {
            throw parquetCorrupt("Thrift binary length \(n) exceeds the \(remaining) bytes left", "offset \(position)")
        }
        let start = position
        position += Int(n)
        return start..<position
    }

    // MARK: Containers

    /// A list or set header: the element count (checked against the bytes left) and wire type.
    mutating func readListHeader() throws(EngineError) -> (count: Int, type: ThriftType) {
        let header = try readByte()
        var count = UInt64(header >> 4)
        if count == 15 { count = try readVarint() }
        let type = try wireType(header & 0x0F)
        // Every element takes at least one byte, so a larger count is a lie.
        guard count <= UInt64(remaining) else {
            throw parquetCorrupt("Thrift list of \(count) elements exceeds the \(remaining) bytes left", "offset \(position)")
        }
        return (Int(count), type)
    }

    /// A map header: the entry count and the key and value wire types.
    mutating func readMapHeader() throws(EngineError) -> (count: Int, key: ThriftType, value: ThriftType) {
        let count = try readVarint()
        guard count > 0 else { return (0, .stop, .stop) }
        let types = try readByte()
        let key = try wireType(types >> 4)
        let value = try wireType(types & 0x0F)
        guard count <= UInt64(remaining) else {
            throw parquetCorrupt("Thrift map of \(count) entries exceeds the \(remaining) bytes left", "offset \(position)")
        }
        return (Int(count), key, value)
    }

    /// Reads a list of elements with `element`, which is given the element wire type.
    mutating func readList<T>(_ element: (inout ThriftCompactReader, ThriftType) throws(EngineError) -> T) throws(EngineError) -> [T] {
        let (count, type) = try readListHeader()
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try element(&self, type)) }
        return out
    }

    // MARK: Skipping

    /// Skips one value of wire type `type` (a field's value, a container element, ...).
    mutating func skip(_ type: ThriftType) throws(EngineError) {
        try skip(type, depth: 0)
    }

    private mutating func skip(_ type: ThriftType, depth: Int) throws(EngineError) {
        guard depth < Self.maxDepth else { throw parquetCorrupt("Thrift values nested too deeply") }
        switch type {
        case .stop:
            throw parquetCorrupt("Thrift STOP where a value was expected", "offset \(position)")
        case .boolTrue, .boolFalse:
            break  // a boolean field's value is in its header
        case .byte:
            _ = try readByte()
        case .i16, .i32, .i64:
            _ = try readVarint()
        case .double:
            guard remaining >= 8 else { throw parquetCorrupt("Thrift data ends early", "offset \(position)") }
            position += 8
        case .binary:
            _ = try binaryRange()
        case .list, .set:
            let (count, element) = try readListHeader()
            for _ in 0..<count { try skipElement(element, depth: depth + 1) }
        case .map:
            let (count, key, value) = try readMapHeader()
            for _ in 0..<count {
                try skipElement(key, depth: depth + 1)
                try skipElement(value, depth: depth + 1)
            }
        case .structure:
            try beginStruct()
            while let field = try nextField() { try skip(field.type, depth: depth + 1) }
        }
    }

    /// Skips a container element: booleans inside containers take one byte each.
    private mutating func skipElement(_ type: ThriftType, depth: Int) throws(EngineError) {
        if type == .boolTrue || type == .boolFalse {
            _ = try readByte()
        } else {
            try skip(type, depth: depth)
        }
    }

    private func wireType(_ nibble: UInt8) throws(EngineError) -> ThriftType {
        guard let t = ThriftType(rawValue: nibble) else {
            throw parquetCorrupt("unknown Thrift wire type \(nibble)", "offset \(position)")
        }
        return t
    }
}
