import Foundation

/// The kind of Glue job, by the `Command.Name` Glue's `CreateJob` API takes.
///
/// - `glueetl`: Spark batch ETL (the default, and the only type Flex can run).
/// - `gluestreaming`: Spark Structured Streaming (Kinesis / Kafka sources).
/// - `pythonshell`: a plain Python process on 0.0625 or 1 DPU, no Spark.
/// - `glueray`: distributed Python on Ray, on `Z.2X` workers.
public enum JobType: String, Sendable, CaseIterable, Hashable, Codable {
    case glueetl
    case gluestreaming
    case pythonshell
    case glueray

    /// Parses Glue's command name. Glue spells these in lower case; the parse is
    /// case-insensitive and ignores surrounding spaces so that `GlueETL` is accepted too.
    public init(commandName: String) throws(EngineError) {
        let key = commandName.trimmingCharacters(in: .whitespaces).lowercased()
        guard let type = JobType(rawValue: key) else {
            throw .invalidOption(
                name: "Command.Name", value: commandName,
                reason: "the job command must be one of glueetl, gluestreaming, pythonshell, glueray")
        }
        self = type
    }

    /// Whether the job runs Apache Spark (`glueetl` or `gluestreaming`).
    public var isSpark: Bool { self == .glueetl || self == .gluestreaming }

    /// A short human name for messages ("Spark ETL", "Python shell", ...).
    public var displayName: String {
        switch self {
        case .glueetl: "Spark ETL (glueetl)"
        case .gluestreaming: "Spark streaming (gluestreaming)"
        case .pythonshell: "Python shell (pythonshell)"
        case .glueray: "Ray (glueray)"
        }
    }
}

/// Glue's `ExecutionClass`: `STANDARD` (dedicated capacity, the default) or `FLEX`
/// (spare capacity: cheaper, start and run times vary, workers may be reclaimed mid-run).
public enum ExecutionClass: String, Sendable, CaseIterable, Hashable, Codable {
    case standard = "STANDARD"
    case flex = "FLEX"

    /// Parses `STANDARD` or `FLEX` (case-insensitive).
    public init(name: String) throws(EngineError) {
        guard let value = ExecutionClass(rawValue: name.trimmingCharacters(in: .whitespaces).uppercased()) else {
            throw .invalidOption(name: "ExecutionClass", value: name, reason: "the execution class must be STANDARD or FLEX")
        }
        self = value
    }
}
