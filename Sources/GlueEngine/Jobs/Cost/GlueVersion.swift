import Foundation

/// A Glue version (`GlueVersion` in the job definition) with the Spark and Python it runs.
///
/// Versions 2.0–6.0 come from the aws-glue-libs branch table (fact sheet §6). 0.9 and 1.0
/// are deprecated; their Spark/Python versions (2.2.1 / 2.4.3, Python 2.7 / 3.6) are given
/// for completeness and only 1.0's Spark 2.4.3 is in the fact sheet.
public enum GlueVersion: String, Sendable, CaseIterable, Hashable, Codable, Comparable {
    case v0_9 = "0.9"
    case v1_0 = "1.0"
    case v2_0 = "2.0"
    case v3_0 = "3.0"
    case v4_0 = "4.0"
    case v5_0 = "5.0"
    case v5_1 = "5.1"
    case v6_0 = "6.0"

    /// The version gluelab assumes when a job names none. (The Glue API historically fell back
    /// to 0.9; gluelab picks a current version because 0.9 is deprecated.)
    public static let `default`: GlueVersion = .v5_0

    /// Parses `"4.0"`, `"4"` or `"5.1"`.
    public init(name: String) throws(EngineError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let key = trimmed.contains(".") ? trimmed : trimmed + ".0"
        guard let version = GlueVersion(rawValue: key) else {
            let known = GlueVersion.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidOption(name: "GlueVersion", value: name, reason: "known Glue versions are \(known)")
        }
        self = version
    }

    /// The Apache Spark version of this Glue version.
    public var sparkVersion: String {
        switch self {
        case .v0_9: "2.2.1"
        case .v1_0, .v2_0: "2.4.3"
        case .v3_0: "3.1.1"
        case .v4_0: "3.3.0"
        case .v5_0: "3.5.4"
        case .v5_1: "3.5.6"
        case .v6_0: "4.1.1"
        }
    }

    /// The Python version of this Glue version's Spark jobs.
    public var pythonVersion: String {
        switch self {
        case .v0_9: "2.7"
        case .v1_0: "3.6"
        case .v2_0, .v3_0: "3.7"
        case .v4_0: "3.10"
        case .v5_0, .v5_1: "3.11"
        case .v6_0: "3.13"
        }
    }

    /// Whether this is a deprecated pre-2.0 version (MaxCapacity, 10-minute billing minimum).
    public var isLegacy: Bool { self < .v2_0 }

    private var order: Int { GlueVersion.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: GlueVersion, rhs: GlueVersion) -> Bool { lhs.order < rhs.order }
}
