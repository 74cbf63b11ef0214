import Foundation
import Testing

/// `gluelab catalog update-table`, `get-table-versions`, partitions and connections against the
/// built binary.
@Suite struct CatalogCommandVersionTests {
    typealias C = CatalogCommandTests

    @Test func updatesKeepVersionsListedNewestFirst() throws {
        let g = try C.withSales()
        _ = try g.ok(C.ordersTable)
        _ = try g.ok(["clock", "advance", "5m"])
        let out = try g.ok(["catalog", "update-table", "--database", "sales", "--name", "orders", "--columns", "id:bigint,channel:string",
                            "--format-option", "separator=|", "--remove-parameter", "owner"])
        #expect(out == "updated table sales.orders: version 1 (version 0 kept)\n")
        let current = try g.ok(["catalog", "get-table", "--database", "sales", "--name", "orders", "--json"])
        let t = try #require(try C.object(current)["Table"] as? [String: Any])
        #expect(t["VersionId"] as? String == "1" && t["UpdateTime"] as? String == "2024-01-01T10:05:00Z" && t["CreateTime"] as? String == "2024-01-01T10:00:00Z")
        let params = try #require(t["Parameters"] as? [String: String])
        #expect(params["delimiter"] == "|" && params["owner"] == nil && params["skip.header.line.count"] == "1")
        #expect(((t["StorageDescriptor"] as? [String: Any])?["SerdeInfo"] as? [String: Any])?["Parameters"] as? [String: String] == ["field.delim": "|"])

        _ = try g.ok(["catalog", "update-table", "--database", "sales", "--name", "orders", "--location", "s3://shop/orders-v2/"])
        let versions = try C.object(try g.ok(["catalog", "get-table-versions", "--database", "sales", "--name", "orders", "--json"]))
        let list = try #require(versions["TableVersions"] as? [[String: Any]])
        #expect(list.map { $0["VersionId"] as? String } == ["2", "1", "0"])
        #expect(list.map { ($0["Table"] as? [String: Any])?["VersionId"] as? String } == ["2", "1", "0"])
        let oldest = (list[2]["Table"] as? [String: Any])?["StorageDescriptor"] as? [String: Any]
        #expect((oldest?["Columns"] as? [[String: String]])?.map { $0["Name"] } == ["id", "name", "tags", "buyer"])
        #expect(oldest?["Location"] as? String == "s3://shop/orders/")

        let text = try g.ok(["catalog", "get-table-versions", "--database", "sales", "--name", "orders"]).split(separator: "\n")
        #expect(text.count == 4 && text[1].hasPrefix("2 (current)  2024-01-01T10:05:00Z  csv") && text[1].hasSuffix("id:bigint,channel:string,year:string,month:string"))
        #expect(text[3].hasPrefix("0            2024-01-01T10:00:00Z  csv             s3://shop/orders/ "))

        let nothing = try g.run(["catalog", "update-table", "--database", "sales", "--name", "orders"])
        #expect(nothing.status == 1 && nothing.stderr.contains("nothing to change"))
        let missing = try g.run(["catalog", "update-table", "--database", "sales", "--name", "nope", "--location", "s3://x/"])
        #expect(missing.stderr == "error: not found: table nope in database sales of the Data Catalog (EntityNotFoundException)\n")
        #expect(try g.ok(["catalog", "delete-table", "--database", "sales", "--name", "orders"]) == "deleted table sales.orders\n")
        #expect(try g.run(["catalog", "get-table-versions", "--database", "sales", "--name", "orders"]).status == 1)
    }

    @Test func partitionsAreAddedOnceWithLocationsUnderTheTable() throws {
        let g = try C.withSales()
        _ = try g.ok(C.ordersTable)
        #expect(try g.ok(["catalog", "create-partition", "--database", "sales", "--table", "orders", "--values", "2024,01"])
                == "created partition year=2024/month=01 of sales.orders at s3://shop/orders/year=2024/month=01/\n")
        let dup = try g.run(["catalog", "create-partition", "--database", "sales", "--table", "orders", "--values", "year=2024,month=01"])
        #expect(dup.status == 1 && dup.stderr == "error: AlreadyExistsException: Partition year=2024/month=01 already exists in sales.orders\n")
        let batch = try g.ok(["catalog", "batch-create-partition", "--database", "sales", "--table", "orders",
                              "--partition", "2024,01", "--partition", "year=2024,month=02@s3://archive/feb/", "--partition", "2024,03", "--json"])
        let errors = try #require(try C.object(batch)["Errors"] as? [[String: Any]])
        #expect(errors.count == 1 && errors[0]["PartitionValues"] as? [String] == ["2024", "01"])
        #expect((errors[0]["ErrorDetail"] as? [String: String])?["ErrorCode"] == "AlreadyExistsException")

