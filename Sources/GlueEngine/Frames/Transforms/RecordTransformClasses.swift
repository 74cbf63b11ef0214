// The `awsglue.transforms` classes that work on records, frames and collections, as Glue
// scripts call them: `Filter.apply(frame = f, f = lambda r: ...)`. Each has exactly the
// semantics of the DynamicFrame method it names; see that method's documentation.

/// `Filter.apply(frame, f, ...)`.
public enum Filter {
    public static func apply(frame: DynamicFrame, transformationCtx: String = "", stageThreshold: Int = 0, totalThreshold: Int = 0,
                             f: (DynamicRecord) throws -> Bool) throws(EngineError) -> DynamicFrame {
        try frame.filter(transformationCtx: transformationCtx, stageThreshold: stageThreshold, totalThreshold: totalThreshold, f)
    }
}

/// `Map.apply(frame, f, ...)`.
public enum Map {
    public static func apply(frame: DynamicFrame, transformationCtx: String = "", stageThreshold: Int = 0, totalThreshold: Int = 0,
                             f: (DynamicRecord) throws -> DynamicRecord?) throws(EngineError) -> DynamicFrame {
        try frame.map(transformationCtx: transformationCtx, stageThreshold: stageThreshold, totalThreshold: totalThreshold, f)
    }
}

/// `Join.apply(frame1, frame2, keys1, keys2, transformation_ctx="")`.
public enum Join {
    public static func apply(frame1: DynamicFrame, frame2: DynamicFrame, keys1: [String], keys2: [String],
                             transformationCtx: String = "") throws(EngineError) -> DynamicFrame {
        try frame1.join(paths1: keys1, paths2: keys2, frame2: frame2)
    }
}

/// `SplitRows.apply(frame, comparison_dict, name1="frame1", name2="frame2", ...)`.
public enum SplitRows {
    public static func apply(frame: DynamicFrame, comparisonDict: [String: [String: Value]], name1: String = "frame1",
                             name2: String = "frame2", transformationCtx: String = "") throws(EngineError) -> DynamicFrameCollection {
        try frame.splitRows(comparisonDict, name1: name1, name2: name2)
    }
}

/// `Union.apply(frame1, frame2, ...)`.
public enum Union {
    public static func apply(frame1: DynamicFrame, frame2: DynamicFrame, transformationCtx: String = "") -> DynamicFrame {
        frame1.union(frame2)
    }
}

/// `Spigot.apply(frame, path, options, ...)`: `sink` receives the sampled records for `path`.
public enum Spigot {
    public static func apply(frame: DynamicFrame, path: String, options: [String: Value] = [:], transformationCtx: String = "",
                             sink: ([DynamicRecord]) throws -> Void) throws(EngineError) -> DynamicFrame {
        try frame.spigot(path: path, options: options, sink: sink)
    }
}

/// `Repartition.apply(frame, num_partitions, ...)`.
public enum Repartition {
    public static func apply(frame: DynamicFrame, numPartitions: Int, transformationCtx: String = "") throws(EngineError) -> DynamicFrame {
        try frame.repartition(numPartitions)
    }
}

/// `Coalesce.apply(frame, num_partitions, shuffle=False, ...)`.
public enum Coalesce {
    public static func apply(frame: DynamicFrame, numPartitions: Int, shuffle: Bool = false,
                             transformationCtx: String = "") throws(EngineError) -> DynamicFrame {
        try frame.coalesce(numPartitions, shuffle: shuffle)
    }
}

/// `ErrorsAsDynamicFrame.apply(frame)`.
public enum ErrorsAsDynamicFrame {
    public static func apply(frame: DynamicFrame) -> DynamicFrame {
        frame.errorsAsDynamicFrame()
    }
}

/// `SelectFromCollection.apply(dfc, key, ...)`.
public enum SelectFromCollection {
    public static func apply(dfc: DynamicFrameCollection, key: String) throws(EngineError) -> DynamicFrame {
        try dfc.select(key)
    }
}

/// `MapToCollection.apply(dfc, callable, ...)`: `callable(frame, key)` for each frame.
public enum MapToCollection {
    public static func apply(dfc: DynamicFrameCollection, callable: (DynamicFrame, String) throws -> DynamicFrame) rethrows -> DynamicFrameCollection {
        try dfc.map(callable)
    }
}
