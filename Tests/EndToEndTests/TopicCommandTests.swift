import Foundation
import Testing

@Suite struct TopicCommandTests {
    @Test func createProduceListRead() throws {
        let g = try GluelabProcess()
        _ = try g.ok(["clock", "set", "2024-05-01T10:00:00Z"])
        #expect(try g.ok(["topic", "create", "orders", "--partitions", "2"]) == "created topic orders with 2 partitions\n")
        #expect(try g.ok(["topic", "produce", "orders", "--value", "{\"n\":1}", "--value", "{\"n\":2}"])
                == "orders partition 0 offset 0\norders partition 1 offset 0\n")
        // One key, one partition, every time.
        let keyed = try g.ok(["topic", "produce", "orders", "--value", "{\"n\":3}", "--key", "c-1", "--json"])
        let again = try g.ok(["topic", "produce", "orders", "--value", "{\"n\":4}", "--key", "c-1", "--json"])
        let partitionOf = { (line: String) in line.components(separatedBy: ",\"offset\"")[0] }
        #expect(partitionOf(keyed) == partitionOf(again))
        #expect(keyed.hasSuffix("\"offset\":1}\n") && again.hasSuffix("\"offset\":2}\n"))
        let file = try g.file("more.jsonl", "{\"n\":5}\n\n{\"n\":6}\n")
        #expect(try g.ok(["topic", "produce", "orders", "--file", file]) == "produced 2 messages to orders\n")
        let ls = try g.ok(["topic", "ls"])
        #expect(ls.hasPrefix("TOPIC   PARTITIONS  MESSAGES  END OFFSETS\norders  2           6         "))
        let json = try g.ok(["topic", "ls", "--json"])
        #expect(json.hasPrefix("{\"topic\":\"orders\",\"partitions\":2,\"messages\":6,\"endOffsets\":["))
        let p0 = try g.ok(["topic", "read", "orders", "--partition", "0", "--max", "1"])
        #expect(p0 == "0\t0\t2024-05-01T10:00:00Z\t-\t{\"n\":1}\n")
        let all = try g.ok(["topic", "read", "orders", "--json"])
        #expect(all.split(separator: "\n").count == 6)
        #expect(all.contains("\"key\":\"c-1\""))
        let from = try g.ok(["topic", "read", "orders", "--partition", "1", "--from-offset", "1"])
        #expect(!from.contains("\t0\t"))
    }

    @Test func errorsAreOneLine() throws {
        let g = try GluelabProcess()
        let missing = try g.run(["topic", "produce", "nope", "--value", "{}"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: not found: topic \"nope\"\n")
        _ = try g.ok(["topic", "create", "t"])
        let dup = try g.run(["topic", "create", "t"])
        #expect(dup.status == 1 && dup.stderr.contains("already exists"))
        let both = try g.run(["topic", "produce", "t"])
        #expect(both.status != 0 && both.stderr.contains("give either --value or --file"))
    }

    @Test func sandboxesAreSeparate() throws {
        let g = try GluelabProcess()
        _ = try g.ok(["topic", "create", "t", "--sandbox", "lab1"])
        #expect(try g.ok(["topic", "ls", "--json"]).isEmpty)
        #expect(try g.ok(["topic", "ls", "--json", "--sandbox", "lab1"]).contains("\"topic\":\"t\""))
    }
}
