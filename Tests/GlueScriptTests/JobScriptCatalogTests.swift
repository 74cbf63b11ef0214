import Foundation
import GlueEngine
import Testing

@testable import GlueScript

/// Job scripts that read, write and resolve through the Data Catalog.
@Suite struct JobScriptCatalogTests {
    /// `salesdb.raw_orders`: JSON at `s3://sales-raw/orders/`, prices sometimes numbers,
    /// sometimes strings (a choice in the frame, `double` in the catalog).
    func rawOrders(_ lab: CatalogScriptLab) throws {
        try lab.catalog.createDatabase(CatalogDatabase(name: "salesdb"))
        try lab.catalog.createTable(CatalogTable(
            databaseName: "salesdb", name: "raw_orders", parameters: ["classification": "json"],
            storageDescriptor: StorageDescriptor(columns: [
                CatalogColumn(name: "order_id", type: "bigint"), CatalogColumn(name: "country", type: "string"),
                CatalogColumn(name: "price", type: "double"), CatalogColumn(name: "qty", type: "bigint"),
            ], location: "s3://sales-raw/orders/")))
        try lab.putJSON("s3://sales-raw/orders/2024-03-01.json", [
            #"{"order_id": 1, "country": "FR", "price": 12.5, "qty": 2}"#,
            #"{"order_id": 2, "country": "US", "price": "9.99", "qty": 1}"#,
        ])
    }

