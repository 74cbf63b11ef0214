/// A conjunction of comparisons `column op value` used to skip row groups (predicate
/// pushdown). A row group is skipped only when its column-chunk statistics prove that no row
/// can satisfy every comparison: min/max bounds (`min_value`/`max_value`; the deprecated
/// `min`/`max` only for types whose order is signed — booleans, signed integers, dates,
/// timestamps, integer-backed decimals, floats and doubles) and the null count. A null
/// satisfies no comparison except `ne` (as `None != 5` holds in a Python filter), so a chunk of
/// nulls only is skipped for the other operators, and `ne` skips only chunks known to hold no
/// null. Anything it cannot decide — a column it does
/// not know, a nested column under an array, missing or unusable statistics, a value of
/// another kind than the column — keeps the row group.
///
/// Pushdown never filters rows: the row groups that are read come back whole, and the caller
/// applies its filter to their rows.
public struct ParquetPredicate: Sendable {
    /// A comparison operator.
    public enum Op: String, Sendable {
        case eq, ne, lt, le, gt, ge
    }

    /// The comparisons, all of which must hold (AND). A column is a top-level name, or a dotted
    /// path to a field inside structs.
    public var comparisons: [(column: String, op: Op, value: Value)]

    public init(_ comparisons: [(column: String, op: Op, value: Value)]) {
        self.comparisons = comparisons
    }

    /// A predicate of one comparison.
    public init(_ column: String, _ op: Op, _ value: Value) {
        self.init([(column: column, op: op, value: value)])
    }

    /// False when row group `index` of `file` cannot hold a row matching every comparison.
    public func mayMatch(rowGroup index: Int, of file: ParquetFile) -> Bool {
        guard file.metadata.rowGroups.indices.contains(index) else { return true }
        let group = file.metadata.rowGroups[index]
        for c in comparisons {
            guard let leaf = file.layout.leaves.first(where: { $0.maxRepetitionLevel == 0 && $0.dottedPath == c.column }),
                let meta = group.columns[leaf.index].metaData, let stats = meta.statistics
            else { continue }
            if c.op != .ne, let nulls = stats.nullCount, nulls == meta.numValues, meta.numValues > 0 { return false }
            // A null may satisfy `ne` for a caller that compares like Python (`None != 5`).
            if c.op == .ne, stats.nullCount != 0 { continue }
            guard let bounds = Self.bounds(stats, leaf: leaf, orders: file.columnOrders) else { continue }
            // Float bounds leave NaN out, and NaN satisfies `ne`.
            if c.op == .ne, case .real = bounds.min { continue }
            if Self.excludes(c.op, c.value, min: bounds.min, max: bounds.max) { return false }
        }
        return true
    }

    /// The usable (min, max) of a chunk, decoded for comparison.
    private static func bounds(_ s: Parquet.Statistics, leaf: ParquetLeaf, orders: [Int16]?) -> (min: StatValue, max: StatValue)? {
        var minBytes: [UInt8]?, maxBytes: [UInt8]?
        let typeOrder = orders.map { $0.indices.contains(leaf.index) && $0[leaf.index] == 1 } ?? true
        if typeOrder, let lo = s.minValue, let hi = s.maxValue {
            (minBytes, maxBytes) = (lo, hi)
        } else if let lo = s.min, let hi = s.max, signedOrder(leaf.conversion) {
            (minBytes, maxBytes) = (lo, hi)
        }
        guard let minBytes, let maxBytes, let lo = StatValue(minBytes, leaf: leaf), let hi = StatValue(maxBytes, leaf: leaf) else {
            return nil
        }
        return (lo, hi)
    }

    /// Types whose deprecated min/max (computed with signed comparison) are right.
    private static func signedOrder(_ c: LeafConversion) -> Bool {
        switch c {
        case .boolean, .int32, .int64, .timestamp, .integerDecimal, .float, .double: true
        default: false
        }
    }

    /// True when no value in [min, max] satisfies `value op`.
    private static func excludes(_ op: Op, _ value: Value, min: StatValue, max: StatValue) -> Bool {
        guard let lo = min.compare(to: value), let hi = max.compare(to: value) else { return false }
        switch op {
        case .eq: return lo > 0 || hi < 0
        case .ne: return lo == 0 && hi == 0
        case .lt: return lo >= 0
        case .le: return lo > 0
        case .gt: return hi <= 0
        case .ge: return hi < 0
        }
    }
}

/// A statistics bound decoded by the column's conversion.
enum StatValue {
    case integer(Int64)
    case decimal(unscaled: Int64, scale: Int)
    case real(Double)
    case date(Int64)
    case timestamp(Int64)
    case bytes([UInt8], isString: Bool)

