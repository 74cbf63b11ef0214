import GlueEngine

/// awsglue's `DynamicFrameCollection`: frames by name, as `split_fields`, `split_rows` and
/// `relationalize` return them. Keys keep their insertion order (a Python dict's).
///
/// As in awsglue: `dfc[key]` raises `KeyError` for an unknown key, while `select(key)` returns
/// an **empty** frame named `key`; `map(callable)` calls `callable(frame, transformation_ctx +
/// ":" + key)` and requires a DynamicFrame back; `flatmap(f)` keys each result by its name.
/// `len(dfc)`, `key in dfc` and `for key in dfc` work on the keys (awsglue's class has only
/// `__len__`; iterating it fails there).
public final class DynamicFrameCollectionObject: PyObject {
    public private(set) var keys: [String] = []
    private var frames: [String: DynamicFrameObject] = [:]
    public let glueContext: PyValue
    public let environment: GlueFrameEnvironment

    /// A collection of `pairs`; a repeated key keeps its first place and its last frame.
    public init(_ pairs: [(String, DynamicFrameObject)], glueContext: PyValue = .none,
                environment: GlueFrameEnvironment = GlueFrameEnvironment()) {
        self.glueContext = glueContext
        self.environment = environment
        for (k, f) in pairs {
            if frames[k] == nil { keys.append(k) }
            frames[k] = f
        }
    }

    /// The frame called `key`.
    public subscript(key: String) -> DynamicFrameObject? { frames[key] }

    /// The engine collection.
    public var collection: DynamicFrameCollection {
        DynamicFrameCollection(keys.map { ($0, frames[$0]!.frame) })
    }

    public var typeName: String { "DynamicFrameCollection" }
    public var repr: String { "<awsglue.dynamicframe.DynamicFrameCollection keys=[\(keys.map { "'\($0)'" }.joined(separator: ", "))]>" }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "keys":
            return nativeMethod("keys", []) { _, _ in .list(PyList(self.keys.map(PyValue.str))) }
        case "values":
            return nativeMethod("values", []) { _, _ in .list(PyList(self.keys.map { .object(self.frames[$0]!) })) }
        case "select":
            return nativeMethod("select", ["key", .optional("transformation_ctx", .str(""))]) { b, _ in
                self.select(try b.string("key"))
            }
        case "map":
            return nativeMethod("map", ["callable", .optional("transformation_ctx", .str(""))]) { b, runtime in
                try self.map(try b.callable("callable"), ctx: try b.string("transformation_ctx"), runtime)
            }
        case "flatmap":
            return nativeMethod("flatmap", ["f", .optional("transformation_ctx", .str(""))]) { b, runtime in
                try self.flatmap(try b.callable("f"), ctx: try b.string("transformation_ctx"), runtime)
            }
        default:
            return nil
        }
    }

    public func item(_ key: PyValue, runtime: any PyRuntime) throws -> PyValue {
        guard case .str(let k) = key, let f = frames[k] else { throw PyException(.keyError, try runtime.repr(key)) }
        return .object(f)
    }

    public func iterate(runtime: any PyRuntime) throws -> [PyValue]? { keys.map(PyValue.str) }

    public func contains(_ value: PyValue, runtime: any PyRuntime) throws -> Bool? {
        guard case .str(let k) = value else { return false }
        return frames[k] != nil
    }

    public func truthy(runtime: any PyRuntime) throws -> Bool { !keys.isEmpty }

    /// The frame `key`, or an empty frame named `key` (awsglue's `select`).
    func select(_ key: String) -> PyValue {
        if let f = frames[key] { return .object(f) }
        return .object(DynamicFrameObject(DynamicFrame(name: key, batches: []), glueContext: glueContext, environment: environment))
    }

    func map(_ callable: PyValue, ctx: String, _ runtime: any PyRuntime) throws -> PyValue {
        var out: [(String, DynamicFrameObject)] = []
        for k in keys {
            let result = try runtime.call(callable, CallArguments([.object(frames[k]!), .str(ctx + ":" + k)]))
            guard let f = result.object(as: DynamicFrameObject.self) else {
                throw PyException(.typeError, "callable must return a DynamicFrame. Got <class '\(result.typeName)'>")
            }
            out.append((k, f))
        }
        return .object(DynamicFrameCollectionObject(out, glueContext: glueContext, environment: environment))
    }

    func flatmap(_ f: PyValue, ctx: String, _ runtime: any PyRuntime) throws -> PyValue {
        var out: [(String, DynamicFrameObject)] = []
        for k in keys {
            let frame = frames[k]!
            let result = try runtime.call(f, CallArguments([.object(frame), .str(ctx + ":" + frame.name)]))
            if let one = result.object(as: DynamicFrameObject.self) {
                out.append((one.name, one))
            } else if let many = result.object(as: DynamicFrameCollectionObject.self) {
                out += many.keys.map { ($0, many.frames[$0]!) }
            } else {
                throw PyException(.typeError, "Function argument to flatmap must return DynamicFrame or DynamicFrameCollection. Got <class '\(result.typeName)'>")
            }
        }
        return .object(DynamicFrameCollectionObject(out, glueContext: glueContext, environment: environment))
    }

    /// `DynamicFrameCollection(dynamic_frames, glue_ctx)`: a dict of frames, or a list keyed by
    /// each frame's name.
    static func make(_ arguments: CallArguments) throws -> PyValue {
        let b = try arguments.bind("DynamicFrameCollection", ["dynamic_frames", "glue_ctx"])
        var pairs: [(String, DynamicFrameObject)] = []
        switch b["dynamic_frames"] {
        case .dict(let d):
            for (key, value) in d.items {
                guard case .str(let k) = key, let f = value.object(as: DynamicFrameObject.self) else {
                    throw PyException(.typeError, "dynamic_frames must map str keys to DynamicFrames")
                }
                pairs.append((k, f))
            }
        case .list, .tuple:
            for value in b["dynamic_frames"].sequenceItems ?? [] {
                guard let f = value.object(as: DynamicFrameObject.self) else {
                    throw PyException(.typeError, "dynamic_frames must hold DynamicFrames, not \(value.typeName)")
                }
                pairs.append((f.name, f))
            }
        default:
            throw PyException(.typeError, "dynamic_frames must be list or dict.")
        }
        let env = pairs.first?.1.environment ?? GlueFrameEnvironment()
        return .object(DynamicFrameCollectionObject(pairs, glueContext: b["glue_ctx"], environment: env))
    }
}
