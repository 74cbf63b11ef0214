/// Casting one value to a type: the `cast:<type>` of `resolveChoice`, the casts of
/// `ApplyMapping`, `toDF()`'s `Cast` option and `match_catalog`.
extension Value {
    /// The value converted to `type`, or `.null` when it cannot be converted — Glue's `cast:T`
    /// keeps the record and puts a null where a value does not cast.
    ///
    /// Glue does not document its cast table; gluelab follows Spark's (non-ANSI) casts, on which
    /// Glue runs, except where noted:
    ///
    /// - **Same type**: the value unchanged (a decimal is rescaled to the target's precision and
    ///   scale). Null casts to null; a cast *to* `null` gives null.
    /// - **Numbers ↔ numbers**: integral narrowing out of range gives null (Spark wraps around;
    ///   gluelab prefers a visible null). `double`/`float`/`decimal` → integral truncates toward
    ///   zero (12.9 → 12, -12.9 → -12); NaN, infinities and values out of range give null. To
    ///   `decimal(p,s)` rounds half away from zero; a value that needs more than `p` digits is null.
    /// - **String → number**: the whole trimmed text must be a number. `"12.50"` → 12.5 as
    ///   `double`, 12 as `long` (a fraction is truncated, as Spark does; an exponent is not
    ///   accepted for integral types); `"N/A"`, `""` → null. `double` also reads `1e3`, `NaN`,
    ///   `Infinity`, `-inf`.
    /// - **Number → string**: integers in decimal; `double`/`float` as the JVM prints them,
    ///   shortest round-trip digits (`12.5`, `1.0`, `1.0E20`, `NaN`); decimals with their scale.
    /// - **Booleans**: strings `true`/`false` (case-insensitive, and Spark's `t`/`f`, `yes`/`no`,
    ///   `y`/`n`, `1`/`0`); numbers: 0 is false, anything else true; `true`/`false` → 1/0.
    /// - **Dates and timestamps**: strings `yyyy-MM-dd` → date; ISO 8601
    ///   `yyyy-MM-dd[THH:mm[:ss[.ffffff]]][Z|±HH:MM]` → timestamp (no zone means UTC); a date is
    ///   midnight UTC as a timestamp; a timestamp's date is its UTC day. Numbers ↔ timestamps use
    ///   seconds since the epoch (Spark). Dates do not cast to or from numbers (null).
    ///   Date → string is `yyyy-MM-dd`; timestamp → string is the engine's ISO text
    ///   (`2024-01-31T10:00:00Z`; Spark would print `2024-01-31 10:00:00`).
    /// - **Structs, arrays, maps → string**: their JSON text. String ↔ binary: UTF-8 bytes.
    /// - **Nested targets**: an array casts element by element and a map value by value; a struct
    ///   cast to a struct type keeps the target's fields, in the target's order, each cast (fields
    ///   the value lacks stay absent, fields the target lacks are dropped). An *empty* struct,
    ///   array or map type (`struct`, `array`, `map` as parsed from a type name) means "any":
    ///   a value of that kind is kept as it is. Other kinds cast to nested types give null.
    /// - **Choice target**: the value cast to the member of its own kind, null if there is none.
    public func cast(to type: DataType) -> Value {
        switch (self, type) {
        case (.null, _), (_, .null): return .null
        case (_, .choice(let c)):
            guard let member = c.member(named: dataType.name) else { return .null }
            return cast(to: member)
        case (_, .string): return castToString()
        case (.string(let s), _): return Self.parse(s, as: type)
        case (_, .boolean): return castToBoolean()
        case (_, .array(let element)):
            guard case .array(let items) = self else { return .null }
            if case .null = element { return self }
            return .array(items.map { $0.cast(to: element) })
        case (_, .map(let valueType)):
            guard case .map(let r) = self else { return .null }
            if case .null = valueType { return self }
            return .map(DynamicRecord(uniqueNames: r.names, values: r.values.map { $0.cast(to: valueType) }))
        case (_, .structure(let s)):
            guard case .structure(let r) = self else { return .null }
            return s.fields.isEmpty ? self : .structure(Self.castRecord(r, to: s))
        case (.binary(let b), .binary): return .binary(b)
        case (_, .binary): return .null
        case (_, .date): return castToDate()
        case (_, .timestamp): return castToTimestamp()
        default: return castToNumber(type)
        }
    }

    // MARK: - Targets

    private func castToString() -> Value {
        switch self {
        case .string: return self
        case .double(let v): return .string(CastText.javaText(v))
        case .float(let v): return .string(CastText.javaText(v))
        case .binary(let b): return .string(String(decoding: b, as: UTF8.self))
        default: return .string(plainText)
        }
    }

    private func castToBoolean() -> Value {
        switch self {
        case .boolean: return self
        case .float(let v): return .boolean(v != 0)
        case .double(let v): return .boolean(v != 0)
        case .decimal(let d): return .boolean(d.unscaled != 0)
        default: return integerValue.map { .boolean($0 != 0) } ?? .null
        }
    }

