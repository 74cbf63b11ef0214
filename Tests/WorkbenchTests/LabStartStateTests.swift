import Foundation
import GlueEngine
import Testing
@testable import Workbench

@Suite struct LabStartStateTests {
    static let yaml = """
        id: stores
        title: Stores
        topic: catalog
        domain: 2
        minutes: 5
        story: JDBC, topics and the catalog in the start state.
        start:
          clock: 2024-03-01T09:00:00Z
          catalogDatabases: [sales]
          topics:
            - {name: clicks, partitions: 2}
          sql:
            - database: shop
              statements: |
                CREATE TABLE orders (id INTEGER PRIMARY KEY, amount REAL);
                INSERT INTO orders VALUES (1, 9.5), (2, 12.0);
        steps:
          - id: one
            title: One
            instructions: Make the table.
            checks:
              - table: {database: sales, name: orders, version: 1, columns: {id: bigint, amount: double}}
            hints: []
            explanation: Done.
            solution:
              - advanceClock: 1m
        """

    @Test func buildsJDBCTopicsAndCatalogThroughTheEngine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("stores"), withIntermediateDirectories: true)
        try Data(Self.yaml.utf8).write(to: root.appendingPathComponent("stores/lab.yaml"))
        let loader = LabLoader(root: root)
        let lab = try loader.load("stores")
        let home = root.appendingPathComponent("home")
        let state = LabStartState(lab: lab, folder: loader.folder("stores"), home: home)
        try state.apply()
        let box = try state.open()
        #expect(try DataCatalog(sandbox: box).databases().map(\.name).contains("sales"))
        #expect(try TopicStore(sandbox: box).list().map(\.name) == ["clicks"])
        let rows = try JDBCDatabases(sandbox: box).run(sql: "SELECT COUNT(*) AS n FROM orders", database: "shop")
        #expect("\(rows)".contains("2"))

        let check = lab.steps[0].checks[0]
        #expect(try check.evaluate(in: box).map(\.actual) == ["(no table)", "(no table)", "(no table)"])
        _ = try DataCatalog(sandbox: box).createTable(CatalogTable(
            databaseName: "sales", name: "orders",
            storageDescriptor: StorageDescriptor(columns: [CatalogColumn(name: "id", type: "bigint"), CatalogColumn(name: "amount", type: "string")],
                                                 location: "s3://sales/orders/")))
        let results = try check.evaluate(in: box)
        #expect(results.map { "\($0.what): \($0.expected) / \($0.actual)" } == [
            "table sales.orders version: 1 / \(try DataCatalog(sandbox: box).table(database: "sales", name: "orders").versionId)",
            "table sales.orders column amount: double / string",
            "table sales.orders column id: bigint / bigint",
        ])
    }
}
