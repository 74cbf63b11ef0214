import Foundation

/// Where a `ParquetWriter` sends the file's bytes, in order.
public protocol ParquetOutput: AnyObject {
    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(EngineError)
}

/// Collects the file in memory.
public final class ParquetBufferOutput: ParquetOutput {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws(EngineError) {
        self.bytes.append(contentsOf: bytes)
    }
}

/// Writes the file to an open `FileHandle` (such as the one the object store's atomic `write`
/// hands to its body).
public final class ParquetFileOutput: ParquetOutput {
    private let handle: FileHandle
    /// Names the file in errors.
    private let path: String

    public init(_ handle: FileHandle, path: String = "parquet output") {
        self.handle = handle
        self.path = path
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(EngineError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw .io(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