    private func castToDate() -> Value {
        switch self {
        case .date: return self
        case .timestamp(let t): return Int32(exactly: t.floorDivMod(86_400_000_000).0).map(Value.date) ?? .null
        default: return .null
        }
    }

    private func castToTimestamp() -> Value {
        switch self {
        case .timestamp: return self
        case .date(let d): return .timestamp(Int64(d) * 86_400_000_000)
        case .boolean: return .null
        case .float, .double, .decimal:
            guard let v = doubleValue, let us = Self.truncated(v * 1_000_000) else { return .null }
            return .timestamp(us)
        default:
            guard let s = integerValue else { return .null }
            let (us, overflow) = s.multipliedReportingOverflow(by: 1_000_000)
            return overflow ? .null : .timestamp(us)
        }
    }

    /// Casts to a numeric type (the only targets left).
    private func castToNumber(_ type: DataType) -> Value {
        switch self {
        case .boolean(let b): return Self.integral(b ? 1 : 0, as: type)
        case .date, .binary, .array, .map, .structure: return .null
        case .timestamp(let t):
            switch type {
            case .float, .double, .decimal: return Self.fractional(Double(t) / 1_000_000, as: type)
            default: return Self.integral(t.floorDivMod(1_000_000).0, as: type)
            }
        case .decimal(let d):
            if case .decimal(let p, let s) = type {
                return DecimalValue(parsing: d.description, precision: p, scale: s).map(Value.decimal) ?? .null
            }
            if type == .float || type == .double { return Self.fractional(d.doubleValue, as: type) }
            var q = d.unscaled
            for _ in 0..<d.scale { q /= 10 }
            return Self.integral(q, as: type)
        case .float, .double:
            guard let v = doubleValue else { return .null }
            if type == .float || type == .double { return Self.fractional(v, as: type) }
            if case .decimal = type { return Self.fractional(v, as: type) }
            return Self.truncated(v).map { Self.integral($0, as: type) } ?? .null
        default:
            guard let v = integerValue else { return .null }
            return Self.integral(v, as: type)
        }
    }

    // MARK: - Helpers

    /// An integer as a value of numeric `type`; null when out of its range.
    static func integral(_ v: Int64, as type: DataType) -> Value {
        switch type {
        case .byte: return Int8(exactly: v).map(Value.byte) ?? .null
        case .short: return Int16(exactly: v).map(Value.short) ?? .null
        case .int: return Int32(exactly: v).map(Value.int) ?? .null
        case .long: return .long(v)
        case .float: return .float(Float(v))
        case .double: return .double(Double(v))
        case .decimal(let p, let s): return DecimalValue(parsing: String(v), precision: p, scale: s).map(Value.decimal) ?? .null
        default: return .null
        }
    }

    /// A floating-point number as a value of numeric `type` (integral types truncate).
    static func fractional(_ v: Double, as type: DataType) -> Value {
        switch type {
        case .double: return .double(v)
        case .float:
            let f = Float(v)
            return f.isInfinite && v.isFinite ? .null : .float(f)
        case .decimal(let p, let s): return DecimalValue(v, precision: p, scale: s).map(Value.decimal) ?? .null
        default: return truncated(v).map { integral($0, as: type) } ?? .null
        }
    }

    /// `v` truncated toward zero, nil when NaN, infinite or outside `Int64`.
    static func truncated(_ v: Double) -> Int64? {
        guard v.isFinite, v >= -9.223372036854775808e18, v < 9.223372036854775808e18 else { return nil }
        return Int64(v.rounded(.towardZero))
    }

    /// Parses string `s` as a value of `type` (not `string`, `null` or `choice`).
    static func parse(_ s: String, as type: DataType) -> Value {
        switch type {
        case .boolean:
            return CastText.withBytes(s, CastText.boolean).map(Value.boolean) ?? .null
        case .byte, .short, .int, .long:
            return CastText.withBytes(s, CastText.integer).map { integral($0, as: type) } ?? .null
        case .float, .double:
            return CastText.withBytes(s, CastText.double).map { fractional($0, as: type) } ?? .null
        case .decimal(let p, let sc):
            if let d = DecimalValue(parsing: s, precision: p, scale: sc) { return .decimal(d) }
            return CastText.withBytes(s, CastText.double).map { fractional($0, as: type) } ?? .null
        case .date:
            return CastText.withBytes(s, CastText.date).map(Value.date) ?? .null
        case .timestamp:
            return CastText.withBytes(s, CastText.timestamp).map(Value.timestamp) ?? .null
        case .binary:
            return .binary(Array(s.utf8))
        default:
            return .null
        }
    }

    /// A struct value shaped to `s`: its fields in `s`'s order, each cast; others dropped.
    static func castRecord(_ r: DynamicRecord, to s: StructType) -> DynamicRecord {
        var names: [String] = []
        var values: [Value] = []
        for f in s.fields where r.contains(f.name) {
            let v = r[f.name].cast(to: f.type)
            if case .null = v { continue }
            names.append(f.name)
            values.append(v)
        }
        return DynamicRecord(uniqueNames: names, values: values)
    }
}
