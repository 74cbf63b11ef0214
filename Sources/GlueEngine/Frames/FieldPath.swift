/// A path to a field inside records, as Glue transforms take them: `a.b.c` for nested structs,
/// backticks to quote a name holding dots (`` `provider.id` ``, `` a.`x.y` ``), and `[]` after an
/// array's name for each of its elements (`items[].price`).
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public enum Step: Hashable, Sendable {
        /// The field with this name.
        case field(String)
        /// Every element of an array.
        case elements
    }

    public let steps: [Step]

    public init(steps: [Step]) {
        self.steps = steps
    }

    /// A path of one top-level field, taken literally (no parsing of dots).
    public init(field name: String) {
        steps = [.field(name)]
    }

    /// Parses a path; throws for empty names, unbalanced backticks or a misplaced `[]`.
    public init(parsing text: String) throws(EngineError) {
        var steps: [Step] = []
        var name = ""
        var quoted = false
        var pendingName = false  // a `.` was read: a name must follow
        var quotedName = false  // the current name was quoted, so it may be empty
        var chars = Array(text)[...]
        func bad(_ reason: String) -> EngineError { .invalidPath(path: text, reason: reason) }
        func flush() throws(EngineError) {
            guard quotedName || !name.isEmpty else { throw bad("empty field name") }
            steps.append(.field(name))
            name = ""
            quotedName = false
            pendingName = false
        }
        while let c = chars.popFirst() {
            if quoted {
                if c == "`" {
                    if chars.first == "`" {  // a doubled backtick is a literal one
                        chars.removeFirst()
                        name.append("`")
                    } else {
                        quoted = false
                    }
                } else {
                    name.append(c)
                }
                continue
            }
            switch c {
            case "`":
                guard name.isEmpty else { throw bad("backtick inside a name") }
                quoted = true
                quotedName = true
            case ".":
                if steps.last == .elements && name.isEmpty && !pendingName {
                    pendingName = true  // the name after `[].` must follow
                    continue
                }
                try flush()
                pendingName = true
            case "[":
                guard chars.first == "]" else { throw bad("expected [] after an array name") }
                chars.removeFirst()
                try flush()
                steps.append(.elements)
                if let next = chars.first, next != "." { throw bad("expected . after []") }
            default:
                name.append(c)
                pendingName = false
            }
        }
        if quoted { throw bad("unterminated backtick") }
        if pendingName || quotedName || !name.isEmpty || steps.isEmpty { try flush() }
        guard case .field = steps.last else { throw bad("a path cannot end with []") }
        self.steps = steps
    }

    /// The path as written, with backticks around names that need them.
    public var description: String {
        var out = ""
        for step in steps {
            switch step {
            case .field(let n):
                if !out.isEmpty { out += "." }
                out += n.contains(".") || n.contains("`") ? "`" + n.replacingOccurrences(of: "`", with: "``") + "`" : n
            case .elements:
                out += "[]"
            }
        }
        return out
    }

    /// The last field name (the one the path names).
    public var leafName: String {
        guard case .field(let n) = steps.last else { return "" }
        return n
    }

    /// True when the path goes through an array.
    public var crossesArray: Bool { steps.contains(.elements) }

    /// The type found at this path in `schema` (for a path through arrays, the element-level
    /// type); nil when the path does not exist.
    public func type(in schema: StructType) -> DataType? {
        var current = DataType.structure(schema)
        for step in steps {
            switch (step, current) {
            case (.field(let n), .structure(let s)):
                guard let f = s[n] else { return nil }
                current = f.type
            case (.elements, .array(let e)):
                current = e
            default:
                return nil
            }
        }
        return current
    }

    /// The value at this path in `record`, `.null` when absent. For a path through arrays,
    /// an array of the values found in each element.
    public func value(in record: DynamicRecord) -> Value {
        Self.get(steps[...], in: .structure(record))
    }

    private static func get(_ steps: ArraySlice<Step>, in value: Value) -> Value {
        guard let step = steps.first else { return value }
        switch (step, value) {
        case (.field(let n), .structure(let r)):
            return get(steps.dropFirst(), in: r[n])
        case (.elements, .array(let items)):
            return .array(items.map { get(steps.dropFirst(), in: $0) })
        default:
            return .null
        }
    }

    /// Replaces every value at this path in `record` by `transform(value)`; a nil result removes
    /// the field. Fields absent from a record are passed to `transform` as `.null` only when
    /// `includeAbsent` is true (so a transform can create them); otherwise they are left alone.
    public func update(_ record: inout DynamicRecord, includeAbsent: Bool = false, _ transform: (Value) -> Value?) {
        Self.update(steps[...], in: &record, includeAbsent: includeAbsent, transform)
    }

    private static func update(_ steps: ArraySlice<Step>, in record: inout DynamicRecord, includeAbsent: Bool,
                               _ transform: (Value) -> Value?) {
        guard case .field(let name) = steps.first else { return }
        let rest = steps.dropFirst()
        guard record.contains(name) || includeAbsent && rest.isEmpty else { return }
        if rest.isEmpty {
            if let v = transform(record[name]) { record[name] = v } else { record.removeValue(forKey: name) }
            return
        }
        var child = record[name]
        updateValue(rest, in: &child, includeAbsent: includeAbsent, transform)
        record[name] = child
    }

    private static func updateValue(_ steps: ArraySlice<Step>, in value: inout Value, includeAbsent: Bool,
                                    _ transform: (Value) -> Value?) {
        switch (steps.first, value) {
        case (.field?, .structure(var r)):
            update(steps, in: &r, includeAbsent: includeAbsent, transform)
            value = .structure(r)
        case (.elements?, .array(var items)):
            let rest = steps.dropFirst()
            for i in items.indices {
                if rest.isEmpty {
                    items[i] = transform(items[i]) ?? .null
                } else {
                    updateValue(rest, in: &items[i], includeAbsent: includeAbsent, transform)
                }
            }
            value = .array(items)
        default:
            break
        }
    }
}
