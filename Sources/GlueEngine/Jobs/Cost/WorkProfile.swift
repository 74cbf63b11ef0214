/// The work one job run does, as the engine measured it locally: what `RunTimeModel` turns
/// into the time the same run would take on AWS Glue.
public struct WorkProfile: Sendable, Hashable {
    /// Bytes actually read from storage, by format. For Parquet, count only the column chunks
    /// read (after projection and row-group skipping) — that is where Parquet saves.
    public var bytesRead: [DataFormat: Int64]
    /// Objects listed and opened.
    public var objectsRead: Int
    /// Records passed through the transforms.
    public var recordsProcessed: Int64
    /// Records written to sinks.
    public var recordsWritten: Int64
    /// Bytes written, by format.
    public var bytesWritten: [DataFormat: Int64]
    /// Objects written.
    public var objectsWritten: Int

    /// Creates a work profile; everything defaults to zero.
    public init(
        bytesRead: [DataFormat: Int64] = [:], objectsRead: Int = 0, recordsProcessed: Int64 = 0,
        recordsWritten: Int64 = 0, bytesWritten: [DataFormat: Int64] = [:], objectsWritten: Int = 0
    ) {
        self.bytesRead = bytesRead
        self.objectsRead = objectsRead
        self.recordsProcessed = recordsProcessed
        self.recordsWritten = recordsWritten
        self.bytesWritten = bytesWritten
        self.objectsWritten = objectsWritten
    }

    /// All bytes read, whatever the format.
    public var totalBytesRead: Int64 { bytesRead.values.reduce(0, +) }

    /// The sum of two profiles (several sources in one run).
    public static func + (lhs: WorkProfile, rhs: WorkProfile) -> WorkProfile {
        WorkProfile(
            bytesRead: lhs.bytesRead.merging(rhs.bytesRead, uniquingKeysWith: +),
            objectsRead: lhs.objectsRead + rhs.objectsRead,
            recordsProcessed: lhs.recordsProcessed + rhs.recordsProcessed,
            recordsWritten: lhs.recordsWritten + rhs.recordsWritten,
            bytesWritten: lhs.bytesWritten.merging(rhs.bytesWritten, uniquingKeysWith: +),
            objectsWritten: lhs.objectsWritten + rhs.objectsWritten)
    }
}
