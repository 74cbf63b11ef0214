/// The PLAIN encoding (`Encodings.md`): booleans bit-packed LSB first, fixed-width numbers
/// little-endian, BYTE_ARRAY as a 4-byte little-endian length then the bytes,
/// FIXED_LEN_BYTE_ARRAY as the bytes; INT96 as 8 bytes of nanoseconds of the day then a
/// 4-byte Julian day. Also BYTE_STREAM_SPLIT, which scatters the bytes of fixed-width values
/// into one stream per byte position.
enum PlainDecoder {
    /// The Julian day of 1970-01-01.
    static let julianDayOfEpoch: Int64 = 2_440_588

    /// Appends `count` PLAIN values from `buffer` to `values`; returns the bytes used.
    @discardableResult
    static func decode(_ buffer: UnsafeRawBufferPointer, count: Int, into values: inout PhysicalValues) throws(EngineError) -> Int {
        func need(_ bytes: Int) throws(EngineError) {
            guard bytes <= buffer.count else {
                throw parquetCorrupt("PLAIN \(values.type.thriftName) values need \(bytes) bytes, the page has \(buffer.count)")
            }
        }
        switch values.type {
        case .boolean:
            try need((count + 7) / 8)
            values.bools.reserveCapacity(values.bools.count + count)
            for i in 0..<count { values.bools.append(buffer[i >> 3] >> UInt8(i & 7) & 1 == 1) }
            return (count + 7) / 8
        case .int32:
            try need(count * 4)
            values.int32s.appendLittleEndian(buffer, count: count)
            return count * 4
        case .int64:
            try need(count * 8)
            values.int64s.appendLittleEndian(buffer, count: count)
            return count * 8
        case .float:
            try need(count * 4)
            values.floats.appendLittleEndian(buffer, count: count)
            return count * 4
        case .double:
            try need(count * 8)
            values.doubles.appendLittleEndian(buffer, count: count)
            return count * 8
        case .int96:
            try need(count * 12)
            values.int64s.reserveCapacity(values.int64s.count + count)
            for i in 0..<count {
                let nanos = Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: 12 * i, as: Int64.self))
                let day = Int64(Int32(littleEndian: buffer.loadUnaligned(fromByteOffset: 12 * i + 8, as: Int32.self)))
                values.int64s.append(int96Micros(day: day, nanosOfDay: nanos))
            }
            return count * 12
        case .fixedLenByteArray:
            let width = values.typeLength
            try need(count * width)
            try appendFixed(UnsafeRawBufferPointer(rebasing: buffer[0..<(count * width)]), width: width, into: &values.bytes)
            return count * width
        case .byteArray:
            return try decodeByteArrays(buffer, count: count, into: &values.bytes)
        }
    }

    /// An INT96 timestamp (Julian day, nanoseconds of the day) as microseconds since the epoch
    /// (wrapping on absurd values rather than trapping).
    static func int96Micros(day: Int64, nanosOfDay: Int64) -> Int64 {
        (day &- julianDayOfEpoch) &* 86_400_000_000 &+ nanosOfDay.floorDivMod(1000).0
    }

    private static func decodeByteArrays(_ buffer: UnsafeRawBufferPointer, count: Int, into out: inout ByteColumn) throws(EngineError) -> Int {
        out.offsets.reserveCapacity(out.offsets.count + min(count, buffer.count / 4))
        out.data.reserveCapacity(out.data.count + max(0, buffer.count - 4 * count))
        var p = 0
        for _ in 0..<count {
            guard buffer.count - p >= 4 else { throw parquetCorrupt("PLAIN BYTE_ARRAY values end early") }
            let length = Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
            p += 4
            guard length <= buffer.count - p else {
                throw parquetCorrupt("BYTE_ARRAY value length \(length) exceeds the \(buffer.count - p) bytes left")
            }
            try appendValue(UnsafeRawBufferPointer(rebasing: buffer[p..<(p + length)]), to: &out)
            p += length
        }
        return p
    }

    /// Appends back-to-back values of `width` (> 0) bytes.
    static func appendFixed(_ bytes: UnsafeRawBufferPointer, width: Int, into out: inout ByteColumn) throws(EngineError) {
        let n = bytes.count / width
        let start = out.data.count
        guard start + bytes.count <= Int(Int32.max) else { throw parquetCorrupt("column chunk holds more than 2 GiB of bytes") }
        out.data.append(contentsOf: bytes)
        out.offsets.reserveCapacity(out.offsets.count + n)
        for i in 0..<n { out.offsets.append(Int32(start + (i + 1) * width)) }
    }

    /// Appends one variable-length value.
    static func appendValue(_ value: UnsafeRawBufferPointer, to out: inout ByteColumn) throws(EngineError) {
        guard out.data.count + value.count <= Int(Int32.max) else { throw parquetCorrupt("column chunk holds more than 2 GiB of bytes") }
        out.data.append(contentsOf: value)
        out.offsets.append(Int32(out.data.count))
    }

    /// Appends `count` BYTE_STREAM_SPLIT values (FLOAT, DOUBLE, INT32, INT64, FIXED_LEN_BYTE_ARRAY).
    static func decodeByteStreamSplit(_ buffer: UnsafeRawBufferPointer, count: Int, into values: inout PhysicalValues) throws(EngineError) {
        let width: Int
        switch values.type {
        case .float, .int32: width = 4
        case .double, .int64: width = 8
        case .fixedLenByteArray: width = values.typeLength
        default:
            throw .unsupported(what: "BYTE_STREAM_SPLIT for \(values.type.thriftName)", reason: "the encoding is for fixed-width types")
        }
        guard count * width <= buffer.count else { throw parquetCorrupt("BYTE_STREAM_SPLIT values end early") }
        guard count > 0 else { return }
        var joined = [UInt8](repeating: 0, count: count * width)
        joined.withUnsafeMutableBufferPointer { out in
            for k in 0..<width {
                let stream = k * count
                for i in 0..<count { out[i * width + k] = buffer[stream + i] }
            }
        }
        try joined.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) in
            let raw = UnsafeRawBufferPointer(p)
            switch values.type {
            case .float: values.floats.appendLittleEndian(raw, count: count)
            case .double: values.doubles.appendLittleEndian(raw, count: count)
            case .int32: values.int32s.appendLittleEndian(raw, count: count)
            case .int64: values.int64s.appendLittleEndian(raw, count: count)
            default: try appendFixed(raw, width: width, into: &values.bytes)
            }
        }
    }
}
