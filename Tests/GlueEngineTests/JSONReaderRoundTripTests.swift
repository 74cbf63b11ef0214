import Testing
@testable import GlueEngine

/// Many generated records, written as JSON by `DynamicRecord.jsonText` and read back: exercises
/// the field lookup (changing key orders, wide and nested records, new fields late in a batch)
/// against the records themselves.
@Suite struct JSONReaderRoundTripTests {
    /// A small deterministic generator: the engine's SplitMix64.
    private struct Generator {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { random.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    private func value(_ g: inout Generator, depth: Int) -> Value {
        switch g.below(depth > 2 ? 5 : 7) {
        case 0: return .int(Int32(truncatingIfNeeded: Int64(g.below(2_000_001)) - 1_000_000))
        case 1: return .long((Int64(g.below(1 << 40)) + (1 << 32)) * (g.below(2) == 0 ? 1 : -1))
        case 2: return .string(["", "a", "naïve", "tab\there", "quote\"s", "emoji 😀", "\u{1}"][g.below(7)])
        case 3: return .boolean(g.below(2) == 0)
        case 4: return .double(Double(g.below(100_000)) / 8 + 0.5)
        case 5: return .structure(record(&g, depth: depth + 1, width: 4))
        default: return .array((0..<g.below(4)).map { _ in value(&g, depth: depth + 1) })
        }
    }

    private func record(_ g: inout Generator, depth: Int, width: Int) -> DynamicRecord {
        var r = DynamicRecord()
        for _ in 0..<g.below(width + 1) {
            r["f\(g.below(width * 2))"] = value(&g, depth: depth)
        }
        return r
    }

    @Test func generatedRecordsReadBackExactly() throws {
        var g = Generator(state: 42)
        let records = (0..<1000).map { _ in record(&g, depth: 0, width: 40) }
        let lines = records.map { $0.jsonText() }.joined(separator: "\n")
        for batchSize in [65_536, 7] {
            let result = try JSONTest.read(lines, batchSize: batchSize)
            #expect(result.errors.isEmpty)
            expectSame(JSONTest.frame(result).records, records)
        }
        let array = "[\n" + records.map { $0.jsonText(spaced: true) }.joined(separator: ",\n") + "\n]"
        let multi = try JSONTest.read(array, JSONTest.options(multiLine: true), batchSize: 100)
        #expect(multi.errors.isEmpty)
        expectSame(JSONTest.frame(multi).records, records)
    }

    /// A record with its fields sorted by name, at every level: a batch lists fields in the
    /// order they first appeared in the batch, not in each record's own order.
    private func sorted(_ r: DynamicRecord) -> DynamicRecord {
        DynamicRecord(r.fields.sorted { $0.name < $1.name }.map { ($0.name, sorted($0.value)) })
    }

    private func sorted(_ v: Value) -> Value {
        switch v {
        case .structure(let r): .structure(sorted(r))
        case .array(let items): .array(items.map(sorted))
        default: v
        }
    }

    /// Compares record by record (ignoring field order), reporting only the first difference.
    private func expectSame(_ read: [DynamicRecord], _ written: [DynamicRecord], sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = read.map(sorted)
        let expected = written.map(sorted)
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        if let i = (0..<min(actual.count, expected.count)).first(where: { actual[$0] != expected[$0] }) {
            Issue.record("record \(i): \(actual[i].jsonText()) != \(expected[i].jsonText())", sourceLocation: sourceLocation)
        }
    }

    @Test func canonicallyEqualKeysAreOneField() throws {
        let r = try JSONTest.record("{\"\u{E9}\": 1, \"e\u{301}\": 2, \"x\": 3}")
        #expect(r.count == 2)
        #expect(r["\u{E9}"] == .int(2))
        #expect(r["x"] == .int(3))
    }
}
