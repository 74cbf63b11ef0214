extension DynamicFrame {
    /// The comparison operators `split_rows` accepts: the six the Scala `splitRows` documents
    /// ("Each operator must be one of `!=`, `=`, `<=`, `<`, `>=`, or `>`"). The Python wrapper
    /// passes operators through unchecked, so `==` is refused like any other unknown operator.
    public static let splitRowsOperators: [String] = ["!=", "=", "<=", "<", ">=", ">"]

    /// Glue's `split_rows(comparison_dict, name1, name2)` / `SplitRows.apply(...)`: rows that
    /// satisfy **all** comparisons go to the frame `name1`, the others to `name2`.
    ///
    /// `comparisons` maps a field path (dots, backticks) to `{operator: constant}`, e.g.
    /// `["age": [">": .long(10), "<": .long(20)]]` keeps `10 < age < 20` (both bounds
    /// exclusive). Comparison rules (Glue documents none of them; gluelab's choice):
    /// - numbers compare numerically across numeric types (`int`, `long`, `double`, `decimal`);
    /// - strings compare lexicographically by code point; booleans `false < true`; dates with
    ///   dates, timestamps with timestamps;
    /// - a null or missing value never matches, whatever the operator (`!=` included);
    /// - values of different kinds (a string `"15"` against the number `10`, as in a choice
    ///   column) are unequal and unordered: only `!=` matches.
    ///
    /// Each frame keeps the input's batch boundaries (empty batches dropped) and its error
    /// stream. As in Python, where the result is built as a dict, `name2` wins if it equals
    /// `name1`. Throws for an unknown operator or a path that does not parse.
    public func splitRows(_ comparisons: [String: [String: Value]], name1: String = "frame1",
                          name2: String = "frame2") throws(EngineError) -> DynamicFrameCollection {
        var tests: [(FieldPath, String, Value)] = []
        for path in comparisons.keys.sorted() {
            let fieldPath = try FieldPath(parsing: path)
            for (op, constant) in comparisons[path]!.sorted(by: { $0.key < $1.key }) {
                guard Self.splitRowsOperators.contains(op) else {
                    throw .invalidOption(name: "split_rows operator", value: op,
                                         reason: "expected one of \(Self.splitRowsOperators.joined(separator: ", "))")
                }
                tests.append((fieldPath, op, constant))
            }
        }
        var matched: [RecordBatch] = []
        var rest: [RecordBatch] = []
        for batch in batches {
            var yes: [Int] = []
            var no: [Int] = []
            for i in 0..<batch.count {
                let record = batch.record(at: i)
                let ok = tests.allSatisfy { path, op, constant in
                    Self.compare(path.value(in: record), op, constant)
                }
                if ok { yes.append(i) } else { no.append(i) }
            }
            if !yes.isEmpty { matched.append(batch.gather(yes)) }
            if !no.isEmpty { rest.append(batch.gather(no)) }
        }
        let first = DynamicFrame(name: name1, batches: matched, errors: errors, stageErrorsCount: 0)
        let second = DynamicFrame(name: name2, batches: rest, errors: errors, stageErrorsCount: 0)
        return DynamicFrameCollection([(name1, first), (name2, second)])
    }

    /// Whether `value op constant` holds, by the rules of `splitRows`.
    static func compare(_ value: Value, _ op: String, _ constant: Value) -> Bool {
        if value.isNull || constant.isNull { return false }
        guard let order = Self.order(value, constant) else { return op == "!=" }
        switch op {
        case "=": return order == 0
        case "!=": return order != 0
        case "<": return order < 0
        case "<=": return order <= 0
        case ">": return order > 0
        case ">=": return order >= 0
        default: return false
        }
    }

    /// -1, 0 or 1 when `a` and `b` are comparable, nil otherwise.
    static func order(_ a: Value, _ b: Value) -> Int? {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        if let x = a.integerValue, let y = b.integerValue { return sign(x, y) }
        if let x = a.doubleValue, let y = b.doubleValue { return x.isNaN || y.isNaN ? nil : sign(x, y) }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            return x.utf8.elementsEqual(y.utf8) ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
        case (.boolean(let x), .boolean(let y)):
            return x == y ? 0 : (x ? 1 : -1)
        case (.date(let x), .date(let y)):
            return sign(x, y)
        case (.timestamp(let x), .timestamp(let y)):
            return sign(x, y)
        default:
            return a == b ? 0 : nil
        }
    }
}