    @Test func theLegacyGeneratedScriptRunsUnchanged() throws {
        let lab = try CatalogScriptLab()
        try rawOrders(lab)
        let script = try fixture("legacy_generated.py")
        let first = try lab.run(script, file: "legacy_generated.py")
        #expect(first.error == nil)
        #expect(first.record.status == .succeeded && first.record.committed)
        #expect(first.record.sources.map(\.catalogTable) == ["salesdb.raw_orders"])
        #expect(first.record.sources[0].recordsRead == 2 && first.record.sinks[0].recordsWritten == 2)
        #expect(try lab.keys(under: "s3://sales-curated/orders/").count == 1)

        // datasource0 is bookmarked: the next run reads only what arrived since.
        try lab.pass(minutes: 60)
        try lab.putJSON("s3://sales-raw/orders/2024-03-02.json", [#"{"order_id": 3, "country": "DE", "price": 5, "qty": 4}"#])
        let second = try lab.run(script, file: "legacy_generated.py")
        #expect(second.error == nil)
        #expect(second.record.sources[0].objects == ["s3://sales-raw/orders/2024-03-02.json"])
        #expect(second.record.sinks[0].recordsWritten == 1)
    }

    @Test func pushDownPredicateAndPartitionColumnsInAScript() throws {
        let lab = try CatalogScriptLab()
        try lab.catalog.createDatabase(CatalogDatabase(name: "shop"))
        try lab.catalog.createTable(CatalogTable(
            databaseName: "shop", name: "events", parameters: ["classification": "json"],
            storageDescriptor: StorageDescriptor(columns: [CatalogColumn(name: "kind", type: "string")], location: "s3://lake/events/"),
            partitionKeys: [CatalogColumn(name: "year", type: "string"), CatalogColumn(name: "month", type: "string")]))
        var partitions: [CatalogPartition] = []
        for month in 1...12 {
            let mm = month < 10 ? "0\(month)" : "\(month)"
            try lab.putJSON("s3://lake/events/year=2023/month=\(mm)/e.json", [#"{"kind": "click"}"#, #"{"kind": "view"}"#])
            partitions.append(CatalogPartition(databaseName: "shop", tableName: "events", values: ["2023", mm],
                                               storageDescriptor: StorageDescriptor(columns: [], location: "s3://lake/events/year=2023/month=\(mm)/")))
        }
        try lab.catalog.createPartitions(partitions)
        let result = try lab.run(jobPrologue + """
            events = glueContext.create_dynamic_frame.from_catalog(database="shop", table_name="events",
                push_down_predicate="(year == '2023' and month == '04')", transformation_ctx="events")
            print(events.count())
            events.printSchema()
            events.show()
            job.commit()

            """)
        #expect(result.error == nil)
        #expect(result.lines.prefix(6) == ["2", "root", "|-- kind: string", "|-- year: string", "|-- month: string", ""])
        #expect(result.lines.contains(#"{"kind": "click", "year": "2023", "month": "04"}"#))
        let source = try #require(result.record.sources.first)
        #expect(source.objectsRead == 1 && source.partitionsMatched == 1 && source.partitionsTotal == 12)
    }

    @Test func argumentErrorsAreAwsgluesOwn() throws {
        let lab = try CatalogScriptLab()
        try rawOrders(lab)
        func error(_ call: String) throws -> String? {
            try lab.run(jobPrologue + call + "\n").error
        }
        #expect(try error(#"glueContext.create_dynamic_frame.from_catalog(database="salesdb")"#)
            == "job.py:11:1: Exception: Parameter table_name is missing.")
        #expect(try error(#"glueContext.create_dynamic_frame.from_catalog(database="salesdb", name_space="x", table_name="raw_orders")"#)
            == "job.py:11:1: Exception: Parameter name_space and database are both specified, choose one.")
        #expect(try error(#"glueContext.create_dynamic_frame.from_catalog(table_name="raw_orders")"#)
            == "job.py:11:1: Exception: Parameter name_space or database is missing.")
        #expect(try error(#"f = glueContext.create_dynamic_frame.from_catalog(name_space="salesdb", table_name="raw_orders"); print(f.count())"#) == nil)
        #expect(try error(#"glueContext.create_dynamic_frame.from_catalog(database="salesdb", table_name="nope")"#)
            == "job.py:11:1: not found: table nope in database salesdb of the Data Catalog (EntityNotFoundException)")
        let predicate = try error(#"glueContext.create_dynamic_frame_from_catalog(database="salesdb", table_name="raw_orders", push_down_predicate="country = 'FR'")"#)
        #expect(predicate?.contains("column country (at character 1) is not a partition key") == true)
        #expect(predicate?.contains("table salesdb.raw_orders is not partitioned") == true)
    }

    @Test func matchCatalogCastsChoiceColumnsToTheCatalogsTypes() throws {
        let lab = try CatalogScriptLab()
        try rawOrders(lab)
        let result = try lab.run(jobPrologue + """
            orders = glueContext.create_dynamic_frame.from_catalog(database="salesdb", table_name="raw_orders")
            orders.printSchema()
            matched = orders.resolveChoice(choice="match_catalog", database="salesdb", table_name="raw_orders")
            matched.printSchema()
            matched.select_fields(["price"]).show()
            specced = orders.resolveChoice(specs=[("price", "match_catalog")], database="salesdb", table_name="raw_orders")
            specced.select_fields(["price"]).printSchema()

            """)
        #expect(result.error == nil)
        #expect(result.lines.prefix(8) == [
            "root", "|-- order_id: int", "|-- country: string", "|-- price: choice", "|    |-- double", "|    |-- string", "|-- qty: int", "",
        ])
        #expect(result.lines[8...].contains("|-- price: double"))
        #expect(result.lines.contains(#"{"price": 12.5}"#) && result.lines.contains(#"{"price": 9.99}"#))
        #expect(result.lines.suffix(3) == ["root", "|-- price: double", ""])
    }

    @Test func getSinkInTheStudioShapeCreatesAndUpdatesTheTable() throws {
        let lab = try CatalogScriptLab()
        try lab.catalog.createDatabase(CatalogDatabase(name: "shop"))
        try lab.putJSON("s3://shop-landing/orders/a.json", [
            #"{"order_date": "2024-03-01", "country": "FR", "revenue": 10.5}"#,
            #"{"order_date": "2024-03-02", "country": "US", "revenue": 3.0}"#,
        ])
        let sink = """
            Orders_node1 = glueContext.create_dynamic_frame.from_options(format_options={"multiLine": "false"},
                connection_type="s3", format="json",
                connection_options={"paths": ["s3://shop-landing/orders/"], "recurse": True}, transformation_ctx="Orders_node1")
            Curated_node3 = glueContext.getSink(
                path="s3://shop-curated/daily_totals/",
                connection_type="s3",
                updateBehavior="UPDATE_IN_DATABASE",
                partitionKeys=["order_date"],
                enableUpdateCatalog=True,
                transformation_ctx="Curated_node3",
            )
            Curated_node3.setCatalogInfo(
                catalogDatabase="shop", catalogTableName="daily_totals"
            )
            Curated_node3.setFormat("glueparquet", compression="snappy")
            Curated_node3.writeFrame(Orders_node1)
            job.commit()

            """
        let first = try lab.run(jobPrologue + sink)
        #expect(first.error == nil)
        let table = try lab.catalog.table(database: "shop", name: "daily_totals")
        #expect(table.storageDescriptor.columns.map(\.name) == ["country", "revenue"] && table.partitionKeys.map(\.name) == ["order_date"])
        #expect(try lab.catalog.partitions(database: "shop", table: "daily_totals").map(\.values) == [["2024-03-01"], ["2024-03-02"]])
        #expect(first.record.sinks.first?.partitionsAdded == 2 && first.record.sinks.first?.catalogTable == "shop.daily_totals")

        // A new column and a new day: a new table version and one more partition.
        try lab.pass(minutes: 60)
        try lab.putJSON("s3://shop-landing/orders/b.json", [#"{"order_date": "2024-03-03", "country": "FR", "revenue": 1.0, "channel": "web"}"#])
        let second = try lab.run(jobPrologue + sink)
        #expect(second.error == nil)
        let versions = try lab.catalog.tableVersions(database: "shop", name: "daily_totals")
        #expect(versions.map(\.versionId) == [1, 0])
        #expect(versions[0].storageDescriptor.columns.map(\.name) == ["country", "revenue", "channel"])
        #expect(try lab.catalog.partitions(database: "shop", table: "daily_totals").count == 3)
    }

    @Test func writeFromCatalogAndFromJdbcConf() throws {
        let lab = try CatalogScriptLab()
        try rawOrders(lab)
        try lab.catalog.createTable(CatalogTable(
            databaseName: "salesdb", name: "curated", parameters: ["classification": "csv", "skip.header.line.count": "1"],
            storageDescriptor: StorageDescriptor(columns: [CatalogColumn(name: "order_id", type: "bigint"), CatalogColumn(name: "qty", type: "bigint")],
                                                 location: "s3://sales-curated/csv/", serdeParameters: ["field.delim": "|"]),
            partitionKeys: [CatalogColumn(name: "country", type: "string")]))
        _ = try JDBCDatabases(sandbox: lab.sandbox).run(sql: "CREATE TABLE orders (order_id INTEGER, qty INTEGER)", database: "dw")
        try lab.catalog.createConnection(CatalogConnection(name: "dw-conn", properties: ["JDBC_CONNECTION_URL": "jdbc:postgresql://dw:5432/dw"]))
        let result = try lab.run(jobPrologue + """
            orders = glueContext.create_dynamic_frame.from_catalog(database="salesdb", table_name="raw_orders")
            slim = orders.select_fields(["order_id", "qty", "country"])
            glueContext.write_dynamic_frame.from_catalog(frame=slim, database="salesdb", table_name="curated",
                additional_options={"enableUpdateCatalog": True, "partitionKeys": ["country"]}, transformation_ctx="out")
            glueContext.write_dynamic_frame.from_jdbc_conf(frame=slim.drop_fields(["country"]), catalog_connection="dw-conn",
                connection_options={"dbtable": "public.orders"})
            back = glueContext.create_dynamic_frame.from_catalog(database="salesdb", table_name="curated",
                push_down_predicate="country = 'FR'")
            back.show()
            job.commit()

            """)
        #expect(result.error == nil)
        #expect(try lab.keys(under: "s3://sales-curated/csv/").map { $0.components(separatedBy: "/")[0] } == ["country=FR", "country=US"])
        #expect(result.lines == [#"{"order_id": 1, "qty": 2, "country": "FR"}"#])
        #expect(result.record.sinks.map(\.recordsWritten) == [2, 2])
        #expect(result.record.sinks.map(\.connectionType) == ["s3", "postgresql"])
    }
}
