import Foundation
import GlueEngine

/// Where commands print: standard output for results, standard error for errors and notes.
enum Output {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    /// Prints `text` and a newline on standard output.
    static func line(_ text: String = "") {
        write(text)
        buffer.append(10)
    }

    /// Prints `text` on standard output, without a newline.
    static func write(_ text: String) {
        var t = text
        t.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count > 1 << 16 { flush() }
    }

    /// Prints raw bytes on standard output.
    static func bytes(_ data: some Collection<UInt8>) {
        flush()
        let d = Data(data)
        FileHandle.standardOutput.write(d)
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Prints `error: <message>` on standard error.
    static func error(_ message: String) {
        flush()
        FileHandle.standardError.write(Data("\(Style.red.err("error:")) \(message)\n".utf8))
    }

    /// Prints a note on standard error (so data on standard output stays clean).
    static func note(_ message: String) {
        flush()
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Prints a record as one line of JSON (keys in the record's order).
    static func json(_ record: DynamicRecord) {
        line(record.jsonText())
    }
}
