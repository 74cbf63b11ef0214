import Foundation

/// Turns the decoded physical values of a leaf chunk into dense Glue-typed storage (the
/// non-null values only, in order), as `LeafConversion` describes.
enum LeafConverter {
    /// Converts `values`; `column` names the column in errors.
    static func convert(_ values: PhysicalValues, _ conversion: LeafConversion, column: String) throws(EngineError) -> ColumnStorage {
        switch conversion {
        case .null:
            return .null
        case .boolean:
            return .boolean(values.bools)
        case .int32(let type):
            return .int32(values.int32s, type)
        case .unsignedSmall(let bits, let type):
            let mask = Int32((1 << bits) - 1)
            return .int32(values.int32s.map { $0 & mask }, type)
        case .unsigned32:
            return .int64(values.int32s.map { Int64(UInt32(bitPattern: $0)) }, .long)
        case .int64:
            return .int64(values.int64s, .long)
        case .unsigned64:
            if let bad = values.int64s.first(where: { $0 < 0 }) {
                throw .unsupported(what: "UINT64 value \(UInt64(bitPattern: bad)) in column \(column)",
                                   reason: "gluelab reads unsigned 64-bit values up to \(Int64.max) as long")
            }
            return .int64(values.int64s, .long)
        case .timestamp(let unit):
            return .int64(try micros(values.int64s, unit, column: column), .timestamp)
        case .int96Timestamp:
            return .int64(values.int64s, .timestamp)
        case .integerDecimal(let p, let s):
            let unscaled = values.type == .int32 ? values.int32s.map(Int64.init) : values.int64s
            return .int64(unscaled, .decimal(precision: p, scale: s))
        case .bytesDecimal(let p, let s):
            return .int64(try decimals(values.bytes, column: column), .decimal(precision: p, scale: s))
        case .decimalAsDouble(let scale):
            let divisor = pow(10, Double(scale))
            switch values.type {
            case .int32: return .float64(values.int32s.map { Double($0) / divisor })
            case .int64: return .float64(values.int64s.map { Double($0) / divisor })
            default: return .float64(doubles(values.bytes, divisor: divisor))
            }
        case .float:
            return .float32(values.floats)
        case .double:
            return .float64(values.doubles)
        case .float16:
            return .float32(halfFloats(values.bytes))
        case .bytes(let type):
            return .bytes(values.bytes, type)
        case .uuid:
            return .bytes(uuids(values.bytes), .string)
        }
    }

    private static func micros(_ v: [Int64], _ unit: Parquet.TimeUnit, column: String) throws(EngineError) -> [Int64] {
        switch unit {
        case .micros:
            return v
        case .nanos:
            return v.map { $0.floorDivMod(1000).0 }
        case .millis:
            var out: [Int64] = []
            out.reserveCapacity(v.count)
            for ms in v {
                let (us, overflow) = ms.multipliedReportingOverflow(by: 1000)
                guard !overflow else { throw parquetCorrupt("timestamp out of range in column \(column)", "\(ms) ms") }
                out.append(us)
            }
            return out
        }
    }

    /// Big-endian two's-complement integers of at most 8 significant bytes.
    private static func decimals(_ b: ByteColumn, column: String) throws(EngineError) -> [Int64] {
        var out: [Int64] = []
        out.reserveCapacity(b.count)
        for i in 0..<b.count {
            let bytes = b[i]
            guard let first = bytes.first else {
                out.append(0)
                continue
            }
            let fill: UInt8 = first & 0x80 != 0 ? 0xFF : 0
            var v: UInt64 = first & 0x80 != 0 ? ~0 : 0
            let significant = bytes.count > 8 ? bytes.suffix(8) : bytes
            if bytes.count > 8 {
                let head = bytes.prefix(bytes.count - 8)
                guard head.allSatisfy({ $0 == fill }), (significant.first! & 0x80 != 0) == (fill != 0) else {
                    throw parquetCorrupt("decimal wider than 18 digits in column \(column)", "\(bytes.count) bytes")
                }
            }
            for byte in significant { v = v << 8 | UInt64(byte) }
            out.append(Int64(bitPattern: v))
        }
        return out
    }

    /// Big-endian two's-complement integers of any width, divided by `divisor`, as doubles.
    private static func doubles(_ b: ByteColumn, divisor: Double) -> [Double] {
        (0..<b.count).map { i in
            let bytes = b[i]
            guard let first = bytes.first else { return 0 }
            let negative = first & 0x80 != 0
            var magnitude = 0.0
            // The magnitude of a negative number is the complement plus one.
            var carry = negative
            var place = 1.0
            for byte in bytes.reversed() {
                var digit = negative ? Int(~byte) : Int(byte)
                if carry {
                    digit += 1
                    carry = digit == 256
                    if carry { digit = 0 }
                }
                magnitude += Double(digit) * place
                place *= 256
            }
            return (negative ? -magnitude : magnitude) / divisor
        }
    }

    /// IEEE 754 half-precision values (2 bytes little-endian) as floats.
    private static func halfFloats(_ b: ByteColumn) -> [Float] {
        (0..<b.count).map { i in
            let bytes = b[i]
            guard bytes.count == 2 else { return .nan }
            let h = UInt16(bytes[bytes.startIndex]) | UInt16(bytes[bytes.startIndex + 1]) << 8
            let sign: Float = h & 0x8000 != 0 ? -1 : 1
            let exponent = Int(h >> 10 & 0x1F)
            let fraction = Float(h & 0x3FF)
            switch exponent {
            case 0: return sign * fraction * Float(sign: .plus, exponent: -24, significand: 1)
            case 31: return fraction == 0 ? sign * .infinity : .nan
            default: return sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
            }
        }
    }

    /// 16-byte UUIDs as `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` text.
    private static func uuids(_ b: ByteColumn) -> ByteColumn {
        let hex = Array("0123456789abcdef".utf8)
        var out = ByteColumn()
        out.offsets.reserveCapacity(b.count + 1)
        out.data.reserveCapacity(b.count * 36)
        for i in 0..<b.count {
            for (k, byte) in b[i].enumerated() {
                if k == 4 || k == 6 || k == 8 || k == 10 { out.data.append(UInt8(ascii: "-")) }
                out.data.append(hex[Int(byte >> 4)])
                out.data.append(hex[Int(byte & 15)])
            }
            out.offsets.append(Int32(out.data.count))
        }
        return out
    }
}
