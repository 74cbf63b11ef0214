import Foundation

/// A `push_down_predicate` (or `catalogPartitionPredicate`): a Spark SQL boolean expression
/// over a catalog table's **partition columns**, evaluated against each partition's values so
/// that only the matching partitions are listed and read (fact sheet §3.1).
///
/// Grammar (keywords case-insensitive, as in Spark SQL):
///
/// ```
/// expr       := or
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := ("not" | "!") not | predicate
/// predicate  := "(" expr ")" | operand [tail]
/// tail       := op operand                      op: = == != <> < <= > >= <=>
///             | ["not"] "in" "(" operand ("," operand)* ")"
///             | ["not"] "between" operand "and" operand
///             | "is" ["not"] "null"
/// operand    := column | `quoted column` | 'string' | "string" | number | true | false | null
/// ```
///
/// A bare operand is a predicate when it is a boolean (a `boolean` partition key, `true`).
/// Column names match the partition keys ignoring case (Spark's default); any other column is
/// an error naming it and the keys — a push-down predicate can only see partition values.
///
/// **Typing (Spark's rule).** The catalog stores partition values as strings, but Spark types
/// each by its partition key's Hive type: a `string` key compares as text, an `int`/`bigint`/
/// `double`/`decimal` key as a number, a `boolean` key as a boolean. A comparison of a text
/// with a number casts the text to a number (Spark's implicit cast; text that is not a number
/// gives null, so the row does not match); so on a `string` key `month = 4` matches `04` while
/// `month = '4'` does not. `__HIVE_DEFAULT_PARTITION__` is null. Logic is SQL's three-valued
/// logic: a comparison with null is unknown, `not unknown` is unknown, and a partition is kept
/// only when the predicate is true.
public struct PartitionPredicate: Sendable, CustomStringConvertible {
    /// The predicate as written.
    public let text: String
    /// The partition keys it was checked against, in order.
    public let keys: [String]
    let root: Node
    let kinds: [ValueKind]

    /// The kind of value a partition key holds, from its Hive type.
    enum ValueKind: Sendable { case text, number, boolean }

    indirect enum Node: Sendable {
        case or(Node, Node)
        case and(Node, Node)
        case not(Node)
        case compare(Operand, CompareOp, Operand)
        case among(Operand, [Operand], negated: Bool)
        case between(Operand, Operand, Operand, negated: Bool)
        case isNull(Operand, negated: Bool)
        case truth(Operand)
    }

    enum Operand: Sendable {
        case column(Int)
        case literal(Scalar)
    }

    enum CompareOp: String, Sendable {
        case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=", nullSafeEq = "<=>"
    }

    /// A partition value or literal as the evaluator sees it.
    enum Scalar: Sendable, Equatable {
        case null, text(String), number(Double), boolean(Bool)
    }

    /// Parses `text` against the table's partition keys (their names and Hive types).
    /// `table` (`db.table`) only names the table in errors.
    /// - Throws: `EngineError.invalidOption(name: "push_down_predicate", ...)` with the position
    ///   (1-based character) of the problem, or naming a column that is not a partition key.
    public init(parsing text: String, partitionKeys: [CatalogColumn], table: String? = nil,
                option: String = "push_down_predicate") throws(EngineError) {
        self.text = text
        keys = partitionKeys.map(\.name)
        kinds = partitionKeys.map { key in
            switch try? HiveType.type(key.type) {
            case .byte?, .short?, .int?, .long?, .float?, .double?, .decimal?: .number
            case .boolean?: .boolean
            default: .text
            }
        }
        var parser = PartitionPredicateParser(text: text, keys: keys, table: table, option: option)
        root = try parser.parse()
    }

    public var description: String { text }

    /// Whether a partition with these values (in key order, as the catalog stores them) matches.
    public func matches(_ values: [String]) -> Bool {
        evaluate(root, values) == true
    }

    /// Whether `partition` matches (its values, in the table's key order).
    public func matches(_ partition: CatalogPartition) -> Bool {
        matches(partition.values)
    }

    // MARK: Evaluation

    func evaluate(_ node: Node, _ values: [String]) -> Bool? {
        switch node {
        case .or(let a, let b):
            let l = evaluate(a, values)
            if l == true { return true }
            let r = evaluate(b, values)
            if r == true { return true }
            return l == nil || r == nil ? nil : false
        case .and(let a, let b):
            let l = evaluate(a, values)
            if l == false { return false }
            let r = evaluate(b, values)
            if r == false { return false }
            return l == nil || r == nil ? nil : true
        case .not(let a):
            return evaluate(a, values).map { !$0 }
        case .compare(let a, let op, let b):
            let l = scalar(a, values), r = scalar(b, values)
            if op == .nullSafeEq {
                if l == .null || r == .null { return l == r }
                return Self.order(l, r).map { $0 == 0 }
            }
            guard let c = Self.order(l, r) else { return nil }
            switch op {
            case .eq, .nullSafeEq: return c == 0
            case .ne: return c != 0
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            case .ge: return c >= 0
            }
        case .among(let a, let list, let negated):
            let l = scalar(a, values)
            guard l != .null else { return nil }
            var unknown = false
            for item in list {
                switch Self.order(l, scalar(item, values)) {
                case 0?: return !negated
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : negated
        case .between(let a, let low, let high, let negated):
            let v = scalar(a, values)
            let lo = Self.order(v, scalar(low, values)).map { $0 >= 0 }
            let hi = Self.order(v, scalar(high, values)).map { $0 <= 0 }
            let inside: Bool? = lo == false || hi == false ? false : (lo == nil || hi == nil ? nil : true)
            return negated ? inside.map { !$0 } : inside
        case .isNull(let a, let negated):
            return (scalar(a, values) == .null) != negated
        case .truth(let a):
            switch scalar(a, values) {
            case .null: return nil
            case .boolean(let b): return b
            case .number(let n): return n != 0
            case .text(let s): return Self.boolean(s)
            }
        }
    }

    /// The value of an operand for one partition.
    func scalar(_ operand: Operand, _ values: [String]) -> Scalar {
        switch operand {
        case .literal(let s): return s
        case .column(let i):
            guard i < values.count else { return .null }
            let raw = values[i]
            if raw == HivePartitioning.defaultPartition { return .null }
            switch kinds[i] {
            case .text: return .text(raw)
            case .number: return Self.number(raw).map(Scalar.number) ?? .null
            case .boolean: return Self.boolean(raw).map(Scalar.boolean) ?? .null
            }
        }
    }

    /// Compares two scalars after Spark's implicit casts: -1, 0, 1, or nil when either is null
    /// or a cast fails.
    static func order(_ a: Scalar, _ b: Scalar) -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.text(let x), .text(let y)):
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : (x == y ? 0 : 1)
        case (.number(let x), .number(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.text(let s), .number): return number(s).flatMap { order(.number($0), b) }
        case (.number, .text(let s)): return number(s).flatMap { order(a, .number($0)) }
        case (.text(let s), .boolean): return boolean(s).flatMap { order(.boolean($0), b) }
        case (.boolean, .text(let s)): return boolean(s).flatMap { order(a, .boolean($0)) }
        case (.boolean(let x), .number): return order(.number(x ? 1 : 0), b)
        case (.number, .boolean(let y)): return order(a, .number(y ? 1 : 0))
        }
    }

    /// Spark's string → number cast: the trimmed text must be a number.
    static func number(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard let first = t.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return nil }
        return Double(t)
    }

    static func boolean(_ s: String) -> Bool? {
        switch s.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "t", "yes", "y", "1": true
        case "false", "f", "no", "n", "0": false
        default: nil
        }
    }
}
