/// One mapping of `ApplyMapping`: the value at `source` goes to `target`, cast to `targetType`.
///
/// Paths use Glue's syntax: dots nest (`provider.id`), backticks quote a name holding dots
/// (`` `this.old.name` ``). `[]` is refused in both paths: Glue cannot map fields inside arrays.
/// `sourceType` is checked as a type name but not used (Glue's 4-tuple carries it; the value's
/// own type is what gets cast).
public struct Mapping: Hashable, Sendable {
    /// Where the value is read (`address.state` un-nests).
    public var source: FieldPath
    /// The type the mapping says the source has (checked, not used).
    public var sourceType: DataType?
    /// Where the value goes (`provider.id` builds a struct `provider`).
    public var target: FieldPath
    /// The type to cast to; nil keeps the value's own type.
    public var targetType: DataType?

    /// A mapping from path and type texts.
    /// - Throws: `EngineError.invalidPath` for a malformed path, `EngineError.transform` for a
    ///   path through an array, `EngineError.invalidOption` for an unknown type name.
    public init(source: String, sourceType: String? = nil, target: String, targetType: String? = nil) throws(EngineError) {
        self.source = try Self.path(source)
        self.target = try Self.path(target)
        self.sourceType = try sourceType.flatMap { (t: String) throws(EngineError) in try Self.type(t) }
        self.targetType = try targetType.flatMap { (t: String) throws(EngineError) in try Self.type(t) }
    }

    /// A mapping from a Python mapping tuple, as `apply_mapping` accepts them:
    ///
    /// - 4 elements: `(source, source type, target, target type)` — Glue's documented form;
    /// - 3 elements: `(source, target, target type)`;
    /// - 2 elements: `(source, target)`, a rename that keeps the type.
    ///
    /// Glue passes 2- and 3-tuples to its JVM side without documenting their meaning; gluelab
    /// reads them as above (the type that is left out is the one the data already has).
    /// - Throws: for any other length, Python's `ValueError` text: "Mapping tuple must be of
    ///   length 2, 3, or 4Got tuple of length 5" (the missing space is Python's).
    public init(tuple: [String]) throws(EngineError) {
        switch tuple.count {
        case 2: try self.init(source: tuple[0], target: tuple[1])
        case 3: try self.init(source: tuple[0], target: tuple[1], targetType: tuple[2])
        case 4: try self.init(source: tuple[0], sourceType: tuple[1], target: tuple[2], targetType: tuple[3])
        default:
            throw .transform(name: "ApplyMapping",
                             message: "Mapping tuple must be of length 2, 3, or 4Got tuple of length \(tuple.count)")
        }
    }

    private static func path(_ text: String) throws(EngineError) -> FieldPath {
        let p = try FieldPath(parsing: text)
        if p.crossesArray {
            throw .transform(name: "ApplyMapping",
                             message: "cannot map \"\(text)\": fields nested inside arrays cannot be mapped")
        }
        return p
    }

    /// A type name; `choice` (which Glue's generated scripts write for a column whose type is
    /// still a choice) is no type to cast to: nil, the value keeps its own type.
    private static func type(_ text: String) throws(EngineError) -> DataType? {
        if text.lowercased() == "choice" { return nil }
        guard let t = DataType(parsing: text) else {
            throw .invalidOption(name: "ApplyMapping type", value: text, reason: "unknown type")
        }
        return t
    }
}
