import GlueEngine

/// The arguments most Glue transforms take after their own: `transformation_ctx`, `info`,
/// `stageThreshold`, `totalThreshold` (awsglue's names and defaults).
struct StageArguments {
    var transformationCtx = ""
    var info = ""
    var stageThreshold = 0
    var totalThreshold = 0

    /// The four parameters, in awsglue's order.
    static var parameters: [ParameterSpec] { [
        .optional("transformation_ctx", .str("")), .optional("info", .str("")),
        .optional("stageThreshold", .int(0)), .optional("totalThreshold", .int(0)),
    ] }

    /// Only `transformation_ctx` (transforms such as `Join` and `SelectFromCollection`).
    static var contextOnly: [ParameterSpec] { [.optional("transformation_ctx", .str(""))] }

    init() {}

    /// Reads the four from bound arguments; those not bound keep their defaults. `info` may be
    /// `None` (SplitRows' default).
    init(_ b: BoundArguments) throws {
        if b.values["transformation_ctx"] != nil { transformationCtx = try b.string("transformation_ctx") }
        if b.values["info"] != nil { info = try b.optionalString("info") ?? "" }
        if b.values["stageThreshold"] != nil { stageThreshold = try b.int("stageThreshold") }
        if b.values["totalThreshold"] != nil { totalThreshold = try b.int("totalThreshold") }
    }
}

extension BoundArguments {
    /// A list of paths: a list or tuple of `str`, or one `str` (awsglue wraps a lone string in a
    /// list: `if isinstance(paths, basestring): paths = [paths]`).
    func paths(_ name: String) throws -> [String] {
        if case .str(let s) = self[name] { return [s] }
        return try strings(name)
    }

    /// A `DynamicFrame` argument.
    func frame(_ name: String) throws -> DynamicFrameObject {
        try object(name, as: DynamicFrameObject.self, typeName: "DynamicFrame")
    }

    /// A `DynamicFrameCollection` argument.
    func collection(_ name: String) throws -> DynamicFrameCollectionObject {
        try object(name, as: DynamicFrameCollectionObject.self, typeName: "DynamicFrameCollection")
    }

    /// A callable argument (a `def`, a `lambda`, a builtin or a callable object), checked when
    /// the transform is called rather than record by record.
    func callable(_ name: String) throws -> PyValue {
        switch self[name] {
        case .function, .builtin, .object: return self[name]
        default: throw typeError(name, "callable")
        }
    }

    /// A dict of options (`None` gives none) as engine values, keys `str`.
    func engineOptions(_ name: String) throws -> [String: Value] {
        try dict(name).engineOptions("\(function)() argument '\(name)'")
    }
}

/// A native method bound to a receiver: binds the call's arguments to `parameters` (Python's
/// rules and `TypeError`s, naming `name`) and runs `body`.
func nativeMethod(_ name: String, _ parameters: [ParameterSpec], extraKeywords: Bool = false,
                  _ body: @escaping (BoundArguments, any PyRuntime) throws -> PyValue) -> PyValue {
    .builtin(PyBuiltin(name) { arguments, runtime in
        try body(try arguments.bind(name, parameters, extraKeywords: extraKeywords), runtime)
    })
}

/// The `AttributeError` for a Glue or Spark API member gluelab does not provide.
func notAvailable(_ typeName: String, _ member: String, _ hint: String = "") -> PyException {
    PyException(.attributeError, "'\(typeName)' object attribute '\(member)' is not available in gluelab yet" + (hint.isEmpty ? "" : "; \(hint)"))
}
