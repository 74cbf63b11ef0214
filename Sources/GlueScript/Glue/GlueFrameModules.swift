import GlueEngine

/// The script modules of DynamicFrames and transforms, for the module registry:
///
/// - `awsglue.transforms`: every transform class (`ApplyMapping`, `ResolveChoice`, ...,
///   `FlatMap`);
/// - `awsglue.dynamicframe`: `DynamicFrame` (with the class method `fromDF`),
///   `DynamicFrameCollection`, `ResolveOption`.
///
/// The `awsglue` package itself is built by the job runner; it should take
/// ``awsglueMembers(from:)`` (`DynamicFrame`, so that `from awsglue import DynamicFrame` gives
/// the same class object as `awsglue.dynamicframe.DynamicFrame`) and the two modules above as
/// its `transforms` and `dynamicframe` members (a `ModuleRegistry` links those by name).
public enum GlueFrameModules {
    /// `awsglue.transforms` and `awsglue.dynamicframe`, each built fresh.
    public static func modules() -> [PyModule] {
        let transforms = PyModule(name: "awsglue.transforms")
        for cls in GlueTransformClass.all() { transforms.members[cls.name] = .object(cls) }
        let dynamicframe = PyModule(name: "awsglue.dynamicframe", members: [
            "DynamicFrame": dynamicFrameClass(),
            "DynamicFrameCollection": .object(NativeClass("DynamicFrameCollection", module: "awsglue.dynamicframe") { arguments, _ in
                try DynamicFrameCollectionObject.make(arguments)
            }),
            "ResolveOption": .object(NativeClass("ResolveOption", module: "awsglue.dynamicframe") { arguments, _ in
                try ResolveOptionObject.make(arguments)
            }),
        ])
        return [transforms, dynamicframe]
    }

    /// The members the `awsglue` package gets from `modules` (as ``modules()`` made them):
    /// `DynamicFrame`, the very class object of `awsglue.dynamicframe`.
    public static func awsglueMembers(from modules: [PyModule]) -> [String: PyValue] {
        guard let cls = modules.first(where: { $0.name == "awsglue.dynamicframe" })?.members["DynamicFrame"] else { return [:] }
        return ["DynamicFrame": cls]
    }

    /// The `DynamicFrame` class: `DynamicFrame.fromDF(dataframe, glue_ctx, name)`. Calling the
    /// class itself (`DynamicFrame(jdf, glue_ctx, name)`) needs a JVM frame, which scripts never
    /// have: it raises a `TypeError` pointing to `fromDF`.
    static func dynamicFrameClass() -> PyValue {
        let fromDF = nativeMethod("fromDF", ["dataframe", "glue_ctx", "name"]) { b, _ in
            let df = try b.object("dataframe", as: DataFrameObject.self, typeName: "DataFrame")
            let name = try b.string("name")
            let context = b["glue_ctx"].isNone ? df.glueContext : b["glue_ctx"]
            return .object(DynamicFrameObject(DynamicFrame.fromDF(df.dataFrame, name: name), glueContext: context,
                                              environment: df.environment))
        }
        return .object(NativeClass("DynamicFrame", module: "awsglue.dynamicframe", members: ["fromDF": fromDF]) { _, _ in
            throw PyException(.typeError, "DynamicFrame(jdf, glue_ctx, name) wraps a JVM frame, which gluelab scripts do not have; "
                + "use glueContext.create_dynamic_frame.from_options(...) or DynamicFrame.fromDF(dataframe, glueContext, name)")
        })
    }
}
