import GlueEngine

/// What a running script's `GlueContext` and `Job` ask of the run that hosts them: the
/// connectors, the bookmark calls and the arguments. `JobRunHost` implements it on a real
/// `JobRun`; tests may implement it on anything.
///
/// Options arrive as engine values (``PyDict/engineOptions(_:)``): `paths` is an array of
/// strings, `recurse` a boolean, and so on, as the script wrote them.
public protocol GlueJobHost: AnyObject {
    /// `sys.argv`: the script's name, then `--KEY`, `value` pairs (Glue's special parameters
    /// and the job's arguments).
    var argv: [String] { get }
    /// What frame methods need from the run (spigot's sink, the `--TempDir`), shared by every
    /// frame the script makes.
    var frameEnvironment: GlueFrameEnvironment { get }
    /// `job.init(name, args)`: loads the job's bookmark. `name` is what the script passed.
    func jobInit(name: String) throws
    /// `job.commit()`: saves the bookmark state of every tracked source, atomically.
    func jobCommit() throws
    /// `create_dynamic_frame.from_options(...)`.
    func readDynamicFrame(connectionType: String, connectionOptions: [String: Value], format: String?,
                          formatOptions: [String: Value], transformationCtx: String) throws -> DynamicFrame
    /// `write_dynamic_frame.from_options(...)`.
    func writeDynamicFrame(_ frame: DynamicFrame, connectionType: String, connectionOptions: [String: Value],
                           format: String?, formatOptions: [String: Value], transformationCtx: String) throws
    /// `glueContext.forEachBatch(frame, batch_function, options)` over a streaming source made
    /// by `create_data_frame.from_options` (its connection type, options and
    /// `transformation_ctx`).
    func forEachBatch(connectionType: String, connectionOptions: [String: Value], transformationCtx: String,
                      options: [String: Value], batch: (DynamicFrame, Int) throws -> Void) throws
}
