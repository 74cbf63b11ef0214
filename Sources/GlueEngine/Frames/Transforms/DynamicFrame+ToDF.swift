/// How `toDF` resolves one choice (Python's `awsglue.dynamicframe.ResolveOption`).
///
/// `action` is `KeepAsStruct`, `Project` or `Cast` (read case-insensitively); `Project` and
/// `Cast` need a `target` type.
public struct ResolveOption: Hashable, Sendable {
    /// The path of the choice (`a.b.c`, backticks and `[]` as in `resolveChoice`).
    public var path: String
    /// `KeepAsStruct`, `Project` or `Cast`.
    public var action: String
    /// The type for `Project` and `Cast` (Python passes a Spark type, e.g. `DoubleType()`).
    public var target: DataType?

    public init(path: String, action: String, target: DataType? = nil) {
        self.path = path
        self.action = action
        self.target = target
    }
}

extension DynamicFrame {
    /// Converts the frame to a DataFrame, whose columns each have one type.
    ///
    /// `options` resolve chosen choices first (`KeepAsStruct` = `make_struct`, `Project` =
    /// `project:`, `Cast` = `cast:`). **Every choice left is kept as a struct** with one field
    /// per member type, as `make_struct` makes it — that is what gluelab does; Glue's Scala doc
    /// says toDF "automatically converts ChoiceType columns into StructTypes", and the Python
    /// doc does not say. Then every batch is shaped to the one schema (missing columns as typed
    /// nulls, values cast).
    /// - Throws: `EngineError.transform(name: "toDF", ...)` with Python's text "Missing target type
    ///   for resolve action Cast." when `Project`/`Cast` has no target; `invalidOption` for an
    ///   unknown action; `resolveChoice`'s errors for a bad path.
    public func toDF(options: [ResolveOption] = []) throws(EngineError) -> DataFrame {
        var specs: [(path: String, action: String)] = []
        for option in options {
            let action = option.action.lowercased()
            if action != "keepasstruct" && option.target == nil {
                throw .transform(name: "toDF", message: "Missing target type for resolve action \(option.action).")
            }
            switch (action, option.target) {
            case ("keepasstruct", _): specs.append((option.path, "make_struct"))
            case ("project", let t?): specs.append((option.path, "project:" + t.typeName))
            case ("cast", let t?): specs.append((option.path, "cast:" + t.typeName))
            default:
                throw .invalidOption(name: "ResolveOption action", value: option.action,
                                     reason: "expected KeepAsStruct, Project or Cast")
            }
        }
        var frame = self
        if !specs.isEmpty {
            frame = try frame.resolveChoice(specs: specs, choice: nil, catalogSchema: nil, columnar: true)
        }
        if frame.schema().fields.contains(where: { $0.type.containsChoice }) {
            frame = try frame.resolveChoice(specs: nil, choice: "make_struct", catalogSchema: nil, columnar: true)
        }
        return DataFrame(schema: frame.schema(), batches: frame.batches)
    }

    /// A DynamicFrame of a DataFrame's rows (Glue's `DynamicFrame.fromDF(df, glue_ctx, name)`).
    /// The columns keep their DataFrame types, even where every value is null.
    public static func fromDF(_ df: DataFrame, name: String) -> DynamicFrame {
        DynamicFrame(name: name, batches: df.batches)
    }
}