    /// Decodes PLAIN statistics bytes (no length prefix for byte arrays); nil when unusable.
    init?(_ b: [UInt8], leaf: ParquetLeaf) {
        func int32() -> Int32? { b.count == 4 ? Int32(littleEndian: b.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) }) : nil }
        func int64() -> Int64? { b.count == 8 ? Int64(littleEndian: b.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }) : nil }
        switch leaf.conversion {
        case .boolean:
            guard b.count == 1 else { return nil }
            self = .integer(Int64(b[0] & 1))
        case .int32(let t):
            guard let v = int32() else { return nil }
            self = t == .date ? .date(Int64(v)) : .integer(Int64(v))
        case .unsignedSmall(let bits, _):
            guard let v = int32() else { return nil }
            self = .integer(Int64(v & Int32((1 << bits) - 1)))
        case .unsigned32:
            guard let v = int32() else { return nil }
            self = .integer(Int64(UInt32(bitPattern: v)))
        case .int64:
            guard let v = int64() else { return nil }
            self = .integer(v)
        case .unsigned64:
            guard let v = int64(), v >= 0 else { return nil }
            self = .integer(v)
        case .timestamp(let unit):
            guard let v = int64() else { return nil }
            switch unit {
            case .millis:
                let (us, overflow) = v.multipliedReportingOverflow(by: 1000)
                guard !overflow else { return nil }
                self = .timestamp(us)
            case .micros: self = .timestamp(v)
            case .nanos: self = .timestamp(v.floorDivMod(1000).0)
            }
        case .integerDecimal(_, let scale):
            guard let v = leaf.physicalType == .int32 ? int32().map(Int64.init) : int64() else { return nil }
            self = .decimal(unscaled: v, scale: scale)
        case .bytesDecimal(_, let scale):
            guard (1...8).contains(b.count) else { return nil }
            var v: UInt64 = b[0] & 0x80 != 0 ? ~0 : 0
            for byte in b { v = v << 8 | UInt64(byte) }
            self = .decimal(unscaled: Int64(bitPattern: v), scale: scale)
        case .float:
            guard b.count == 4 else { return nil }
            let f = Float(bitPattern: UInt32(littleEndian: b.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }))
            guard !f.isNaN else { return nil }
            self = .real(Double(f))
        case .double:
            guard b.count == 8 else { return nil }
            let d = Double(bitPattern: UInt64(littleEndian: b.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }))
            guard !d.isNaN else { return nil }
            self = .real(d)
        case .bytes(let t):
            self = .bytes(b, isString: t == .string)
        case .int96Timestamp, .decimalAsDouble, .float16, .uuid, .null:
            return nil
        }
    }

    /// The sign of `self - value`, or nil when they cannot be compared exactly.
    func compare(to value: Value) -> Int? {
        switch (self, value) {
        case (.integer(let a), _):
            if let b = value.integerValue { return a < b ? -1 : (a > b ? 1 : 0) }
            if case .boolean(let b) = value { return Self.sign(a, b ? 1 : 0) }
            if case .decimal(let d) = value { return Self.compareDecimals(a, 0, d.unscaled, d.scale) }
            if case .double(let d) = value, abs(a) < 1 << 53 { return Self.sign(Double(a), d) }
            if case .float(let f) = value, abs(a) < 1 << 53 { return Self.sign(Double(a), Double(f)) }
            return nil
        case (.decimal(let u, let s), _):
            if let b = value.integerValue { return Self.compareDecimals(u, s, b, 0) }
            if case .decimal(let d) = value { return Self.compareDecimals(u, s, d.unscaled, d.scale) }
            return nil
        case (.real(let a), _):
            guard let b = value.doubleValue, !b.isNaN else { return nil }
            if let i = value.integerValue, abs(i) >= 1 << 53 { return nil }
            return Self.sign(a, b)
        case (.date(let a), .date(let b)):
            return Self.sign(a, Int64(b))
        case (.timestamp(let a), .timestamp(let b)):
            return Self.sign(a, b)
        case (.bytes(let a, true), .string(let s)):
            return Self.compareBytes(a, Array(s.utf8))
        case (.bytes(let a, false), .binary(let b)):
            return Self.compareBytes(a, b)
        default:
            return nil
        }
    }

    private static func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a > b ? 1 : 0) }

    /// Compares `a * 10^-sa` with `b * 10^-sb` exactly (nil on overflow).
    private static func compareDecimals(_ a: Int64, _ sa: Int, _ b: Int64, _ sb: Int) -> Int? {
        var (x, y) = (a, b)
        if sa < sb { guard let v = scaleUp(x, sb - sa) else { return nil }; x = v }
        if sb < sa { guard let v = scaleUp(y, sa - sb) else { return nil }; y = v }
        return sign(x, y)
    }

    private static func scaleUp(_ v: Int64, _ digits: Int) -> Int64? {
        var r = v
        for _ in 0..<digits {
            let (m, overflow) = r.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            r = m
        }
        return r
    }

    /// Unsigned byte-wise lexicographic order (the order of UTF-8 strings and binaries).
    private static func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return sign(a.count, b.count)
    }
}
