import GlueEngine

// The record functions (`filter`, `map`), the multi-frame methods (`join`, `union`,
// `mergeDynamicFrame`) and the physical ones (`repartition`, `coalesce`, `spigot`).
extension DynamicFrameObject {
    func recordMethod(_ name: String) -> PyValue? {
        let stage = StageArguments.parameters
        switch name {
        case "filter":
            return nativeMethod(name, ["f"] + stage) { b, runtime in try self.filter(try b.callable("f"), try StageArguments(b), runtime) }
        case "map":
            return nativeMethod(name, ["f", .optional("preservesPartitioning", .bool(false))] + stage) { b, runtime in
                try self.map(try b.callable("f"), try StageArguments(b), runtime)
            }
        case "join":
            return nativeMethod(name, ["paths1", "paths2", "frame2"] + stage) { b, _ in
                try self.join(try b.paths("paths1"), try b.paths("paths2"), try b.frame("frame2"), try StageArguments(b))
            }
        case "union":
            return nativeMethod(name, ["other_frame"] + stage) { b, _ in try self.union(try b.frame("other_frame"), try StageArguments(b)) }
        case "mergeDynamicFrame":
            return nativeMethod(name, ["stage_dynamic_frame", "primary_keys", .optional("transformation_ctx", .str("")),
                                       .optional("options", .dict(PyDict())), .optional("info", .str("")),
                                       .optional("stageThreshold", .int(0)), .optional("totalThreshold", .int(0))]) { b, _ in
                let merged = try self.frame.mergeDynamicFrame(try b.frame("stage_dynamic_frame").frame, primaryKeys: try b.paths("primary_keys"))
                return self.derive(try Self.checked(merged, "mergeDynamicFrame", try StageArguments(b)))
            }
        case "repartition":
            return nativeMethod(name, ["num_partitions"] + stage) { b, _ in try self.repartition(try b.int("num_partitions"), try StageArguments(b)) }
        case "coalesce":
            return nativeMethod(name, ["num_partitions", .optional("shuffle", .bool(false))] + stage) { b, _ in
                try self.coalesce(try b.int("num_partitions"), shuffle: try b.bool("shuffle"), try StageArguments(b))
            }
        case "spigot":
            return nativeMethod(name, ["path", .optional("options", .dict(PyDict()))] + stage) { b, _ in
                try self.spigot(try b.string("path"), try b.engineOptions("options"), try StageArguments(b))
            }
        default:
            return nil
        }
    }

    /// `frame` after its thresholds are checked (for engine transforms that take none).
    static func checked(_ frame: DynamicFrame, _ transformation: String, _ s: StageArguments) throws -> DynamicFrame {
        try frame.checkThresholds(transformation: transformation, stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold)
        return frame
    }

    /// Glue's `filter`: `f(record)` is called with the record as a dict; its truth keeps the
    /// record. `KeyError`/`ValueError`/`TypeError` drop the record, other exceptions make error
    /// records (the engine's `filter` rules).
    func filter(_ f: PyValue, _ s: StageArguments, _ runtime: any PyRuntime) throws -> PyValue {
        let runner = RecordFunctionRunner()
        let dicts = RecordConversion.DictMaker()
        let result: DynamicFrame
        do {
            result = try frame.filter(transformationCtx: s.transformationCtx, stageThreshold: s.stageThreshold,
                                      totalThreshold: s.totalThreshold) { record in
                try runner.run {
                    try runtime.truthy(try runtime.call(f, CallArguments([.dict(dicts.dict(record))])))
                }
            }
        } catch {
            try runner.rethrowFatal()
            throw error
        }
        try runner.rethrowFatal()
        return derive(result)
    }

    /// Glue's `map`: each record is replaced by `f(record)` (a dict; see ``RecordConversion``).
    /// Exceptions, and `None` or other falsy results, make error records.
    func map(_ f: PyValue, _ s: StageArguments, _ runtime: any PyRuntime) throws -> PyValue {
        let runner = RecordFunctionRunner()
        let dicts = RecordConversion.DictMaker()
        let result: DynamicFrame
        do {
            result = try frame.map(transformationCtx: s.transformationCtx, stageThreshold: s.stageThreshold,
                                   totalThreshold: s.totalThreshold) { record in
                try runner.run {
                    let out = try runtime.call(f, CallArguments([.dict(dicts.dict(record))]))
                    return try RecordConversion.mapResult(out, original: record, runtime: runtime)
                }
            }
        } catch {
            try runner.rethrowFatal()
            throw error
        }
        try runner.rethrowFatal()
        return derive(result)
    }

    /// Glue's `join`: the result is named `self.name + frame2.name`.
    func join(_ paths1: [String], _ paths2: [String], _ frame2: DynamicFrameObject, _ s: StageArguments) throws -> PyValue {
        derive(try Self.checked(try frame.join(paths1: paths1, paths2: paths2, frame2: frame2.frame), "Join", s))
    }

    func union(_ other: DynamicFrameObject, _ s: StageArguments) throws -> PyValue {
        derive(try Self.checked(frame.union(other.frame), "Union", s))
    }

    func repartition(_ n: Int, _ s: StageArguments) throws -> PyValue {
        derive(try Self.checked(try frame.repartition(n), "Repartition", s))
    }

    func coalesce(_ n: Int, shuffle: Bool, _ s: StageArguments) throws -> PyValue {
        derive(try Self.checked(try frame.coalesce(n, shuffle: shuffle), "Coalesce", s))
    }

    /// Glue's `spigot`: the sample goes to the environment's spigot sink (S3 in Glue); without
    /// one the call raises instead of dropping the sample silently.
    func spigot(_ path: String, _ options: [String: Value], _ s: StageArguments) throws -> PyValue {
        guard let sink = environment.spigotSink else {
            throw EngineError.unsupported(what: "spigot(\"\(path)\")",
                                          reason: "this DynamicFrame has no object store to write its sample to (run it inside a gluelab job)")
        }
        return derive(try Self.checked(try frame.spigot(path: path, options: options, sink: { try sink(path, $0) }), "Spigot", s))
    }
}
