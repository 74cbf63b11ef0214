/// Casting a whole column: `Value.cast(to:)` applied row by row, with typed fast paths for the
/// common cases (string → number parsed from the column's bytes, integer ↔ double, numbers →
/// string) so a cast never makes a `Value` per row there.
extension Column {
    /// Every value cast to `type` (`Value.cast(to:)` semantics: null where a value does not cast).
    /// A choice column casts each member and picks every row from its own member.
    func cast(to type: DataType) -> Column {
        if case .null = storage { return self }
        if case .null = type { return .nulls(count) }
        if self.type == type { return self }
        if case .choice(let tags, let members) = storage {
            return Column.pick(tags: tags, from: members.map { $0.cast(to: type) })
        }
        return fastCast(to: type) ?? genericCast(to: type)
    }

    /// Row by row through `Value.cast(to:)`.
    func genericCast(to type: DataType) -> Column {
        let b = ColumnBuilder()
        b.reserve(count)
        for i in 0..<count { b.append(value(at: i).cast(to: type)) }
        let c = b.finish()
        if case .null = c.storage { return .typedNulls(count, type) }
        return c
    }

    private func valid(_ i: Int) -> Bool { validity?[i] ?? true }

    /// The typed fast paths; nil when there is none for this pair of types.
    private func fastCast(to type: DataType) -> Column? {
        switch (storage, type) {
        case (.bytes(let b, .string), .long), (.bytes(let b, .string), .int),
             (.bytes(let b, .string), .short), (.bytes(let b, .string), .byte):
            return parseColumn(b, as: type) { CastText.integer($0).flatMap { Self.narrow($0, type) } }
        case (.bytes(let b, .string), .double):
            return parseDoubles(b)
        case (.int64(let v, .long), .double):
            return Column(count: count, storage: .float64(v.map(Double.init)), validity: validity)
        case (.int32(let v, .int), .double), (.int32(let v, .short), .double), (.int32(let v, .byte), .double):
            return Column(count: count, storage: .float64(v.map(Double.init)), validity: validity)
        case (.int32(let v, .int), .long), (.int32(let v, .short), .long), (.int32(let v, .byte), .long):
            return Column(count: count, storage: .int64(v.map(Int64.init), .long), validity: validity)
        case (.int64(let v, .long), .int):
            var out = [Int32](repeating: 0, count: count)
            var ok = validity ?? [Bool](repeating: true, count: count)
            for i in 0..<count where ok[i] {
                if let x = Int32(exactly: v[i]) { out[i] = x } else { ok[i] = false }
            }
            return Column(count: count, storage: .int32(out, .int), validity: ok)
        case (.float64(let v), .long):
            var out = [Int64](repeating: 0, count: count)
            var ok = validity ?? [Bool](repeating: true, count: count)
            for i in 0..<count where ok[i] {
                if let x = Value.truncated(v[i]) { out[i] = x } else { ok[i] = false }
            }
            return Column(count: count, storage: .int64(out, .long), validity: ok)
        case (.int64(let v, .long), .string):
            return formatColumn { String(v[$0]) }
        case (.int32(let v, .int), .string):
            return formatColumn { String(v[$0]) }
        case (.float64(let v), .string):
            return formatColumn { CastText.javaText(v[$0]) }
        default:
            return nil
        }
    }

    private static func narrow(_ v: Int64, _ type: DataType) -> Int64? {
        switch type {
        case .int: Int32(exactly: v).map { _ in v }
        case .short: Int16(exactly: v).map { _ in v }
        case .byte: Int8(exactly: v).map { _ in v }
        default: v
        }
    }

    /// Parses each valid row of a string column as an integer of `type` (`long`, `int`, ...).
    private func parseColumn(_ b: ByteColumn, as target: DataType, _ parse: (UnsafeBufferPointer<UInt8>) -> Int64?) -> Column {
        var out = [Int64](repeating: 0, count: count)
        var ok = [Bool](repeating: false, count: count)
        b.data.withUnsafeBufferPointer { data in
            for i in 0..<count where valid(i) {
                let slice = UnsafeBufferPointer(rebasing: data[Int(b.offsets[i])..<Int(b.offsets[i + 1])])
                if let v = parse(slice) {
                    out[i] = v
                    ok[i] = true
                }
            }
        }
        return Column.integers(out, validity: ok, as: target)
    }

