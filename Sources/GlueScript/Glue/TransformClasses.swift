import GlueEngine

/// One class of `awsglue.transforms`: `X.apply(...)` and `X()(...)` run it (awsglue's
/// `GlueTransform.apply` is `cls()(*args, **kwargs)`), `X.name()` gives its name. Parameters
/// are awsglue's `__call__` parameters, names and defaults included.
final class GlueTransformClass: PyObject {
    let name: String
    /// The awsglue module that defines it (`awsglue.transforms.field_transforms`).
    let module: String
    let parameters: [ParameterSpec]
    let extraKeywords: Bool
    let body: (BoundArguments, any PyRuntime) throws -> PyValue

    init(_ name: String, _ file: String, _ parameters: [ParameterSpec], extraKeywords: Bool = false,
         _ body: @escaping (BoundArguments, any PyRuntime) throws -> PyValue) {
        self.name = name
        module = "awsglue.transforms." + file
        self.parameters = parameters
        self.extraKeywords = extraKeywords
        self.body = body
    }

    var typeName: String { "type" }
    var repr: String { "<class '\(module).\(name)'>" }

    /// Runs the transform with a call's arguments.
    func invoke(_ arguments: CallArguments, _ runtime: any PyRuntime) throws -> PyValue {
        try body(try arguments.bind(name + ".apply", parameters, extraKeywords: extraKeywords), runtime)
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "apply": .builtin(PyBuiltin(self.name + ".apply") { try self.invoke($0, $1) })
        case "name": .builtin(PyBuiltin(self.name + ".name") { _, _ in .str(self.name) })
        case "__name__": .str(self.name)
        default: nil
        }
    }

    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        _ = try arguments.bind(name, [])
        return .object(GlueTransformInstance(self))
    }
}

/// An instance of a transform class (`ApplyMapping()`), callable like `apply`.
final class GlueTransformInstance: PyObject {
    let cls: GlueTransformClass

    init(_ cls: GlueTransformClass) {
        self.cls = cls
    }

    var typeName: String { cls.name }
    var repr: String { "<Transform: \(cls.name)>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        try cls.attribute(name, runtime: runtime)
    }

    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        try cls.invoke(arguments, runtime)
    }
}

