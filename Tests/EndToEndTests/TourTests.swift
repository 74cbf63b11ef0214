import Foundation
import Testing

/// The README's tour, run on the real binary with an empty GLUELAB_HOME.
@Suite struct TourTests {
    static let providers = """
        provider id,provider name,city
        10001,SOUTHEAST ALABAMA MEDICAL CENTER,DOTHAN
        10005,MARSHALL MEDICAL CENTER SOUTH,BOAZ
        TX-4411,HILL COUNTRY MEMORIAL,FREDERICKSBURG

        """

    @Test func choiceAppearsAndIsResolved() throws {
        let g = try GluelabProcess()
        let csv = try g.file("providers.csv", Self.providers)
        let put = try g.ok(["s3", "put", csv, "s3://raw/medicare/providers.csv"])
        #expect(put.hasPrefix("upload: s3://raw/medicare/providers.csv"))

        let schema = try g.ok(["frame", "schema", "s3://raw/medicare/", "--with-header"])
        #expect(schema == (try GluelabProcess.golden("tour-schema.txt")))

        let cast = try g.ok(["frame", "resolve", "s3://raw/medicare/", "--with-header", "--spec", "provider id=cast:long", "--show", "5"])
        #expect(cast.hasPrefix("root\n|-- provider id: long\n|-- provider name: string\n|-- city: string\n"))
        // The string that cannot be cast becomes null: its record is kept, without the field.
        #expect(cast.contains("\"provider id\": 10001"))
        #expect(cast.contains("\"provider name\": \"HILL COUNTRY MEMORIAL\""))
        #expect(!cast.contains("TX-4411"))

        let cols = try g.ok(["frame", "resolve", "s3://raw/medicare/", "--with-header", "--choice", "make_cols"])
        #expect(cols == (try GluelabProcess.golden("tour-make-cols.txt")))
    }

    @Test func parquetRefusesTheChoiceUntilItIsResolved() throws {
        let g = try GluelabProcess()
        let csv = try g.file("providers.csv", Self.providers)
        _ = try g.ok(["s3", "put", csv, "s3://raw/medicare/providers.csv"])
        let refused = try g.run(["frame", "convert", "s3://raw/medicare/", "s3://curated/medicare/", "--with-header", "--to", "parquet"])
        #expect(refused.status != 0)
        #expect(refused.stderr == "error: Parquet: column provider id is a choice of long and string: Parquet has no union type; "
            + "resolve it first, e.g. resolveChoice(specs=[(\"provider id\", \"cast:long\")])\n")
        #expect(try g.ok(["s3", "ls", "s3://curated/", "--recursive"]).isEmpty, "nothing half-written")

        _ = try g.ok(["frame", "resolve", "s3://raw/medicare/", "--with-header", "--spec", "provider id=cast:long",
                      "--output", "s3://curated/medicare/", "--to", "parquet"])
        let listing = try g.ok(["s3", "ls", "s3://curated/medicare/"])
        #expect(listing.contains("part-00000-") && listing.contains(".snappy.parquet"))
        let schema = try g.ok(["frame", "schema", "s3://curated/medicare/"])
        #expect(schema == "root\n|-- provider id: long\n|-- provider name: string\n|-- city: string\n")
        #expect(try g.ok(["frame", "count", "s3://curated/medicare/"]) == "3\n")
    }

    @Test func parquetColumnProjectionReadsFewerBytesThanCSV() throws {
        let g = try GluelabProcess()
        var text = "id,price,note\n"
        for i in 0..<2000 { text += "\(i),\(Double(i) / 4),\"a long note that makes this column the biggest one \(i)\"\n" }
        let csv = try g.file("orders.csv", text)
        _ = try g.ok(["s3", "put", csv, "s3://raw/orders/orders.csv"])
        _ = try g.ok(["frame", "convert", "s3://raw/orders/", "s3://curated/orders/", "--with-header", "--to", "parquet"])
        func bytesRead(_ args: [String]) throws -> Int {
            let out = try g.ok(["frame", "count"] + args + ["--json"])
            let field = out.split(separator: ",").first { $0.contains("\"bytesRead\"") }!
            return Int(field.split(separator: ":")[1].filter(\.isNumber))!
        }
        let csvBytes = try bytesRead(["s3://raw/orders/", "--with-header", "--columns", "price"])
        let parquetAll = try bytesRead(["s3://curated/orders/"])
        let parquetPrice = try bytesRead(["s3://curated/orders/", "--columns", "price"])
        #expect(csvBytes == text.utf8.count, "CSV is read whole whatever the projection")
        #expect(parquetPrice * 3 < parquetAll, "Parquet reads only the price column chunk")
        #expect(parquetAll < csvBytes)
        #expect(try g.ok(["frame", "show", "s3://curated/orders/", "--columns", "price", "-n", "1", "--json"]) == "{\"price\":0.0}\n")
    }

    @Test func countAndJSONOutput() throws {
        let g = try GluelabProcess()
        let csv = try g.file("providers.csv", Self.providers)
        _ = try g.ok(["s3", "put", csv, "s3://raw/p.csv"])
        #expect(try g.ok(["frame", "count", "s3://raw/p.csv", "--with-header"]) == "3\n")
        let json = try g.ok(["frame", "count", "s3://raw/p.csv", "--with-header", "--json"])
        #expect(json.contains("\"count\":3"))
        #expect(json.contains("\"objectsRead\":1"))
    }
}