        let parts = try #require(try C.object(try g.ok(["catalog", "get-partitions", "--database", "sales", "--table", "orders", "--json"]))["Partitions"]
                                 as? [[String: Any]])
        #expect(parts.map { $0["Values"] as? [String] } == [["2024", "01"], ["2024", "02"], ["2024", "03"]])
        let first = parts[0]
        #expect(first["DatabaseName"] as? String == "sales" && first["TableName"] as? String == "orders")
        #expect(first["CreationTime"] as? String == "2024-01-01T10:00:00Z")
        let sd = try #require(first["StorageDescriptor"] as? [String: Any])
        #expect(sd["Location"] as? String == "s3://shop/orders/year=2024/month=01/")
        #expect((sd["SerdeInfo"] as? [String: Any])?["SerializationLibrary"] as? String == "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
        #expect((sd["Columns"] as? [[String: String]])?.count == 4)
        #expect((parts[1]["StorageDescriptor"] as? [String: Any])?["Location"] as? String == "s3://archive/feb/")

        let text = try g.ok(["catalog", "get-partitions", "--database", "sales", "--table", "orders"]).split(separator: "\n")
        #expect(text.first == "VALUES              LOCATION                              CREATED")
        #expect(text.dropFirst().map { $0.split(separator: " ").first ?? "" } == ["year=2024/month=01", "year=2024/month=02", "year=2024/month=03"])

        let wrongCount = try g.run(["catalog", "create-partition", "--database", "sales", "--table", "orders", "--values", "2024"])
        #expect(wrongCount.stderr == "error: --values \"2024\": the table's partition keys are year, month: give 2 values\n")
        let wrongKey = try g.run(["catalog", "create-partition", "--database", "sales", "--table", "orders", "--values", "month=01,year=2024"])
        #expect(wrongKey.stderr.contains("expected year= at \"month=01\""))
        #expect(try g.ok(["catalog", "delete-partition", "--database", "sales", "--table", "orders", "--values", "2024,02"])
                == "deleted partition year=2024/month=02 of sales.orders (its data stays)\n")
        #expect(try g.ok(["catalog", "delete-table", "--database", "sales", "--name", "orders"]) == "deleted table sales.orders and its 2 partitions\n")
    }

    @Test func connectionsNeverPrintThePassword() throws {
        let g = try C.withSales()
        let made = try g.ok(["catalog", "create-connection", "shop-db", "--url", "jdbc:postgresql://db.example:5432/shop",
                             "--username", "etl", "--password", "s3cret-pw", "--description", "orders database", "--json"])
        #expect(!made.contains("s3cret-pw"))
        let c = try #require(try C.object(made)["Connection"] as? [String: Any])
        #expect(c["Name"] as? String == "shop-db" && c["ConnectionType"] as? String == "JDBC" && c["Description"] as? String == "orders database")
        #expect(c["ConnectionProperties"] as? [String: String]
                == ["JDBC_CONNECTION_URL": "jdbc:postgresql://db.example:5432/shop", "USERNAME": "etl", "PASSWORD": "****"])
        #expect(c["CreationTime"] as? String == "2024-01-01T10:00:00Z")

        let shown = try g.ok(["catalog", "get-connection", "shop-db"])
        #expect(shown == """
            Connection: shop-db
            ConnectionType: JDBC
            Description: orders database
              JDBC_CONNECTION_URL jdbc:postgresql://db.example:5432/shop
              PASSWORD ****
              USERNAME etl
            CreationTime: 2024-01-01T10:00:00Z

            """)
        for args in [["catalog", "get-connection", "shop-db", "--json"], ["catalog", "get-connections"], ["catalog", "get-connections", "--json"]] {
            #expect(!(try g.ok(args)).contains("s3cret-pw"))
        }
        let listed = try C.object(try g.ok(["catalog", "get-connections", "--json"]))
        #expect((listed["ConnectionList"] as? [[String: Any]])?.map { $0["Name"] as? String } == ["shop-db"])

        let badURL = try g.run(["catalog", "create-connection", "bad", "--url", "postgres://db/shop"])
        #expect(badURL.status == 1 && badURL.stderr.hasPrefix("error: invalid option url=\"postgres://db/shop\": a JDBC URL starts with jdbc:"))
        let taken = try g.run(["catalog", "create-connection", "shop-db", "--url", "jdbc:mysql://h:3306/d"])
        #expect(taken.stderr == "error: AlreadyExistsException: Connection shop-db already exists\n")
        #expect(try g.ok(["catalog", "delete-connection", "shop-db"]) == "deleted connection shop-db\n")
        let gone = try g.run(["catalog", "get-connection", "shop-db"])
        #expect(gone.stderr == "error: not found: connection shop-db in the Data Catalog (EntityNotFoundException)\n")
    }

    @Test func emptyListsSayWhatToDo() throws {
        let g = try GluelabProcess()
        let dbs = try g.run(["catalog", "get-databases"])
        #expect(dbs.stdout.isEmpty && dbs.stderr.contains("no databases"))
        #expect(try g.ok(["catalog", "get-databases", "--json"]) == "{\"DatabaseList\":[]}\n")
        #expect(try g.ok(["catalog", "get-connections", "--json"]) == "{\"ConnectionList\":[]}\n")
        let help = try g.ok(["catalog", "--help"])
        for sub in ["create-database", "get-table-versions", "get-partitions", "batch-create-partition", "create-connection"] {
            #expect(help.contains(sub))
        }
    }
}