extension GlueTransformClass {
    /// Every class of `awsglue.transforms` (awsglue's `ALL_TRANSFORMS`).
    ///
    /// Two wrappers pass on fewer arguments than they take, and gluelab does the same:
    /// `ApplyMapping` calls `frame.apply_mapping(mappings, case_sensitive)` and `ResolveChoice`
    /// calls `frame.resolveChoice(specs, choice, database, table_name)`, so their
    /// `transformation_ctx` and thresholds are accepted and unused.
    static func all() -> [GlueTransformClass] {
        let stage = StageArguments.parameters
        let ctx = StageArguments.contextOnly
        return [
            GlueTransformClass("ApplyMapping", "apply_mapping", ["frame", "mappings", .optional("case_sensitive", .bool(false))] + stage) { b, _ in
                try b.frame("frame").applyMapping(b["mappings"], caseSensitive: try b.bool("case_sensitive"), StageArguments())
            },
            GlueTransformClass("ResolveChoice", "resolve_choice", ["frame", .optional("specs"), .optional("choice", .str("")), .optional("database"),
                                                                   .optional("table_name")] + stage + [.optional("catalog_id")]) { b, _ in
                try b.frame("frame").resolveChoice(b["specs"], choice: try b.optionalString("choice") ?? "", database: try b.optionalString("database"),
                                                   tableName: try b.optionalString("table_name"), catalogId: try b.optionalString("catalog_id"),
                                                   StageArguments())
            },
            GlueTransformClass("SelectFields", "field_transforms", ["frame", "paths"] + stage) { b, _ in
                try b.frame("frame").selectFields(try b.paths("paths"), try StageArguments(b))
            },
            GlueTransformClass("DropFields", "field_transforms", ["frame", "paths"] + stage) { b, _ in
                try b.frame("frame").dropFields(try b.paths("paths"), try StageArguments(b))
            },
            GlueTransformClass("RenameField", "field_transforms", ["frame", "old_name", "new_name"] + stage) { b, _ in
                try b.frame("frame").renameField(try b.string("old_name"), try b.string("new_name"), try StageArguments(b))
            },
            GlueTransformClass("SplitFields", "field_transforms", ["frame", "paths", .optional("name1"), .optional("name2")] + stage) { b, _ in
                let frame = try b.frame("frame")
                let base = frame.name.isEmpty ? "frame" : frame.name
                return try frame.splitFields(try b.paths("paths"), try b.optionalString("name1") ?? base + "1",
                                             try b.optionalString("name2") ?? base + "2", try StageArguments(b))
            },
            GlueTransformClass("SplitRows", "field_transforms", ["frame", "comparison_dict", .optional("name1", .str("frame1")),
                                                                 .optional("name2", .str("frame2")), .optional("transformation_ctx", .str("")),
                                                                 .optional("info"), .optional("stageThreshold", .int(0)),
                                                                 .optional("totalThreshold", .int(0))]) { b, _ in
                try b.frame("frame").splitRows(b, try b.string("name1"), try b.string("name2"), try StageArguments(b))
            },
            GlueTransformClass("Join", "field_transforms", ["frame1", "frame2", "keys1", "keys2"] + ctx) { b, _ in
                try b.frame("frame1").join(try b.paths("keys1"), try b.paths("keys2"), try b.frame("frame2"), StageArguments())
            },
            GlueTransformClass("Spigot", "field_transforms", ["frame", "path", "options"] + ctx) { b, _ in
                try b.frame("frame").spigot(try b.string("path"), try b.engineOptions("options"), StageArguments())
            },
            GlueTransformClass("Filter", "dynamicframe_filter", ["frame", "f"] + stage) { b, runtime in
                try b.frame("frame").filter(try b.callable("f"), try StageArguments(b), runtime)
            },
            GlueTransformClass("Map", "dynamicframe_map", ["frame", "f", .optional("preservesPartitioning", .bool(false))] + stage) { b, runtime in
                try b.frame("frame").map(try b.callable("f"), try StageArguments(b), runtime)
            },
            GlueTransformClass("Relationalize", "relationalize", ["frame", .optional("staging_path"), .optional("name", .str("roottable")),
                                                                  .optional("options")] + stage) { b, _ in
                let frame = try b.frame("frame")
                guard let staging = try b.optionalString("staging_path") ?? frame.environment.tempDir, !staging.isEmpty else {
                    throw PyException(.runtimeError, "Unable to set staging_path using args: pass staging_path, or run the job with --TempDir")
                }
                return try frame.relationalize(try b.string("name"), stagingPath: staging, options: try b.engineOptions("options"), try StageArguments(b))
            },
            GlueTransformClass("Unbox", "unbox", ["frame", "path", "format"] + stage, extraKeywords: true) { b, _ in
                try b.frame("frame").unbox(try b.string("path"), try b.string("format"), b.extra, try StageArguments(b))
            },
            GlueTransformClass("UnnestFrame", "unnest_frame", ["frame"] + stage) { b, _ in
                try b.frame("frame").unnest(try StageArguments(b))
            },
            GlueTransformClass("DropNullFields", "drop_nulls", ["frame"] + stage) { b, _ in
                try b.frame("frame").dropNullFields(try StageArguments(b))
            },
            GlueTransformClass("Repartition", "repartition", ["frame", "num_partitions"] + stage) { b, _ in
                try b.frame("frame").repartition(try b.int("num_partitions"), try StageArguments(b))
            },
            GlueTransformClass("Coalesce", "coalesce", ["frame", "num_partitions", .optional("shuffle", .bool(false))] + stage) { b, _ in
                try b.frame("frame").coalesce(try b.int("num_partitions"), shuffle: try b.bool("shuffle"), try StageArguments(b))
            },
            GlueTransformClass("Union", "union", ["frame1", "frame2"] + stage) { b, _ in
                try b.frame("frame1").union(try b.frame("frame2"), try StageArguments(b))
            },
            GlueTransformClass("ErrorsAsDynamicFrame", "errors_as_dynamicframe", ["frame"]) { b, _ in
                let frame = try b.frame("frame")
                return frame.derive(frame.frame.errorsAsDynamicFrame(), name: frame.name)
            },
            GlueTransformClass("SelectFromCollection", "collection_transforms", ["dfc", "key"] + ctx) { b, _ in
                try b.collection("dfc").select(try b.string("key"))
            },
            GlueTransformClass("MapToCollection", "collection_transforms", ["dfc", "callable"] + ctx) { b, runtime in
                try b.collection("dfc").map(try b.callable("callable"), ctx: try b.string("transformation_ctx"), runtime)
            },
            GlueTransformClass("FlatMap", "collection_transforms", ["dfc", "BaseTransform", "frame_name"] + ctx, extraKeywords: true) { b, runtime in
                try flatMap(b, runtime)
            },
        ]
    }

    /// awsglue's `FlatMap`: `BaseTransform.apply(**base_kwargs, <frame_name>=frame,
    /// transformation_ctx=ctx + ":" + frame.name)` for each frame; results keyed by name.
    private static func flatMap(_ b: BoundArguments, _ runtime: any PyRuntime) throws -> PyValue {
        let dfc = try b.collection("dfc")
        let frameName = try b.string("frame_name")
        guard case .object(let base) = b["BaseTransform"], let apply = try base.attribute("apply", runtime: runtime) else {
            throw PyException(.typeError, "FlatMap.apply() argument 'BaseTransform' must be a transform class (with apply), not \(b["BaseTransform"].typeName)")
        }
        let inner = PyBuiltin("FlatMap.apply_inner") { arguments, runtime in
            var keywords = b.extra.filter { $0.name != frameName && $0.name != "transformation_ctx" }
            keywords.append((frameName, arguments.positional[0]))
            keywords.append(("transformation_ctx", arguments.positional[1]))
            return try runtime.call(apply, CallArguments([], keywords: keywords))
        }
        return try dfc.flatmap(.builtin(inner), ctx: try b.string("transformation_ctx"), runtime)
    }
}
