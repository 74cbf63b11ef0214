/// A self-describing record: an ordered list of named values, as Glue's `DynamicRecord`.
///
/// Field names are unique. A field that is absent and a field that is null read the same
/// (`record["x"] == .null`); `contains` tells them apart.
public struct DynamicRecord: Hashable, Sendable {
    public private(set) var names: [String]
    public private(set) var values: [Value]

    public init() {
        names = []
        values = []
    }

    /// A record from `(name, value)` pairs; a repeated name keeps the last value.
    public init(_ pairs: [(String, Value)]) {
        self.init()
        for (n, v) in pairs { self[n] = v }
    }

    /// Makes a record from parallel arrays whose names the caller knows to be unique (not
    /// checked: a repeated name would make a record with two fields of that name). For hot
    /// paths that build records from a source with unique keys (a script's dict).
    public init(uniqueNames: [String], values: [Value]) {
        names = uniqueNames
        self.values = values
    }

    public var count: Int { names.count }

    public var isEmpty: Bool { names.isEmpty }

    /// The fields, in order.
    public var fields: [(name: String, value: Value)] {
        Array(zip(names, values)).map { (name: $0.0, value: $0.1) }
    }

    public func contains(_ name: String) -> Bool { names.contains(name) }

    /// The value of `name`, `.null` when absent. Setting a new name appends the field;
    /// setting an existing one replaces its value in place.
    public subscript(name: String) -> Value {
        get {
            guard let i = names.firstIndex(of: name) else { return .null }
            return values[i]
        }
        set {
            if let i = names.firstIndex(of: name) {
                values[i] = newValue
            } else {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// Removes the field `name`; returns its value if it was present.
    @discardableResult
    public mutating func removeValue(forKey name: String) -> Value? {
        guard let i = names.firstIndex(of: name) else { return nil }
        names.remove(at: i)
        return values.remove(at: i)
    }

    /// Inserts (or moves) `name` to position `index`.
    public mutating func insert(_ name: String, _ value: Value, at index: Int) {
        removeValue(forKey: name)
        let i = min(max(0, index), names.count)
        names.insert(name, at: i)
        values.insert(value, at: i)
    }

    /// The type of this record: a struct of its fields' types.
    public var schema: StructType {
        StructType(zip(names, values).map { Field($0.0, $0.1.dataType) })
    }
}
