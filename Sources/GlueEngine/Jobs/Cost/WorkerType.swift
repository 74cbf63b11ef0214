import Foundation

/// A Glue worker type with its capacity (fact sheet §6, from the API/CDK descriptions and the
/// current worker-types page).
///
/// `dpu` is what the worker is billed as. `Z.2X` is 2 M-DPU (Ray) and is billed here as 2 DPU;
/// `Standard` is the legacy (0.9/1.0) worker: 4 vCPU, 16 GB, 2 executors, billed as 1 DPU.
/// Disks follow the API text (the newer worker page lists larger disks for G.1X/G.2X).
public enum WorkerType: String, Sendable, CaseIterable, Hashable, Codable {
    case g025x = "G.025X"
    case g1x = "G.1X"
    case g2x = "G.2X"
    case g4x = "G.4X"
    case g8x = "G.8X"
    case g12x = "G.12X"
    case g16x = "G.16X"
    case z2x = "Z.2X"
    case standard = "Standard"

    /// Parses Glue's worker type name (`G.1X`, `g.1x`, `Standard`, ...), case-insensitively.
    public init(name: String) throws(EngineError) {
        let key = name.trimmingCharacters(in: .whitespaces).uppercased()
        guard let type = WorkerType.allCases.first(where: { $0.rawValue.uppercased() == key }) else {
            let known = WorkerType.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidOption(name: "WorkerType", value: name, reason: "known worker types are \(known)")
        }
        self = type
    }

    /// DPUs billed per worker.
    public var dpu: Double {
        switch self {
        case .g025x: 0.25
        case .g1x, .standard: 1
        case .g2x, .z2x: 2
        case .g4x: 4
        case .g8x: 8
        case .g12x: 12
        case .g16x: 16
        }
    }

    /// Virtual CPUs per worker.
    public var vCPU: Int {
        switch self {
        case .g025x: 2
        case .g1x, .standard: 4
        case .g2x, .z2x: 8
        case .g4x: 16
        case .g8x: 32
        case .g12x: 48
        case .g16x: 64
        }
    }

    /// Memory per worker, in GB.
    public var memoryGB: Int {
        switch self {
        case .g025x: 4
        case .g1x, .standard: 16
        case .g2x: 32
        case .g4x, .z2x: 64
        case .g8x: 128
        case .g12x: 192
        case .g16x: 256
        }
    }

    /// Disk per worker, in GB (API text; `Standard` 50 GB).
    public var diskGB: Int {
        switch self {
        case .g025x, .g1x: 64
        case .standard: 50
        case .g2x, .z2x: 128
        case .g4x: 256
        case .g8x: 512
        case .g12x: 768
        case .g16x: 1024
        }
    }

    /// Whether this is a Spark (`G.*`) worker type.
    public var isSparkWorker: Bool { self != .z2x && self != .standard }

    /// The first Glue version that offers this worker type. G.4X–G.16X: "available only for AWS
    /// Glue version 3.0 or later jobs" (CDK WorkerType descriptions); G.025X: streaming on 3.0+
    /// (API text); Z.2X: Ray, which runs on Glue 4.0+.
    public var minimumGlueVersion: GlueVersion {
        switch self {
        case .g4x, .g8x, .g12x, .g16x: .v3_0
        case .g025x: .v3_0
        case .z2x: .v4_0
        case .g1x, .g2x, .standard: .v0_9
        }
    }
}
