import GlueEngine

/// awsglue's `ResolveOption(path, action, target=None)` for `toDF(options)`: how one choice is
/// resolved while converting (`KeepAsStruct`, `Project`, `Cast`).
///
/// `target` is a Spark type in Glue (`DoubleType()`); gluelab takes any object whose `str` is a
/// Spark type's (`DoubleType()`, `IntegerType`, `DecimalType(10,2)`) or a Glue type name
/// (`"double"`).
public final class ResolveOptionObject: PyObject {
    public let path: String
    public let action: String
    public let target: PyValue

    public init(path: String, action: String, target: PyValue) {
        self.path = path
        self.action = action
        self.target = target
    }

    public var typeName: String { "ResolveOption" }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "path": .str(path)
        case "action": .str(action)
        case "target": target
        default: nil
        }
    }

    /// The class object `ResolveOption`.
    static var parameters: [ParameterSpec] { ["path", "action", .optional("target")] }

    static func make(_ arguments: CallArguments) throws -> PyValue {
        let b = try arguments.bind("ResolveOption", parameters)
        return .object(ResolveOptionObject(path: try b.string("path"), action: try b.string("action"), target: b["target"]))
    }

    /// `toDF`'s `options` (a list of `ResolveOption`s, or `None`) as engine options.
    static func options(_ value: PyValue, runtime: any PyRuntime) throws -> [ResolveOption] {
        if value.isNone { return [] }
        guard let items = value.sequenceItems else {
            throw PyException(.typeError, "toDF() argument 'options' must be a list of ResolveOption, not \(value.typeName)")
        }
        return try items.map { item in
            guard let o = item.object(as: ResolveOptionObject.self) else {
                throw PyException(.typeError, "toDF() options must be ResolveOption objects, not \(item.typeName)")
            }
            return ResolveOption(path: o.path, action: o.action, target: try o.targetType(runtime))
        }
    }

    private func targetType(_ runtime: any PyRuntime) throws -> DataType? {
        if target.isNone { return nil }
        var text = try runtime.str(target)
        if text.hasSuffix("()") { text.removeLast(2) }
        if let r = text.range(of: "Type") { text.removeSubrange(r) }
        guard let type = DataType(parsing: text) else {
            throw PyException(.valueError, "ResolveOption target \(try runtime.repr(target)) is not a type gluelab knows")
        }
        return type
    }
}
