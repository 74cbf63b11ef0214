import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a large CSV file piece by piece, so a conversion holds one piece in memory instead of
/// the whole file: `next()` returns the records of the next ~`chunkSize` bytes (cut at a line
/// break), typed exactly as `CSVReader` types them, with true line numbers in error records.
/// One buffer is reused for every piece (the parsed batches own copies of what they keep), so
/// reading costs no fresh memory per piece.
///
/// Each piece's batches are typed on their own: a column can be `long` in one piece and a
/// choice in another, as batches of one frame may. With `multiLine` a record may span a line
/// break, so the file is read as one piece.
public final class CSVStreamReader {
    private let fd: Int32
    private let source: String
    private let options: CSVOptions
    private let chunkSize: Int
    private let batchSize: Int
    /// The piece being read: `filled` bytes, of which the first `carried` came over from the
    /// last piece (a record cut at the piece's end).
    private var buffer: UnsafeMutableRawBufferPointer
    private var filled = 0
    private var names: CSVColumnNames?
    private var line = 1
    private var atEOF = false
    /// The bytes read from the file so far.
    public private(set) var bytesRead: Int64 = 0

    /// Opens `url`; `source` names it in error records.
    public init(url: URL, source: String, options: CSVOptions, chunkSize: Int = 32 << 20, batchSize: Int = 65_536) throws(EngineError) {
        fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw .io(path: url.path, reason: "cannot open for reading") }
        self.source = source
        self.options = options
        self.chunkSize = max(1, chunkSize)
        self.batchSize = batchSize
        buffer = .allocate(byteCount: max(64, self.chunkSize) * 2, alignment: 16)
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// The next piece's records, or nil after the last piece.
    public func next() throws(EngineError) -> ReadResult? {
        // Read a piece; read on while it holds no line break to cut at (or, with multiLine, to the end).
        var cut: Int?
        while !atEOF {
            if buffer.count - filled < chunkSize { grow() }
            let want = options.multiLine ? buffer.count - filled : min(chunkSize, buffer.count - filled)
            let n = read(fd, buffer.baseAddress! + filled, want)
            guard n >= 0 else { throw .io(path: source, reason: "read failed") }
            if n == 0 {
                atEOF = true
                break
            }
            let scanFrom = filled
            filled += n
            bytesRead += Int64(n)
            if !options.multiLine, let c = Self.lastLineBreakEnd(buffer, upTo: filled, from: scanFrom) {
                cut = c
                break
            }
        }
        if filled == 0 { return nil }
        let end = atEOF ? filled : (cut ?? filled)
        let base = UnsafePointer(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
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
        // Keep the bytes after the cut for the next piece.
        let rest = filled - end
        if rest > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + end, rest) }
        filled = rest
        return body.result
    }

    /// Doubles the buffer (a record longer than a piece, or a multiLine file read whole).
    private func grow() {
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
        if filled > 0 { bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled) }
        buffer.deallocate()
        buffer = bigger
    }

    /// Just past the last line break in `bytes[from..<upTo]` (a CRLF kept whole), or nil.
    static func lastLineBreakEnd(_ bytes: UnsafeMutableRawBufferPointer, upTo end: Int, from start: Int) -> Int? {
        let p = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var i = end - 1
        if i >= start && p[i] == 0x0D { i -= 1 }
        while i >= start && p[i] != 0x0A && p[i] != 0x0D { i -= 1 }
        return i >= start ? i + 1 : nil
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
