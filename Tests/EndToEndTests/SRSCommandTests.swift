import Foundation
import Testing

@Suite struct SRSCommandTests {
    @Test func simulateReplaysAtEachDueTimeAsJSONLines() throws {
        let g = try GluelabProcess()
        let out = try g.ok(["srs", "simulate", "--ratings", "Good,Good,Again", "--start", "2022-11-29T12:30:00Z", "--json"])
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == #"{"review":1,"rating":"Good","reviewedAt":"2022-11-29T12:30:00Z","elapsedDays":null,"retrievability":0.0,"state":"Learning","step":1,"stability":2.3065,"difficulty":2.118103970459016,"due":"2022-11-29T12:40:00Z","interval":"10m","scheduledDays":0}"#)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["state"] as? String == "Review" && second["due"] as? String == "2022-12-01T12:40:00Z")
        #expect(second["scheduledDays"] as? Int == 2 && second["step"] is NSNull)
        let third = try #require(try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [String: Any])
        #expect(third["state"] as? String == "Relearning" && third["reviewedAt"] as? String == "2022-12-01T12:40:00Z")
        #expect(abs((third["retrievability"] as? Double ?? 0) - 0.9095) < 1e-4, "R before the review, after 2 days")
    }

    @Test func simulateAtGivenDaysPrintsATable() throws {
        let g = try GluelabProcess()
        let out = try g.ok(["srs", "simulate", "--ratings", "Again,Good,Good,Good,Good,Good", "--days", "0,0,1,4,12,33",
                            "--start", "2022-11-29T12:30:00Z"])
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("#  rating  reviewed at           elapsed  R before  state"))
        #expect(lines[6].contains("2023-01-01T12:30:00Z") && lines[6].contains("53.626903") && lines[6].contains("6.357487"))
    }

    @Test func batchReplaysManySequencesFromAFile() throws {
        let g = try GluelabProcess()
        let path = try g.file("seqs.jsonl", """
            {"id": "a", "ratings": ["Easy"], "start": "2024-01-01T00:00:00Z"}

            {"ratings": "Good,Hard", "start": "2024-01-01T00:00:00Z", "days": ["0", "0.5"], "learningSteps": []}
            """)
        let lines = try g.ok(["srs", "simulate", "--batch", path, "--json"]).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"sequence":"a","review":1,"rating":"Easy""#) && lines[0].contains(#""due":"2024-01-09T00:00:00Z""#))
        #expect(lines[1].hasPrefix(#"{"sequence":3,"review":1"#) && lines[1].contains(#""state":"Review""#), "no learning steps")
        #expect(lines[2].contains(#""reviewedAt":"2024-01-01T12:00:00Z""#) && lines[2].contains(#""elapsedDays":0"#))
        let piped = try g.ok(["srs", "simulate", "--batch", "-", "--json"], stdin: #"{"id": "p", "ratings": ["Again"], "start": "2024-01-01"}"#)
        #expect(piped.contains(#""sequence":"p""#) && piped.contains(#""due":"2024-01-01T00:01:00Z""#))
    }

    @Test func seededFuzzIsReproducible() throws {
        let g = try GluelabProcess()
        let args = ["srs", "simulate", "--ratings", "Good,Good,Good,Good,Good,Good", "--start", "2024-01-01T00:00:00Z", "--fuzz", "--seed", "42", "--json"]
        #expect(try g.ok(args) == (try g.ok(args)))
    }

    @Test func badInputIsOneLineError() throws {
        let g = try GluelabProcess()
        let mismatch = try g.run(["srs", "simulate", "--ratings", "Good,Good", "--days", "0"])
        #expect(mismatch.status != 0 && mismatch.stderr == "error: --days \"1 times\": expected one per rating (2)\n")
        let rating = try g.run(["srs", "simulate", "--ratings", "Good,Meh"])
        #expect(rating.status != 0 && rating.stderr.hasPrefix("error: --ratings \"Meh\": expected Again, Hard, Good or Easy"))
        let backwards = try g.run(["srs", "simulate", "--ratings", "Good,Good", "--days", "2,1"])
        #expect(backwards.status != 0 && backwards.stderr.contains("is before review 1"))
        let none = try g.run(["srs", "simulate"])
        #expect(none.status != 0 && none.stderr.contains("--ratings"))
        let badLine = try g.run(["srs", "simulate", "--batch", "-"], stdin: "{\"ratings\": [\"Good\"], \"days\": [\"x\"]}\n")
        #expect(badLine.status != 0 && badLine.stderr.hasPrefix("error: -:1: --days \"x\""))
    }
}
