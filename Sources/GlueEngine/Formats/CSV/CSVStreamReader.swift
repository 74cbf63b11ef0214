import Foundation

/// Reads a large CSV file piece by piece, so a conversion holds one piece in memory instead of
/// the whole file: `next()` returns the records of the next ~`chunkSize` bytes (cut at a line
/// break), typed exactly as `CSVReader` types them, with true line numbers in error records.
///
/// Each piece's batches are typed on their own: a column can be `long` in one piece and a
/// choice in another, as batches of one frame may. With `multiLine` a record may span a line
/// break, so the file is read as one piece.
public final class CSVStreamReader {
    private let handle: FileHandle
    private let source: String
    private let options: CSVOptions
    private let chunkSize: Int
    private let batchSize: Int
    private var carry: [UInt8] = []
    private var names: CSVColumnNames?
    private var line = 1
    private var atEOF = false
    /// The bytes read from the file so far.
    public private(set) var bytesRead: Int64 = 0

    /// Opens `url`; `source` names it in error records.
    public init(url: URL, source: String, options: CSVOptions, chunkSize: Int = 32 << 20, batchSize: Int = 65_536) throws(EngineError) {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .io(path: url.path, reason: "cannot open for reading")
        }
        self.source = source
        self.options = options
        self.chunkSize = options.multiLine ? Int.max : max(1, chunkSize)
        self.batchSize = batchSize
    }

    deinit { try? handle.close() }

    /// The next piece's records, or nil after the last piece.
    public func next() throws(EngineError) -> ReadResult? {
        var buffer = carry
        carry = []
        // Read a piece; read on while it holds no line break to cut at (or, with multiLine, to the end).
        while !atEOF {
            let data: Data?
            do { data = try handle.read(upToCount: options.multiLine ? 1 << 24 : chunkSize) } catch {
                throw .io(path: source, reason: "read failed")
            }
            guard let data, !data.isEmpty else {
                atEOF = true
                break
            }
            bytesRead += Int64(data.count)
            buffer.append(contentsOf: data)
            if !options.multiLine, Self.lastLineBreakEnd(buffer) != nil { break }
        }
        if buffer.isEmpty { return nil }
        var end = buffer.count
        if !atEOF {
            guard let cut = Self.lastLineBreakEnd(buffer) else { return ReadResult() }
            carry = Array(buffer[cut...])
            end = cut
        }
        return try buffer.withUnsafeBufferPointer { raw throws(EngineError) -> ReadResult in
            guard let base = raw.baseAddress else { return ReadResult() }
            var start = 0
            if names == nil {
                let hasBOM = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
                let preamble = try CSVReader.readPreamble(base, from: hasBOM ? 3 : 0, to: end, source: source, options: options)
                (start, line, names) = (preamble.0, preamble.1, preamble.2)
            }
            let body = try CSVReader.readBody(base, from: start, to: end, firstLine: line, names: names ?? CSVColumnNames(),
                                              source: source, options: options, batchSize: batchSize,
                                              parallelMinimumBytes: CSVReader.parallelMinimumBytes)
            line = body.endLine
            return body.result
        }
    }

    /// Just past the last line break in `bytes` (a CRLF kept whole), or nil. A CR that ends the
    /// bytes may be the first half of a CRLF split across reads, so it is not cut after.
    static func lastLineBreakEnd(_ bytes: [UInt8]) -> Int? {
        var i = bytes.count - 1
        if i >= 0 && bytes[i] == 0x0D { i -= 1 }
        while i >= 0 && bytes[i] != 0x0A && bytes[i] != 0x0D { i -= 1 }
        return i >= 0 ? i + 1 : nil
    }
}
