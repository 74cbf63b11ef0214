import Foundation
import Testing

/// The seed's first lesson on the real binary: the same drifting objects read as a
/// DynamicFrame (a choice) and as Spark would read them (one type, widened to string).
@Suite struct FrameContrastTests {
    /// The fact sheet's JSON drift: a price that is a number in one file and a text in another.
    static let pricesA = """
        {"id": 1, "item": "pen", "price": 12.5}

        """
    static let pricesB = """
        {"id": 2, "item": "ink", "price": "12.50"}

        """
    /// The fact sheet's CSV drift (the AWS medicaid sample): a numeric id column with one text value.
    static let providers = """
        provider id,provider name,city
        10001,SOUTHEAST ALABAMA MEDICAL CENTER,DOTHAN
        10005,MARSHALL MEDICAL CENTER SOUTH,BOAZ
        TX-4411,HILL COUNTRY MEMORIAL,FREDERICKSBURG

        """
    /// Nested JSON: Spark sorts struct fields by name and types every integer long.
    static let nested = """
        {"order": 7, "customer": {"name": "ann", "age": 31}, "lines": [{"sku": "a", "qty": 2}]}
        {"order": 8, "customer": {"name": "bob", "age": "unknown"}, "lines": []}

        """

    func sandbox() throws -> GluelabProcess {
        let g = try GluelabProcess()
        _ = try g.ok(["s3", "put", try g.file("a.json", Self.pricesA), "s3://raw/prices/a.json"])
        _ = try g.ok(["s3", "put", try g.file("b.json", Self.pricesB), "s3://raw/prices/b.json"])
        _ = try g.ok(["s3", "put", try g.file("providers.csv", Self.providers), "s3://raw/medicare/providers.csv"])
        _ = try g.ok(["s3", "put", try g.file("orders.json", Self.nested), "s3://raw/orders/orders.json"])
        return g
    }

    @Test func jsonPriceDrift() throws {
        let g = try sandbox()
        let glue = try g.ok(["frame", "schema", "s3://raw/prices/"])
        #expect(glue.contains("|-- price: choice\n|    |-- double\n|    |-- string\n"))
        let spark = try g.ok(["frame", "schema", "s3://raw/prices/", "--as", "dataframe"])
        #expect(spark == (try GluelabProcess.golden("contrast-prices-dataframe.txt")))
        #expect(spark.contains(" |-- price: string (nullable = true)\n"))
        let both = try g.ok(["frame", "schema", "s3://raw/prices/", "--compare"])
        #expect(both == (try GluelabProcess.golden("contrast-prices.txt")))
        #expect(both.contains("  price: choice of double, string  ←→  price: string\n"))
    }

    @Test func csvProviderIdDrift() throws {
        let g = try sandbox()
        let both = try g.ok(["frame", "schema", "s3://raw/medicare/", "--with-header", "--compare"])
        #expect(both == (try GluelabProcess.golden("contrast-providers.txt")))
        let spark = try g.ok(["frame", "schema", "s3://raw/medicare/", "--with-header", "--as", "dataframe"])
        #expect(spark == "root\n |-- provider id: string (nullable = true)\n |-- provider name: string (nullable = true)\n |-- city: string (nullable = true)\n")
    }

    @Test func nestedJSONSortsFieldsAndWidensToString() throws {
        let g = try sandbox()
        let both = try g.ok(["frame", "schema", "s3://raw/orders/", "--compare"])
        #expect(both == (try GluelabProcess.golden("contrast-orders.txt")))
    }

    @Test func compareAsJSON() throws {
        let g = try sandbox()
        let json = try g.ok(["frame", "schema", "s3://raw/prices/", "--compare", "--json"])
        #expect(json.contains("\"differences\":[\"id: int  ←→  id: long\",\"price: choice of double, string  ←→  price: string\"]"))
        #expect(json.contains("\"dataFrame\":[{\"name\":\"id\",\"type\":\"long\"}"))
    }

    @Test func headerlessCSVPairsColumnsByPosition() throws {
        let g = try sandbox()
        let both = try g.ok(["frame", "schema", "s3://raw/medicare/", "--compare"])
        #expect(both.hasSuffix("differences:\n  col0: choice of long, string  ←→  _c0: string\n"))
    }

    @Test func badKindIsRefused() throws {
        let g = try sandbox()
        let r = try g.run(["frame", "schema", "s3://raw/prices/", "--as", "pandas"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("expected dynamicframe or dataframe"))
    }
}
