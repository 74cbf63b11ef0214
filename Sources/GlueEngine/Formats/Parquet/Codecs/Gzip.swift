import CZlib

/// GZIP page compression through the system zlib (RFC 1952 members around DEFLATE data).
///
/// `compress` writes one gzip member at zlib's default level (6), as parquet-mr and Spark do.
/// `decompress` reads what writers actually produce: one gzip member, several concatenated
/// members, or a zlib (RFC 1950) stream, which zlib tells apart by the header.
public enum Gzip {
    /// zlib's `windowBits`: 15 (a 32 KiB window) + 16 = write a gzip wrapper.
    private static let gzipWindowBits: Int32 = 15 + 16
    /// 15 + 32 = detect a gzip or zlib header when reading.
    private static let autoDetectWindowBits: Int32 = 15 + 32
    /// DEFLATE expands at most about 1032 times; a larger expected size is refused before
    /// anything is allocated.
    private static let maxExpansion = 1032

    /// Compresses `input` to one gzip member.
    ///
    /// - Throws: `EngineError.unsupported` for an input of 2 GiB or more (larger than any
    ///   Parquet page), `EngineError.io` if zlib fails (out of memory).
    public static func compress(_ input: [UInt8]) throws(EngineError) -> [UInt8] {
        guard input.count < Int(Int32.max) else {
            throw .unsupported(what: "gzip input of \(input.count) bytes", reason: "a page must be smaller than 2 GiB")
        }
        var stream = z_stream()
        let initCode = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzipWindowBits, 8,
                                     Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else { throw zlibError("deflateInit2", initCode, stream) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let code = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                var code = Z_OK
                // With room for deflateBound bytes one call finishes; loop while zlib progresses.
                while code == Z_OK { code = deflate(&stream, Z_FINISH) }
                return code
            }
        }
        guard code == Z_STREAM_END else { throw zlibError("deflate", code, stream) }
        output.removeLast(bound - Int(stream.total_out))
        return output
    }

    /// Decompresses gzip (one or more members) or zlib data to exactly `expectedSize` bytes.
    ///
    /// - Throws: `EngineError.malformedInput` with source `gzip` for corrupt or truncated
    ///   data, a bad checksum, or an output that is not `expectedSize` bytes long.
    public static func decompress(_ input: ArraySlice<UInt8>, expectedSize: Int) throws(EngineError) -> [UInt8] {
        guard expectedSize >= 0, input.count < Int(Int32.max), expectedSize < Int(Int32.max),
              expectedSize <= input.count * maxExpansion + 64 else {
            throw malformed("the expected size is impossible for the data's size",
                            "\(expectedSize) bytes from \(input.count)")
        }
        var stream = z_stream()
        let initCode = inflateInit2_(&stream, autoDetectWindowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else { throw zlibError("inflateInit2", initCode, stream) }
        defer { inflateEnd(&stream) }
        // One spare byte: output beyond `expectedSize` is then seen, not just stopped at.
        var output = [UInt8](repeating: 0, count: expectedSize + 1)
        let code = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                while true {
                    let code = inflate(&stream, Z_NO_FLUSH)
                    guard code == Z_STREAM_END else {
                        if code == Z_OK && stream.avail_out > 0 { continue }
                        return code
                    }
                    // The end of one member: another may follow.
                    if stream.avail_in == 0 { return code }
                    let resetCode = inflateReset(&stream)
                    guard resetCode == Z_OK else { return resetCode }
                }
            }
        }
        // Not `total_out`: inflateReset clears it between members.
        let produced = expectedSize + 1 - Int(stream.avail_out)
        switch code {
        case Z_STREAM_END:
            break
        case Z_OK, Z_BUF_ERROR:
            // Z_OK: the spare byte was filled; Z_BUF_ERROR: no progress, out of room or input.
            if produced > expectedSize {
                throw malformed("the data decompresses to more than the expected size", "over \(expectedSize) bytes")
            }
            throw malformed("the data is truncated", "\(produced) of \(expectedSize) bytes decompressed")
        case Z_DATA_ERROR, Z_NEED_DICT:
            throw malformed("the data is corrupt", message(stream) ?? "zlib code \(code)")
        default:
            throw zlibError("inflate", code, stream)
        }
        if produced > expectedSize {
            throw malformed("the data decompresses to more than the expected size", "over \(expectedSize) bytes")
        }
        if produced < expectedSize {
            throw malformed("the data decompresses to less than the expected size", "\(produced) of \(expectedSize) bytes")
        }
        output.removeLast()
        return output
    }

    private static func malformed(_ reason: String, _ value: String) -> EngineError {
        .malformedInput(source: "gzip", line: 0, reason: reason, value: value)
    }

    private static func message(_ stream: z_stream) -> String? {
        stream.msg.map { String(cString: $0) }
    }

    private static func zlibError(_ call: String, _ code: Int32, _ stream: z_stream) -> EngineError {
        .io(path: "zlib", reason: "\(call) failed with code \(code)\(message(stream).map { ": \($0)" } ?? "")")
    }
}
