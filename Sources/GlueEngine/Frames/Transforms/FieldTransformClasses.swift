// The `awsglue.transforms` classes that reshape fields, as Glue scripts call them:
// `ApplyMapping.apply(frame = f, mappings = [...])`. Each has exactly the semantics of the
// DynamicFrame method it names; see that method's documentation.

/// `ApplyMapping.apply(frame, mappings, case_sensitive=False, ...)`.
public enum ApplyMapping {
    public static func apply(frame: DynamicFrame, mappings: [Mapping], caseSensitive: Bool = false, transformationCtx: String = "",
                             stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        try frame.applyMapping(mappings, caseSensitive: caseSensitive, transformationCtx: transformationCtx,
                               stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}

/// `ResolveChoice.apply(frame, specs=None, choice="", ...)`.
public enum ResolveChoice {
    public static func apply(frame: DynamicFrame, specs: [(path: String, action: String)]? = nil, choice: String? = nil,
                             transformationCtx: String = "", stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        try frame.resolveChoice(specs: specs, choice: choice, transformationCtx: transformationCtx,
                                stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}

/// `SelectFields.apply(frame, paths, ...)`.
public enum SelectFields {
    public static func apply(frame: DynamicFrame, paths: [String], transformationCtx: String = "",
                             stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        try frame.selectFields(paths, transformationCtx: transformationCtx, stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}

/// `DropFields.apply(frame, paths, ...)`.
public enum DropFields {
    public static func apply(frame: DynamicFrame, paths: [String], transformationCtx: String = "",
                             stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        try frame.dropFields(paths, transformationCtx: transformationCtx, stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}

/// `RenameField.apply(frame, old_name, new_name, ...)`.
public enum RenameField {
    public static func apply(frame: DynamicFrame, oldName: String, newName: String, transformationCtx: String = "",
                             stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        try frame.renameField(oldName, newName, transformationCtx: transformationCtx, stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}

/// `SplitFields.apply(frame, paths, name1=None, name2=None, ...)`: the names default to the
/// frame's name followed by `1` and `2`.
public enum SplitFields {
    public static func apply(frame: DynamicFrame, paths: [String], name1: String? = nil, name2: String? = nil,
                             transformationCtx: String = "", stageThreshold: Int = 0,
                             totalThreshold: Int = 0) throws(EngineError) -> DynamicFrameCollection {
        try frame.splitFields(paths, name1: name1 ?? frame.name + "1", name2: name2 ?? frame.name + "2",
                              transformationCtx: transformationCtx, stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}

/// `UnnestFrame.apply(frame, ...)`.
public enum UnnestFrame {
    public static func apply(frame: DynamicFrame, transformationCtx: String = "", stageThreshold: Int = 0,
                             totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        try frame.unnest(transformationCtx: transformationCtx, stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}

/// `DropNullFields.apply(frame, ...)`.
public enum DropNullFields {
    public static func apply(frame: DynamicFrame, transformationCtx: String = "", stageThreshold: Int = 0,
                             totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        try frame.dropNullFields(transformationCtx: transformationCtx, stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}

/// `Relationalize.apply(frame, staging_path, name="roottable", options=None, ...)`.
public enum Relationalize {
    public static func apply(frame: DynamicFrame, stagingPath: String = "", name: String = "roottable",
                             options: [String: String] = [:], transformationCtx: String = "", stageThreshold: Int = 0,
                             totalThreshold: Int = 0) throws(EngineError) -> DynamicFrameCollection {
        try frame.relationalize(rootTableName: name, stagingPath: stagingPath, options: options, transformationCtx: transformationCtx,
                                stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}

/// `Unbox.apply(frame, path, format, ...)`.
public enum Unbox {
    public static func apply(frame: DynamicFrame, path: String, format: String, options: [String: Value] = [:],
                             transformationCtx: String = "", stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        try frame.unbox(path, format: format, options: options, transformationCtx: transformationCtx,
                        stageThreshold: stageThreshold, totalThreshold: totalThreshold)
    }
}
