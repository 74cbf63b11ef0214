/// One column of the CSV batch being filled.
///
/// While every non-null value has one type (the common case) the values go into a plain typed
/// array held in this struct, which avoids the per-value class access and exclusivity checks a
/// `ColumnBuilder` costs (about half of the read time on the benchmark). When a second type
/// appears, the rows so far are replayed into a `ColumnBuilder` and the column continues
/// there, so choice columns are made exactly as everywhere else in the engine. `finish()` gives
/// the same `Column` a `ColumnBuilder` would.
struct CSVColumn {
    private enum Kind {
        case empty, long, double, boolean, string, mixed
    }

    private var kind = Kind.empty
    /// The rows appended so far.
    private(set) var count = 0
    /// The null rows, while the column has one type.
    private var nullRows: [Int32] = []
    private var longs: [Int64] = []
    private var doubles: [Double] = []
    private var booleans: [Bool] = []
    private var strings = ByteColumn()
    private var mixed: ColumnBuilder?

    /// A column that starts with `nulls` null rows.
    init(nulls: Int = 0) {
        count = nulls
        nullRows = (0..<Int32(nulls)).map { $0 }
    }

    /// True while every row is null.
    var isAllNull: Bool { kind == .empty }

    mutating func appendNull() {
        switch kind {
        case .empty: nullRows.append(Int32(count))
        case .long: nullRows.append(Int32(count)); longs.append(0)
        case .double: nullRows.append(Int32(count)); doubles.append(0)
        case .boolean: nullRows.append(Int32(count)); booleans.append(false)
        case .string: nullRows.append(Int32(count)); strings.appendEmpty()
        case .mixed: mixed?.appendNull()
        }
        count += 1
    }

    @inline(__always)
    mutating func appendLong(_ v: Int64) {
        if kind != .long { prepare(for: .long) }
        if kind == .long { longs.append(v) } else { mixed?.appendLong(v) }
        count += 1
    }

    @inline(__always)
    mutating func appendDouble(_ v: Double) {
        if kind != .double { prepare(for: .double) }
        if kind == .double { doubles.append(v) } else { mixed?.appendDouble(v) }
        count += 1
    }

    @inline(__always)
    mutating func appendBool(_ v: Bool) {
        if kind != .boolean { prepare(for: .boolean) }
        if kind == .boolean { booleans.append(v) } else { mixed?.appendBool(v) }
        count += 1
    }

    /// Appends a string given as UTF-8 bytes (already valid).
    @inline(__always)
    mutating func appendString(_ p: UnsafePointer<UInt8>, _ n: Int) {
        if kind != .string { prepare(for: .string) }
        if kind == .string {
            strings.append(UnsafeBufferPointer(start: p, count: n))
        } else {
            mixed?.appendString(bytes: UnsafeRawBufferPointer(start: p, count: n))
        }
        count += 1
    }

    /// Readies the column for a value of `type`: on the first value, takes that type (padding
    /// the null rows so far); on a value of another type, moves the rows so far into a
    /// `ColumnBuilder`.
    private mutating func prepare(for type: Kind) {
        switch kind {
        case .empty:
            kind = type
            switch type {
            case .long: longs = Array(repeating: 0, count: count)
            case .double: doubles = Array(repeating: 0, count: count)
            case .boolean: booleans = Array(repeating: false, count: count)
            case .string: for _ in 0..<count { strings.appendEmpty() }
            case .empty, .mixed: break
            }
        case .mixed:
            break
        default:
            guard kind != type else { return }
            let builder = ColumnBuilder()
            builder.reserve(count)
            var nextNull = 0
            for row in 0..<count {
                if nextNull < nullRows.count, Int(nullRows[nextNull]) == row {
                    builder.appendNull()
                    nextNull += 1
                    continue
                }
                switch kind {
                case .long: builder.appendLong(longs[row])
                case .double: builder.appendDouble(doubles[row])
                case .boolean: builder.appendBool(booleans[row])
                case .string:
                    strings.data.withUnsafeBytes { raw in
                        let range = Int(strings.offsets[row])..<Int(strings.offsets[row + 1])
                        builder.appendString(bytes: UnsafeRawBufferPointer(rebasing: raw[range]))
                    }
                case .empty, .mixed: break
                }
            }
            kind = .mixed
            mixed = builder
            (nullRows, longs, doubles, booleans, strings) = ([], [], [], [], ByteColumn())
        }
    }

    /// The finished column, as `ColumnBuilder.finish()` would make it.
    func finish() -> Column {
        var validity: [Bool]?
        if !nullRows.isEmpty {
            var v = [Bool](repeating: true, count: count)
            for r in nullRows { v[Int(r)] = false }
            validity = v
        }
        switch kind {
        case .empty: return .nulls(count)
        case .long: return Column(count: count, storage: .int64(longs, .long), validity: validity)
        case .double: return Column(count: count, storage: .float64(doubles), validity: validity)
        case .boolean: return Column(count: count, storage: .boolean(booleans), validity: validity)
        case .string: return Column(count: count, storage: .bytes(strings, .string), validity: validity)
        case .mixed: return mixed?.finish() ?? .nulls(count)
        }
    }
}
