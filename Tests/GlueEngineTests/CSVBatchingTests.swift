import Foundation
import Testing
@testable import GlueEngine

/// Batches of `batchSize` rows, and the two-half parallel read (which must give the same
/// records, errors and line numbers as a sequential one).
@Suite struct CSVBatchingTests {
    /// 40 data lines after a header; lines 9 and 33 are malformed, line 20 is blank.
    private static let text: String = {
        var lines = ["id,name,amount"]
        for i in 1...40 {
            let line = i + 1
            switch line {
            case 9: lines.append("\(i),\"broken,1")
            case 33: lines.append("\(i),\"x\"y,2")
            case 20: lines.append("")
            default: lines.append("\(i),n\(i),\(i).5")
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }()

    private let header = try! CSVTest.options(["withHeader": .boolean(true)])

    @Test func rowsAreSplitIntoBatchesOfBatchSize() throws {
        let result = try CSVTest.read("1\n2\n3\n4\n5\n", batchSize: 2)
        #expect(result.batches.map(\.count) == [2, 2, 1])
        #expect(CSVTest.frame(result).records.map { $0["col0"] } == (1...5).map { .long(Int64($0)) })
    }

    @Test func batchSizeBelowOneIsRejected() {
        #expect(throws: EngineError.self) { _ = try CSVTest.read("1\n", batchSize: 0) }
    }

    @Test func parallelHalvesGiveTheSameRecordsAndErrorsAsASequentialRead() throws {
        let sequential = try CSVTest.read(Self.text, options: header, batchSize: 7)
        let parallel = try CSVTest.read(Self.text, options: header, batchSize: 7, parallel: true)
        #expect(CSVTest.frame(parallel).records == CSVTest.frame(sequential).records)
        #expect(CSVTest.frame(parallel).count() == 37)
        #expect(parallel.errors == sequential.errors)
        #expect(parallel.errors.map(\.line) == [9, 33])
        #expect(parallel.errors.map(\.raw) == ["8,\"broken,1", "32,\"x\"y,2"])
        #expect(parallel.batches.allSatisfy { $0.names == ["id", "name", "amount"] && $0.count <= 7 })
    }

    @Test func theSecondHalfReallyIsReadSeparately() throws {
        // With a batch size larger than the input, a sequential read makes one batch and a
        // split read makes one per half.
        let parallel = try CSVTest.read(Self.text, options: header, parallel: true)
        #expect(parallel.batches.count == 2)
        #expect(parallel.errors.map(\.line) == [9, 33])
    }

    @Test func failFastInTheSecondHalfReportsTheTrueLine() throws {
        var options = header
        options.isFailFast = true
        let text = Self.text.replacingOccurrences(of: "8,\"broken,1", with: "8,fine,1")
        #expect(throws: EngineError.malformedInput(source: "s3://bucket/t.csv", line: 33,
                                                   reason: "unexpected character after a closing quote", value: "32,\"x\"y,2")) {
            _ = try CSVTest.read(text, options: options, parallel: true)
        }
    }

    @Test func failFastReportsTheFirstErrorWhenBothHalvesHaveOne() {
        var options = header
        options.isFailFast = true
        #expect {
            _ = try CSVTest.read(Self.text, options: options, parallel: true)
        } throws: { error in
            guard case .malformedInput(_, let line, _, _) = error as? EngineError else { return false }
            return line == 9
        }
    }

    @Test func multiLineReadsAreNotSplit() throws {
        var options = header
        options.multiLine = true
        let text = "id,note\n" + (1...20).map { "\($0),\"a\nb\"" }.joined(separator: "\n") + "\n"
        let result = try CSVTest.read(text, options: options, parallel: true)
        #expect(result.batches.count == 1)
        #expect(CSVTest.frame(result).count() == 20)
        #expect(result.errors.isEmpty)
    }

    @Test(arguments: [
        ("aaaa\nbbbb\ncccc\n", 10),
        ("aaaa\r\nbbbb\r\ncccc", 12),
        ("aa\r\r\r\r\rbb", 5),
        ("aaaaaaaaaaaa", 12),
    ])
    func splitPointIsJustPastALineBreakAndKeepsCRLFWhole(text: String, expected: Int) {
        let bytes = Array(text.utf8)
        let split = bytes.withUnsafeBufferPointer { CSVReader.splitPoint($0.baseAddress!, from: 0, to: bytes.count) }
        #expect(split == expected)
    }
}
