import GlueEngine

// The field transforms of `DynamicFrame`: methods and the shared implementations the
// `awsglue.transforms` classes call.
extension DynamicFrameObject {
    func fieldMethod(_ name: String) -> PyValue? {
        let stage = StageArguments.parameters
        switch name {
        case "apply_mapping", "applyMapping":
            let parameters: [ParameterSpec] = ["mappings", .optional("case_sensitive", .bool(false))] + stage
            if name == "applyMapping" {
                // awsglue's applyMapping(*args, **kwargs) drops a leading DynamicFrame argument.
                return .builtin(PyBuiltin("applyMapping") { arguments, runtime in
                    var arguments = arguments
                    if arguments.positional.first?.object(as: DynamicFrameObject.self) != nil { arguments.positional.removeFirst() }
                    let b = try arguments.bind("apply_mapping", parameters)
                    return try self.applyMapping(b["mappings"], caseSensitive: try b.bool("case_sensitive"), try StageArguments(b))
                })
            }
            return nativeMethod(name, parameters) { b, _ in
                try self.applyMapping(b["mappings"], caseSensitive: try b.bool("case_sensitive"), try StageArguments(b))
            }
        case "resolveChoice":
            return nativeMethod(name, [.optional("specs"), .optional("choice", .str("")), .optional("database"),
                                       .optional("table_name")] + stage + [.optional("catalog_id")]) { b, _ in
                try self.resolveChoice(b["specs"], choice: try b.optionalString("choice") ?? "", database: try b.optionalString("database"),
                                       tableName: try b.optionalString("table_name"), catalogId: try b.optionalString("catalog_id"),
                                       try StageArguments(b))
            }
        case "select_fields":
            return nativeMethod(name, ["paths"] + stage) { b, _ in try self.selectFields(try b.paths("paths"), try StageArguments(b)) }
        case "drop_fields":
            return nativeMethod(name, ["paths"] + stage) { b, _ in try self.dropFields(try b.paths("paths"), try StageArguments(b)) }
        case "rename_field":
            return nativeMethod(name, ["oldName", "newName"] + stage) { b, _ in
                try self.renameField(try b.string("oldName"), try b.string("newName"), try StageArguments(b))
            }
        case "split_fields":
            return nativeMethod(name, ["paths", "name1", "name2"] + stage) { b, _ in
                try self.splitFields(try b.paths("paths"), try b.string("name1"), try b.string("name2"), try StageArguments(b))
            }
        case "split_rows":
            return nativeMethod(name, ["comparison_dict", "name1", "name2"] + stage) { b, _ in
                try self.splitRows(b, try b.string("name1"), try b.string("name2"), try StageArguments(b))
            }
        case "unbox":
            return nativeMethod(name, ["path", "format"] + stage, extraKeywords: true) { b, _ in
                try self.unbox(try b.string("path"), try b.string("format"), b.extra, try StageArguments(b))
            }
        case "unnest":
            return nativeMethod(name, stage) { b, _ in try self.unnest(try StageArguments(b)) }
        case "relationalize":
            return nativeMethod(name, ["root_table_name", "staging_path", .optional("options", .dict(PyDict()))] + stage) { b, _ in
                try self.relationalize(try b.string("root_table_name"), stagingPath: try b.string("staging_path"),
                                       options: try b.engineOptions("options"), try StageArguments(b))
            }
        default:
            return nil
        }
    }

    func applyMapping(_ mappings: PyValue, caseSensitive: Bool, _ s: StageArguments) throws -> PyValue {
        let tuples: [PyValue]
        if case .tuple = mappings { tuples = [mappings] } else if let items = mappings.sequenceItems { tuples = items } else {
            throw PyException(.typeError, "apply_mapping() argument 'mappings' must be a list of tuples, not \(mappings.typeName)")
        }
        let parsed = try tuples.map { tuple throws -> Mapping in
            guard case .tuple(let items) = tuple else {
                throw PyException(.typeError, "Mapping must be specified as a tuple. Got \(tuple.typeName)")
            }
            guard (2...4).contains(items.count) else {
                throw PyException(.valueError, "Mapping tuple must be of length 2, 3, or 4Got tuple of length \(items.count)")
            }
            let texts = try items.map { item throws -> String in
                guard case .str(let s) = item else {
                    throw PyException(.typeError, "Mapping tuple elements must be str (paths and type names), not \(item.typeName)")
                }
                return s
            }
            return try Mapping(tuple: texts)
        }
        return derive(try frame.applyMapping(parsed, caseSensitive: caseSensitive, transformationCtx: s.transformationCtx,
                                             stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold))
    }