    private func parseDoubles(_ b: ByteColumn) -> Column {
        var out = [Double](repeating: 0, count: count)
        var ok = [Bool](repeating: false, count: count)
        b.data.withUnsafeBufferPointer { data in
            for i in 0..<count where valid(i) {
                let slice = UnsafeBufferPointer(rebasing: data[Int(b.offsets[i])..<Int(b.offsets[i + 1])])
                if let v = CastText.double(slice) {
                    out[i] = v
                    ok[i] = true
                }
            }
        }
        return Column(count: count, storage: .float64(out), validity: ok)
    }

    private func formatColumn(_ text: (Int) -> String) -> Column {
        var b = ByteColumn()
        b.offsets.reserveCapacity(count + 1)
        for i in 0..<count {
            if valid(i) { b.append(text(i)) } else { b.appendEmpty() }
        }
        return Column(count: count, storage: .bytes(b, .string), validity: validity)
    }

    /// `Int64` values stored as a column of integral `type`.
    private static func integers(_ v: [Int64], validity: [Bool], as type: DataType) -> Column {
        switch type {
        case .long: Column(count: v.count, storage: .int64(v, .long), validity: validity)
        default: Column(count: v.count, storage: .int32(v.map { Int32(truncatingIfNeeded: $0) }, type), validity: validity)
        }
    }

    // MARK: - Picking rows from member columns

    /// A column whose row `i` is row `i` of `members[tags[i]]` (null for `nullTag`). Members of
    /// one storage kind are gathered typed; anything else goes value by value.
    static func pick(tags: [UInt8], from members: [Column]) -> Column {
        let n = tags.count
        let live = members.filter { if case .null = $0.storage { false } else { true } }
        guard let first = live.first else { return .nulls(n) }
        let type = first.type
        func ok(_ i: Int) -> Bool {
            let t = tags[i]
            return t != ColumnStorage.nullTag && !members[Int(t)].isNull(i)
        }
        if live.allSatisfy({ $0.type == type }) {
            switch first.storage {
            case .int64:
                return gather(n, tags, members, ok, 0 as Int64) { if case .int64(let v, _) = $0 { v } else { nil } }
                    .map { Column(count: n, storage: .int64($0.0, type), validity: $0.1) } ?? .nulls(n)
            case .int32:
                return gather(n, tags, members, ok, 0 as Int32) { if case .int32(let v, _) = $0 { v } else { nil } }
                    .map { Column(count: n, storage: .int32($0.0, type), validity: $0.1) } ?? .nulls(n)
            case .float64:
                return gather(n, tags, members, ok, 0 as Double) { if case .float64(let v) = $0 { v } else { nil } }
                    .map { Column(count: n, storage: .float64($0.0), validity: $0.1) } ?? .nulls(n)
            case .boolean:
                return gather(n, tags, members, ok, false) { if case .boolean(let v) = $0 { v } else { nil } }
                    .map { Column(count: n, storage: .boolean($0.0), validity: $0.1) } ?? .nulls(n)
            case .bytes:
                var out = ByteColumn()
                var validity = [Bool](repeating: false, count: n)
                for i in 0..<n {
                    if ok(i), case .bytes(let b, _) = members[Int(tags[i])].storage {
                        out.append(b[i])
                        validity[i] = true
                    } else {
                        out.appendEmpty()
                    }
                }
                return Column(count: n, storage: .bytes(out, type), validity: validity)
            default:
                break
            }
        }
        let b = ColumnBuilder()
        b.reserve(n)
        for i in 0..<n {
            b.append(ok(i) ? members[Int(tags[i])].value(at: i) : .null)
        }
        return b.finish()
    }

    private static func gather<T>(_ n: Int, _ tags: [UInt8], _ members: [Column], _ ok: (Int) -> Bool, _ zero: T,
                                  _ buffer: (ColumnStorage) -> [T]?) -> ([T], [Bool])? {
        var out = [T](repeating: zero, count: n)
        var validity = [Bool](repeating: false, count: n)
        let buffers = members.map { buffer($0.storage) }
        for i in 0..<n where ok(i) {
            guard let values = buffers[Int(tags[i])] else { return nil }
            out[i] = values[i]
            validity[i] = true
        }
        return (out, validity)
    }
}
