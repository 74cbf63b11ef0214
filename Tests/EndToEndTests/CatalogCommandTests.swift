import Foundation
import Testing

/// `gluelab catalog ...` against the built binary: text output, errors, and `--json` in the
/// Glue API's response shapes.
@Suite struct CatalogCommandTests {
    /// A process with its sandbox clock stopped at 2024-01-01T10:00:00Z and database `sales`.
    static func withSales() throws -> GluelabProcess {
        let g = try GluelabProcess()
        _ = try g.ok(["clock", "set", "2024-01-01T10:00:00Z"])
        #expect(try g.ok(["catalog", "create-database", "Sales", "--description", "shop sales", "--location-uri", "s3://shop/"])
                == "created database sales\n")
        return g
    }

    static let ordersTable = ["catalog", "create-table", "--database", "sales", "--name", "Orders", "--location", "s3://shop/orders/",
                              "--classification", "csv", "--columns", "id:bigint,name:string,tags:array<string>,buyer:struct<name:string,age:int>",
                              "--partition-keys", "year:string,month:string", "--parameter", "owner=data-team"]

    /// The one JSON object printed.
    static func object(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1, "expected one JSON line", sourceLocation: sourceLocation)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], sourceLocation: sourceLocation)
    }

    @Test func databases() throws {
        let g = try Self.withSales()
        let taken = try g.run(["catalog", "create-database", "SALES"])
        #expect(taken.status == 1 && taken.stderr == "error: AlreadyExistsException: Database sales already exists\n")
        let db = try Self.object(try g.ok(["catalog", "get-database", "SALES", "--json"]))
        let d = try #require(db["Database"] as? [String: Any])
        #expect(d["Name"] as? String == "sales" && d["Description"] as? String == "shop sales" && d["LocationUri"] as? String == "s3://shop/")
        #expect(d["CreateTime"] as? String == "2024-01-01T10:00:00Z")
        #expect(try g.ok(["catalog", "get-database", "sales"]).contains("Database: sales\nDescription: shop sales\nLocationUri: s3://shop/\n"))

        _ = try g.ok(["catalog", "create-database", "hr"])
        let list = try Self.object(try g.ok(["catalog", "get-databases", "--json"]))
        #expect((list["DatabaseList"] as? [[String: Any]])?.map { $0["Name"] as? String } == ["hr", "sales"])
        let text = try g.ok(["catalog", "list-databases"])
        #expect(text.split(separator: "\n").map { $0.split(separator: " ").first ?? "" } == ["NAME", "hr", "sales"])

        _ = try g.ok(Self.ordersTable)
        #expect(try g.ok(["catalog", "delete-database", "sales"]) == "deleted database sales and its 1 table (orders)\n")
        let gone = try g.run(["catalog", "get-database", "sales"])
        #expect(gone.status == 1 && gone.stderr == "error: not found: database sales in the Data Catalog (EntityNotFoundException)\n")
    }

    @Test func createTableWithOptionsWritesWhatACrawlerWrites() throws {
        let g = try Self.withSales()
        #expect(try g.ok(Self.ordersTable) == "created table sales.orders (csv, 4 columns, partitioned by year, month, version 0)\n")
        let table = try #require(try Self.object(try g.ok(["catalog", "get-table", "--database", "SALES", "--name", "ORDERS", "--json"]))["Table"]
                                 as? [String: Any])
        #expect(table["Name"] as? String == "orders" && table["DatabaseName"] as? String == "sales")
        #expect(table["TableType"] as? String == "EXTERNAL_TABLE" && table["VersionId"] as? String == "0")
        #expect(table["CreateTime"] as? String == "2024-01-01T10:00:00Z" && table["UpdateTime"] as? String == "2024-01-01T10:00:00Z")
        let sd = try #require(table["StorageDescriptor"] as? [String: Any])
        #expect((sd["Columns"] as? [[String: String]]) == [
            ["Name": "id", "Type": "bigint"], ["Name": "name", "Type": "string"], ["Name": "tags", "Type": "array<string>"],
            ["Name": "buyer", "Type": "struct<name:string,age:int>"],
        ])
        #expect(sd["Location"] as? String == "s3://shop/orders/")
        #expect(sd["InputFormat"] as? String == "org.apache.hadoop.mapred.TextInputFormat")
        #expect(sd["OutputFormat"] as? String == "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
        #expect(sd["Compressed"] as? Bool == false)
        let serde = try #require(sd["SerdeInfo"] as? [String: Any])
        #expect(serde["SerializationLibrary"] as? String == "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
        #expect(serde["Parameters"] as? [String: String] == ["field.delim": ","])
        #expect((table["PartitionKeys"] as? [[String: String]]) == [["Name": "year", "Type": "string"], ["Name": "month", "Type": "string"]])
        let params = try #require(table["Parameters"] as? [String: String])
        #expect(params["classification"] == "csv" && params["skip.header.line.count"] == "1" && params["delimiter"] == ",")
        #expect(params["owner"] == "data-team")

        let text = try g.ok(["catalog", "get-table", "--database", "sales", "--name", "orders"])
        #expect(text.hasPrefix("Table: sales.orders (version 0)\nLocation: s3://shop/orders/\nClassification: csv\n"))
        #expect(text.contains("PartitionKeys: year string, month string\n"))
        #expect(text.contains("SerDe: org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe (field.delim=\",\")\n"))
        #expect(text.hasSuffix("""
            root
            |-- id: bigint
            |-- name: string
            |-- tags: array<string>
            |-- buyer: struct<name:string,age:int>
            |-- year: string (partition key)
            |-- month: string (partition key)

            """))

        let again = try g.run(Self.ordersTable)
        #expect(again.status == 1 && again.stderr == "error: AlreadyExistsException: Table orders already exists in database sales\n")
    }

    @Test func jsonAndParquetTables() throws {
        let g = try Self.withSales()
        _ = try g.ok(["catalog", "create-table", "--database", "sales", "--name", "events", "--location", "s3://shop/events/",
                      "--classification", "JSON", "--columns", "id:bigint,payload:map<string,string>"])
        _ = try g.ok(["catalog", "create-table", "--database", "sales", "--name", "facts", "--location", "s3://shop/facts/",
                      "--classification", "parquet", "--columns", "id:bigint,amount:decimal(10,2)"])
        let events = try #require(try Self.object(try g.ok(["catalog", "get-table", "--database", "sales", "--name", "events", "--json"]))["Table"]
                                  as? [String: Any])
        let eventsSerde = (events["StorageDescriptor"] as? [String: Any])?["SerdeInfo"] as? [String: Any]
        #expect(eventsSerde?["SerializationLibrary"] as? String == "org.openx.data.jsonserde.JsonSerDe")
        #expect(eventsSerde?["Parameters"] as? [String: String] == ["paths": "id,payload"])
        #expect((events["Parameters"] as? [String: String])?["classification"] == "json")
        let facts = try g.ok(["catalog", "get-table", "--database", "sales", "--name", "facts"])
        #expect(facts.contains("SerDe: org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe (serialization.format=1)\n"))
        #expect(facts.contains("InputFormat: org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat\n"))

        let list = try g.ok(["catalog", "get-tables", "--database", "sales"])
        #expect(list.split(separator: "\n").map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == ["NAME CLASSIFICATION", "events json", "facts parquet"])
        let listed = try Self.object(try g.ok(["catalog", "get-tables", "--database", "sales", "--json"]))
        #expect((listed["TableList"] as? [[String: Any]])?.map { $0["Name"] as? String } == ["events", "facts"])
    }

    @Test func badTableInputIsOneLineErrors() throws {
        let g = try Self.withSales()
        let base = ["catalog", "create-table", "--database", "sales", "--name", "t", "--location", "s3://b/t/"]
        let badType = try g.run(base + ["--classification", "csv", "--columns", "id:long"])
        #expect(badType.status == 1 && badType.stderr.hasPrefix("error: invalid option column type=\"long\": unknown type long"))
        let badColumn = try g.run(base + ["--classification", "csv", "--columns", "id"])
        #expect(badColumn.status == 1 && badColumn.stderr == "error: --columns \"id\": expected NAME:TYPE, e.g. id:bigint\n")
        let badClass = try g.run(base + ["--classification", "avro", "--columns", "id:int"])
        #expect(badClass.stderr == "error: invalid option classification=\"avro\": gluelab's tables are csv, json or parquet\n")
        let noColumns = try g.run(base + ["--classification", "csv"])
        #expect(noColumns.stderr.hasPrefix("error: --columns \"\": a table needs its columns"))
        let badOption = try g.run(base + ["--classification", "parquet", "--columns", "id:int", "--format-option", "separator=;"])
        #expect(badOption.stderr == "error: invalid option format option separator=\";\": parquet takes no format options\n")
        let noDatabase = try g.run(["catalog", "create-table", "--database", "nope", "--name", "t", "--location", "s3://b/",
                                    "--classification", "csv", "--columns", "id:int"])
        #expect(noDatabase.stderr == "error: not found: database nope in the Data Catalog (EntityNotFoundException)\n")
    }

    @Test func tableInputJSONAsTheAPITakesIt() throws {
        let g = try Self.withSales()
        let path = try g.file("orders.json", """
            {"Name": "Orders", "Description": "from a file", "TableType": "EXTERNAL_TABLE",
             "Parameters": {"classification": "parquet"},
             "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "bigint", "Comment": "key"}, {"Name": "when", "Type": "timestamp"}],
                "Location": "s3://shop/orders/", "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                "SerdeInfo": {"SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"}, "NumberOfBuckets": -1},
             "PartitionKeys": [{"Name": "day", "Type": "date"}]}
            """)
        _ = try g.ok(["catalog", "create-table", "--database", "sales", "--name", "orders", "--table-input", "file://" + path])
        let printed = try g.ok(["catalog", "get-table", "--database", "sales", "--name", "orders", "--json"])
        let table = try #require(try Self.object(printed)["Table"] as? [String: Any])
        #expect(table["Description"] as? String == "from a file")
        #expect(((table["StorageDescriptor"] as? [String: Any])?["Columns"] as? [[String: String]])?.first == ["Name": "id", "Type": "bigint", "Comment": "key"])
        #expect((table["PartitionKeys"] as? [[String: String]]) == [["Name": "day", "Type": "date"]])

        // What get-table printed goes back in as the next version.
        let edited = printed.replacingOccurrences(of: "from a file", with: "edited")
        let out = try g.ok(["catalog", "update-table", "--database", "sales", "--name", "orders", "--table-input", edited])
        #expect(out == "updated table sales.orders: version 1 (version 0 kept)\n")
        #expect(try g.ok(["catalog", "get-table", "--database", "sales", "--name", "orders"]).contains("Description: edited\n"))

        let broken = try g.run(["catalog", "create-table", "--database", "sales", "--name", "x", "--table-input", "{\"Description\": 1}"])
        #expect(broken.status == 1 && broken.stderr.contains("not a TableInput: missing Name"))
        let both = try g.run(["catalog", "create-table", "--database", "sales", "--name", "x", "--table-input", path, "--location", "s3://b/"])
        #expect(both.stderr.contains("give the table as TableInput JSON or as options, not both"))
        let otherName = try g.run(["catalog", "create-table", "--database", "sales", "--name", "x", "--table-input", path])
        #expect(otherName.stderr.contains("its Name \"Orders\" is not --name x"))
    }
}
