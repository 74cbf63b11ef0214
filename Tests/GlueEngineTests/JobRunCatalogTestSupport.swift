import Foundation
@testable import GlueEngine

/// A sandbox (stopped clock) with a Data Catalog database `sales`, and helpers to make tables
/// and run jobs against them.
struct CatalogRunFixture {
    let base: RunFixture
    var sandbox: Sandbox { base.sandbox }
    var catalog: DataCatalog { DataCatalog(sandbox: sandbox) }

    static func with(_ body: (CatalogRunFixture) throws -> Void) throws {
        try RunFixture.with { base in
            let f = CatalogRunFixture(base: base)
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            try body(f)
        }
    }

    /// Puts a JSON Lines object holding `records` (JSON texts).
    @discardableResult
    func putJSON(_ uri: String, _ records: [String]) throws -> ObjectInfo {
        try sandbox.store.put(try storeURI(uri), bytes: Array((records.joined(separator: "\n") + "\n").utf8))
    }

    /// Table `sales.orders` at `s3://lake/orders/`, JSON, columns `id bigint, amount double`,
    /// partitioned by `year int, month string`, with one partition per month of 2024 in
    /// `months`, each holding `objectsPerMonth` objects of one record each.
    @discardableResult
    func monthlyOrders(months: ClosedRange<Int> = 1...12, objectsPerMonth: Int = 2) throws -> CatalogTable {
        let table = try catalog.createTable(CatalogTable(
            databaseName: "sales", name: "orders", parameters: ["classification": "json"],
            storageDescriptor: StorageDescriptor(columns: [CatalogColumn(name: "id", type: "bigint"), CatalogColumn(name: "amount", type: "double")],
                                                 location: "s3://lake/orders/"),
            partitionKeys: [CatalogColumn(name: "year", type: "int"), CatalogColumn(name: "month", type: "string")]))
        for month in months { try addMonth(month, objects: objectsPerMonth) }
        return table
    }

    /// Puts month `month`'s objects and registers its partition.
    func addMonth(_ month: Int, objects: Int = 2, register: Bool = true) throws {
        let mm = month < 10 ? "0\(month)" : "\(month)"
        for k in 0..<objects {
            try putJSON("s3://lake/orders/year=2024/month=\(mm)/part-\(k).json", ["{\"id\": \(month * 100 + k), \"amount\": \(month).5}"])
        }
        if register { try addPartition(["2024", mm]) }
    }

    func addPartition(_ values: [String], table: String = "orders") throws {
        let t = try catalog.table(database: "sales", name: table)
        var sd = t.storageDescriptor
        sd.location = t.storageDescriptor.location + zip(t.partitionKeys, values).map { "\($0.name)=\($1)/" }.joined()
        try catalog.createPartitions([CatalogPartition(databaseName: "sales", tableName: table, values: values, storageDescriptor: sd)])
    }

    /// One run of job `job`: start, `job.init`, `body`, `job.commit`, finish.
    @discardableResult
    func run<T>(_ job: String = "nightly", option: BookmarkOption = .enable, _ body: (JobRun) throws -> T) throws -> (T, RunRecord) {
        let run = try JobRun.start(sandbox: sandbox, jobName: job, arguments: ["job-bookmark-option": option.rawValue],
                                   capacity: JobCapacity(), definition: nil)
        do {
            try run.jobInit()
            let value = try body(run)
            try run.commit()
            return (value, try run.finish(error: nil))
        } catch {
            try run.finish(error: error)
            throw error
        }
    }

    /// The keys of the objects under `prefix`, relative to it.
    func keys(under prefix: String) throws -> [String] {
        let uri = try storeURI(prefix)
        return try sandbox.store.list(uri).map { String($0.key.dropFirst(uri.key.count)) }.sorted()
    }
}

/// The error's description, or "no error".
func catalogFailure(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch {
        return String(describing: error)
    }
}
