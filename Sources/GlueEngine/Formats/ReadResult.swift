/// What a format reader returns: the records it could read, as column batches, and an error
/// record for every input record it could not read (Glue keeps those beside the frame instead
/// of failing the job, unless `isFailFast` is set).
public struct ReadResult: Sendable { public var batches: [RecordBatch]; public var errors: [ErrorRecord]; public init(batches: [RecordBatch] = [], errors: [ErrorRecord] = []) { self.batches = batches; self.errors = errors } }