    func resolveChoice(_ specs: PyValue, choice: String, database: String?, tableName: String?, catalogId: String?,
                       _ s: StageArguments) throws -> PyValue {
        var parsed: [(path: String, action: String)]?
        if !specs.isNone {
            let list: [PyValue]
            if case .tuple = specs { list = [specs] } else if let items = specs.sequenceItems { list = items } else {
                throw PyException(.typeError, "resolveChoice() argument 'specs' must be a list of (path, action) tuples, not \(specs.typeName)")
            }
            parsed = try list.map { spec throws -> (path: String, action: String) in
                guard let items = spec.sequenceItems else {
                    throw PyException(.typeError, "cannot unpack non-iterable \(spec.typeName) object")
                }
                guard items.count == 2 else {
                    throw PyException(.valueError, items.count > 2 ? "too many values to unpack (expected 2)"
                        : "not enough values to unpack (expected 2, got \(items.count))")
                }
                guard case .str(let path) = items[0], case .str(let action) = items[1] else {
                    throw PyException(.typeError, "resolveChoice() specs must be (str, str) tuples, not (\(items[0].typeName), \(items[1].typeName))")
                }
                return (path, action)
            }
        }
        var catalog: StructType?
        if database != nil || tableName != nil {
            guard let database, let tableName else {
                throw PyException(.valueError, "resolveChoice() needs both database and table_name to match a Data Catalog table")
            }
            guard let lookup = environment.catalogSchema else {
                throw EngineError.unsupported(what: "resolveChoice(database=\"\(database)\", table_name=\"\(tableName)\")",
                                              reason: "the Data Catalog is not available in this gluelab version")
            }
            catalog = try lookup(database, tableName, catalogId)
        }
        return derive(try frame.resolveChoice(specs: parsed, choice: choice, catalogSchema: catalog, transformationCtx: s.transformationCtx,
                                              stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold))
    }

    func selectFields(_ paths: [String], _ s: StageArguments) throws -> PyValue {
        derive(try frame.selectFields(paths, transformationCtx: s.transformationCtx, stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold))
    }

    func dropFields(_ paths: [String], _ s: StageArguments) throws -> PyValue {
        derive(try frame.dropFields(paths, transformationCtx: s.transformationCtx, stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold))
    }

    func renameField(_ old: String, _ new: String, _ s: StageArguments) throws -> PyValue {
        derive(try frame.renameField(old, new, transformationCtx: s.transformationCtx, stageThreshold: s.stageThreshold,
                                     totalThreshold: s.totalThreshold))
    }

    func splitFields(_ paths: [String], _ name1: String, _ name2: String, _ s: StageArguments) throws -> PyValue {
        let c = try frame.splitFields(paths, name1: name1, name2: name2, transformationCtx: s.transformationCtx,
                                      stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold)
        return deriveCollection(c.keys.map { ($0, c[$0]!) })
    }

    /// `comparison_dict` is `{path: {operator: constant}}`.
    func splitRows(_ b: BoundArguments, _ name1: String, _ name2: String, _ s: StageArguments) throws -> PyValue {
        guard case .dict(let outer) = b["comparison_dict"] else {
            throw PyException(.typeError, "\(b.function)() argument 'comparison_dict' must be dict, not \(b["comparison_dict"].typeName)")
        }
        var comparisons: [String: [String: Value]] = [:]
        for (key, value) in outer.items {
            guard case .str(let path) = key, case .dict(let inner) = value else {
                throw PyException(.typeError, "\(b.function)() comparison_dict must map str paths to dicts of {operator: value}")
            }
            comparisons[path] = try inner.engineOptions("\(b.function)() comparison operators")
        }
        let c = try frame.splitRows(comparisons, name1: name1, name2: name2)
        for f in c.values {
            try f.checkThresholds(transformation: "SplitRows", stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold)
        }
        return deriveCollection(c.keys.map { ($0, c[$0]!) })
    }

    func unbox(_ path: String, _ format: String, _ options: [(name: String, value: PyValue)], _ s: StageArguments) throws -> PyValue {
        var engineOptions: [String: Value] = [:]
        for (name, value) in options { engineOptions[name] = try value.engineValue() }
        return derive(try frame.unbox(path, format: format, options: engineOptions, transformationCtx: s.transformationCtx,
                                      stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold))
    }

    func unnest(_ s: StageArguments) throws -> PyValue {
        derive(try frame.unnest(transformationCtx: s.transformationCtx, stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold))
    }

    func dropNullFields(_ s: StageArguments) throws -> PyValue {
        derive(try frame.dropNullFields(transformationCtx: s.transformationCtx, stageThreshold: s.stageThreshold, totalThreshold: s.totalThreshold))
    }

    func relationalize(_ root: String, stagingPath: String, options: [String: Value], _ s: StageArguments) throws -> PyValue {
        let c = try frame.relationalize(rootTableName: root, stagingPath: stagingPath, options: options.mapValues(\.plainText),
                                        transformationCtx: s.transformationCtx, stageThreshold: s.stageThreshold,
                                        totalThreshold: s.totalThreshold)
        return deriveCollection(c.keys.map { ($0, c[$0]!) })
    }
}
