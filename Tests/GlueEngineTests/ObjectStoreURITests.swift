import Foundation
import Testing
@testable import GlueEngine

@Suite struct ObjectStoreURITests {
    @Test func parsesBucketKeyAndPrefixes() throws {
        let u = try S3URI(parsing: "s3://my-bucket/data/2024/file.csv")
        #expect(u.bucket == "my-bucket")
        #expect(u.key == "data/2024/file.csv")
        #expect(!u.isPrefix)
        #expect(u.description == "s3://my-bucket/data/2024/file.csv")
        #expect(try S3URI(parsing: "s3://my-bucket").key == "")
        #expect(try S3URI(parsing: "s3://my-bucket/").key == "")
        #expect(try S3URI(parsing: "s3://my-bucket/data/").isPrefix)
        #expect(try S3URI(parsing: "s3://b.example-1/x").bucket == "b.example-1")
        #expect(try S3URI(parsing: "s3://bkt/in").appending("x.csv").description == "s3://bkt/in/x.csv")
        #expect(try S3URI(parsing: "s3://bkt/in/").appending("x.csv").description == "s3://bkt/in/x.csv")
    }

    @Test(arguments: ["s3://ab/x", "s3://My-Bucket/x", "s3://-bucket/x", "s3://bucket-/x", "s3://buck..et/x",
                      "s3://bu_cket/x", "s3://192.168.1.1/x", "s3://" + String(repeating: "a", count: 64) + "/x",
                      "http://bucket/x", "bucket/x", "s3:/bucket/x"])
    func refusesBadBuckets(path: String) {
        #expect(throws: EngineError.self) { try S3URI(parsing: path) }
    }

    @Test(arguments: ["s3://bucket/../etc/passwd", "s3://bucket/a/../../x", "s3://bucket/./x", "s3://bucket/a/.",
                      "s3://bucket//abs", "s3://bucket/a//b", "s3://bucket/a\\b", "s3://bucket/a\u{0}b",
                      "s3://bucket/" + String(repeating: "k", count: 256)])
    func refusesKeysThatEscapeOrCannotBeFiles(path: String) {
        #expect {
            try S3URI(parsing: path)
        } throws: { error in
            guard case EngineError.invalidPath(let p, _) = error else { return false }
            return p == path
        }
    }

    @Test func errorsNameThePathAndTheRule() {
        #expect(throws: EngineError.invalidPath(path: "s3://bucket/../x", reason: "a key has no '.' or '..' segment")) {
            try S3URI(parsing: "s3://bucket/../x")
        }
    }

    @Test func globsFollowGlueExclusionSyntax() throws {
        let pdf = try GlobMatcher("**.pdf")
        #expect(pdf.matches("s3://b/docs/2024/a.pdf"))
        #expect(pdf.matches("a.pdf"))
        #expect(!pdf.matches("s3://b/docs/a.pdf.txt"))
        let star = try GlobMatcher("logs/*.json")
        #expect(star.matches("logs/a.json"))
        #expect(!star.matches("logs/2024/a.json"))
        let deep = try GlobMatcher("s3://b/tmp/**")
        #expect(deep.matches("s3://b/tmp/x/y/z.csv"))
        #expect(!deep.matches("s3://b/tmpx/y.csv"))
        #expect(try GlobMatcher("part-?.csv").matches("part-1.csv"))
        #expect(!(try GlobMatcher("part-?.csv").matches("part-10.csv")))
        #expect(try GlobMatcher("part-[0-4].csv").matches("part-3.csv"))
        #expect(!(try GlobMatcher("part-[!0-4].csv").matches("part-3.csv")))
        #expect(try GlobMatcher("**.{csv,json}").matches("s3://b/a/x.json"))
        #expect(try GlobMatcher("a\\*b").matches("a*b"))
        #expect(!(try GlobMatcher("a\\*b").matches("axb")))
    }

    @Test func badGlobsAreOptionErrors() {
        for bad in ["[abc", "{a,b", "x\\"] {
            #expect(throws: EngineError.self, "\(bad)") { try GlobMatcher(bad) }
        }
    }

    @Test func parsesGlueExclusionsOption() throws {
        #expect(try ObjectStore.parseExclusions("[\"**.pdf\", \"s3://b/tmp/**\"]") == ["**.pdf", "s3://b/tmp/**"])
        #expect(try ObjectStore.parseExclusions("[]") == [])
        #expect(try ObjectStore.parseExclusions("") == [])
        for bad in ["**.pdf", "[1, 2]", "{\"a\": 1}", "[\"[x\"]"] {
            #expect(throws: EngineError.self, "\(bad)") { try ObjectStore.parseExclusions(bad) }
        }
    }
}
