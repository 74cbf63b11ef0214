import Foundation
import Testing
@testable import GlueEngine

@Suite struct CSVStreamReaderTests {
    /// Reading in small pieces gives the records, types and error lines of one whole read.
    @Test(arguments: [7, 64, 1000, 1 << 20])
    func piecesMatchAWholeRead(chunkSize: Int) throws {
        var text = "\u{FEFF}id,name,amount\r\n"
        for i in 1...300 {
            text += i == 150 ? "\(i),\"broken\r\n" : "\(i),\"n, \(i)\",\(i % 7 == 0 ? "n/a" : String(Double(i) / 4))\r\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let options = try CSVOptions(glueOptions: ["withHeader": .boolean(true)])
        let whole = try CSVReader.read(Data(text.utf8), source: "f.csv", options: options)
        let stream = try CSVStreamReader(url: url, source: "f.csv", options: options, chunkSize: chunkSize)
        var batches: [RecordBatch] = []
        var errors: [ErrorRecord] = []
        while let piece = try stream.next() {
            batches += piece.batches
            errors += piece.errors
        }
        #expect(batches.flatMap(\.records) == whole.batches.flatMap(\.records))
        #expect(errors == whole.errors)
        #expect(errors.map(\.line) == [151])
        #expect(stream.bytesRead == Int64(text.utf8.count))
        #expect(DynamicFrame(batches: batches).schema() == DynamicFrame(batches: whole.batches).schema())
    }

    @Test func lastLineBreakKeepsACRLFWhole() {
        func cut(_ text: String, from start: Int = 0) -> Int? {
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBytes { CSVStreamReader.lastLineBreakEnd($0, upTo: $0.count, from: start) }
        }
        #expect(cut("a\r\nb") == 3)
        #expect(cut("a\nb\r") == 2)
        #expect(cut("abc") == nil)
        #expect(cut("a\nbc", from: 2) == nil)
    }

    @Test func multiLineFilesAreReadWhole() throws {
        let text = "id,note\n1,\"two\nlines\"\n2,x\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-ml-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let options = try CSVOptions(glueOptions: ["withHeader": .boolean(true), "multiLine": .boolean(true)])
        let stream = try CSVStreamReader(url: url, source: "f.csv", options: options, chunkSize: 5)
        let piece = try #require(try stream.next())
        #expect(piece.batches.flatMap(\.records).map { $0["note"] } == [.string("two\nlines"), .string("x")])
        #expect(try stream.next() == nil)
    }
}
