import Foundation
import Testing

@Suite struct CLIBehaviourTests {
    @Test func errorsAreOneLineAndNonZero() throws {
        let g = try GluelabProcess()
        let r = try g.run(["frame", "schema", "s3://nobucket/missing.csv"])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: "))
        #expect(r.stderr.split(separator: "\n").count == 1)

        let bad = try g.run(["s3", "put", "nofile.csv", "s3://bkt/x.csv"])
        #expect(bad.status != 0)
        #expect(bad.stderr == "error: nofile.csv: no such file or folder\n")

        let escape = try g.run(["s3", "cat", "s3://bucket/../etc/passwd"])
        #expect(escape.status != 0)
        #expect(escape.stderr.split(separator: "\n").count == 1)
    }

    @Test func clockStampsNewObjects() throws {
        let g = try GluelabProcess()
        #expect(try g.ok(["clock", "set", "2024-03-01T12:00:00Z"]) == "2024-03-01T12:00:00Z  (stopped)\n")
        #expect(try g.ok(["clock", "advance", "1h30m"]) == "2024-03-01T13:30:00Z  (stopped)\n")
        let f = try g.file("a.json", "{\"a\": 1}\n")
        _ = try g.ok(["s3", "put", f, "s3://bkt/in/a.json"])
        _ = try g.ok(["s3", "put", f, "s3://bkt/in/old.json", "--last-modified", "2023-12-31T23:00:00Z"])
        let ls = try g.ok(["s3", "ls", "s3://bkt/in/", "--json"])
        let lines = ls.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"key\":\"in/a.json\"") && lines[0].contains("\"lastModified\":\"2024-03-01T13:30:00Z\""))
        #expect(lines[1].contains("\"lastModified\":\"2023-12-31T23:00:00Z\""))
        #expect(lines[0].contains("\"etag\":\"") && lines[0].contains("\"size\":9"))
        let running = try g.ok(["clock", "run", "--json"])
        #expect(running.contains("\"stopped\":false") && running.contains("\"now\":\"2024-03-01T13:30:"))
    }

    @Test func convertCSVToJSONAndBack() throws {
        let g = try GluelabProcess()
        let csv = try g.file("o.csv", "id,name,note\n1,ann,\"hello, world\"\n2,bob,\n")
        _ = try g.ok(["s3", "put", csv, "s3://raw/o.csv"])
        let out = try g.ok(["frame", "convert", "s3://raw/o.csv", "s3://clean/o/", "--with-header", "--to", "json"])
        #expect(out.contains("wrote 2 records"))
        let listing = try g.ok(["s3", "ls", "s3://clean/o/"])
        #expect(listing.contains("part-00000-") && listing.contains(".json"))
        let shown = try g.ok(["frame", "show", "s3://clean/o/", "--json"])
        #expect(shown == "{\"id\":1,\"name\":\"ann\",\"note\":\"hello, world\"}\n{\"id\":2,\"name\":\"bob\"}\n")
    }

    @Test func replReadsCommandsFromAPipe() throws {
        let g = try GluelabProcess()
        let csv = try g.file("x.csv", "a,b\n1,2\n3,x\n")
        let script = """
            # a comment
            s3 put \(csv) s3://raw/x.csv
            gluelab frame schema s3://raw/x.csv --with-header
            frame count 's3://raw/x.csv' --with-header
            exit
            """
        let r = try g.run([], stdin: script)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("gluelab>"))
        #expect(r.stdout.contains("|-- b: choice\n|    |-- long\n|    |-- string\n"))
        #expect(r.stdout.hasSuffix("2\n"))

        let failing = try g.run([], stdin: "frame schema s3://none/x.csv\nclock show\n")
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("error: "))
        #expect(!failing.stdout.isEmpty, "the REPL goes on after an error")
    }

    @Test func malformedRecordsAreCountedNotFatal() throws {
        let g = try GluelabProcess()
        let f = try g.file("e.json", "{\"a\": 1}\n{\"a\": \n{\"a\": 3}\n")
        _ = try g.ok(["s3", "put", f, "s3://raw/e.json"])
        let r = try g.run(["frame", "count", "s3://raw/e.json"])
        #expect(r.status == 0)
        #expect(r.stdout == "2\n")
        #expect(r.stderr.contains("1 error record"))
        let errors = try g.ok(["frame", "errors", "s3://raw/e.json"])
        #expect(errors.contains("\"line\":2"))
        #expect(errors.contains("s3://raw/e.json"))
        let fail = try g.run(["frame", "count", "s3://raw/e.json", "--fail-fast"])
        #expect(fail.status != 0)
        #expect(fail.stderr.contains("s3://raw/e.json:2"))
    }
}
