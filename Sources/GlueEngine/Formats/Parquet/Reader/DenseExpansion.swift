/// Places dense (non-null) leaf values into rows: a run of the dense buffer as a column, or
/// the buffer spread over the rows marked present, with nulls elsewhere.
enum DenseExpansion {
    /// `count` values from `start`, none null (the whole buffer, uncopied, when it fits exactly).
    static func slice(_ dense: ColumnStorage, from start: Int, count: Int) throws(EngineError) -> Column {
        Column(count: count, storage: try range(dense, start, count))
    }

    /// One row per `present` entry: the next dense value where true, null where false.
    static func expand(_ dense: ColumnStorage, from start: Int, present: [Bool]) throws(EngineError) -> Column {
        let n = present.count
        var k = 0
        for p in present where p { k += 1 }
        if case .null = dense { return .nulls(n) }
        if k == n { return Column(count: n, storage: try range(dense, start, n)) }
        guard start >= 0, start + k <= count(of: dense) else { throw parquetCorrupt("fewer values than definition levels say") }
        let storage: ColumnStorage
        switch dense {
        case .boolean(let v): storage = .boolean(scatter(v, start, present, zero: false))
        case .int32(let v, let t): storage = .int32(scatter(v, start, present, zero: 0), t)
        case .int64(let v, let t): storage = .int64(scatter(v, start, present, zero: 0), t)
        case .float32(let v): storage = .float32(scatter(v, start, present, zero: 0))
        case .float64(let v): storage = .float64(scatter(v, start, present, zero: 0))
        case .bytes(let b, let t): storage = .bytes(scatterBytes(b, start, present), t)
        default: throw parquetCorrupt("unexpected leaf storage")
        }
        return Column(count: n, storage: storage, validity: present)
    }

    private static func count(of dense: ColumnStorage) -> Int {
        switch dense {
        case .boolean(let v): v.count
        case .int32(let v, _): v.count
        case .int64(let v, _): v.count
        case .float32(let v): v.count
        case .float64(let v): v.count
        case .bytes(let b, _): b.count
        default: 0
        }
    }

    private static func range(_ dense: ColumnStorage, _ start: Int, _ n: Int) throws(EngineError) -> ColumnStorage {
        if case .null = dense { return .null }
        let total = count(of: dense)
        guard start >= 0, start + n <= total else { throw parquetCorrupt("fewer values than definition levels say") }
        if start == 0 && n == total { return dense }
        let r = start..<(start + n)
        switch dense {
        case .boolean(let v): return .boolean(Array(v[r]))
        case .int32(let v, let t): return .int32(Array(v[r]), t)
        case .int64(let v, let t): return .int64(Array(v[r]), t)
        case .float32(let v): return .float32(Array(v[r]))
        case .float64(let v): return .float64(Array(v[r]))
        case .bytes(let b, let t):
            let base = b.offsets[start]
            let offsets = b.offsets[start...(start + n)].map { $0 - base }
            return .bytes(ByteColumn(offsets: offsets, data: Array(b.data[Int(base)..<Int(b.offsets[start + n])])), t)
        default: throw parquetCorrupt("unexpected leaf storage")
        }
    }

    private static func scatter<T>(_ source: [T], _ start: Int, _ present: [Bool], zero: T) -> [T] {
        let n = present.count
        return [T](unsafeUninitializedCapacity: n) { out, initialized in
            source.withUnsafeBufferPointer { src in
                var v = start
                for i in 0..<n {
                    if present[i] {
                        (out.baseAddress! + i).initialize(to: src[v])
                        v += 1
                    } else {
                        (out.baseAddress! + i).initialize(to: zero)
                    }
                }
            }
            initialized = n
        }
    }

    /// Offsets for every row (nulls empty) over one contiguous run of the dense bytes.
    private static func scatterBytes(_ b: ByteColumn, _ start: Int, _ present: [Bool]) -> ByteColumn {
        let base = b.offsets[start]
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(present.count + 1)
        var v = start
        var last: Int32 = 0
        for p in present {
            if p {
                v += 1
                last = b.offsets[v] - base
            }
            offsets.append(last)
        }
        let data = start == 0 && v == b.count ? b.data : Array(b.data[Int(base)..<Int(b.offsets[v])])
        return ByteColumn(offsets: offsets, data: data)
    }
}
