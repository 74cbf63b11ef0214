import Foundation
import GRDB

/// A JDBC target's crawl: the table schemas of a sandbox JDBC database, read through a catalog
/// connection, as tables of the crawler's database.
///
/// - The include path's database must be the connection URL's; `%` and `_` match as in SQL
///   `LIKE`. PostgreSQL and SQL Server paths may name the schema (`shop/public/%`): the
///   sandbox database is the engine's default schema (`public`, `dbo`). MySQL and Oracle
///   paths are `database/table`.
/// - Table names follow Glue's JDBC crawler: `<database>_<schema>_<table>` where the engine
///   has schemas, `<database>_<table>` otherwise (lowercased, after the `TablePrefix`);
///   location `database.schema.table` (or `database.table`); classification the engine
///   (`postgresql`, `mysql`, `sqlserver`, `oracle`); `parameters["connectionName"]`.
/// - Column types come from the declared SQL types (``JDBCTypes``); a column without a
///   declared type is `string`.
/// - Exclusions are globs on `database/schema/table` (or `database/table`).
struct CrawlJDBC {
    let sandbox: Sandbox

    /// The tables `target` names, built for `database`, with the number of tables read.
    func tables(_ target: CrawlerDefinition.JDBCTarget, database: String, crawler: CrawlerDefinition) throws(EngineError) -> [CatalogTable] {
        let connection = try DataCatalog(sandbox: sandbox).connection(target.connectionName)
        guard let urlText = connection.url else {
            throw .invalidOption(name: "JDBC_CONNECTION_URL", value: "", reason: "connection \(connection.name) has no URL")
        }
        let url = try JDBCURL(parsing: urlText)
        let path = try CrawlerJDBCPath(target.path)
        guard path.database.lowercased() == url.database.lowercased() else {
            throw .invalidOption(name: "JdbcTarget.Path", value: target.path,
                                 reason: "the path's database must be the connection's (\(url.database))")
        }
        let schema = url.type.defaultSchema
        if let pattern = path.schema {
            guard let schema, CrawlerJDBCPath.like(pattern, schema) else {
                throw .invalidOption(name: "JdbcTarget.Path", value: target.path,
                                     reason: schema.map { "the sandbox database's only schema is \($0)" } ?? "\(url.type.rawValue) include paths are database/table")
            }
        }
        let globs = try target.exclusions.map { (g: String) throws(EngineError) in try GlobMatcher(g) }
        let infos: [JDBCTableInfo] = try JDBCDatabases(sandbox: sandbox).withDatabase(url.database) { queue in
            try queue.read { db in
                let names = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name
                    """)
                return try names.compactMap { try JDBCTableInfo.load(db, table: $0) }
            }
        }
        let db = url.database.lowercased()
        var out: [CatalogTable] = []
        for info in infos where CrawlerJDBCPath.like(path.table, info.name) {
            let parts = [db] + (schema.map { [$0] } ?? []) + [info.name]
            if globs.contains(where: { $0.matches(parts.joined(separator: "/")) }) { continue }
            let name = CrawlLayout.tableName(parts.joined(separator: "_"), prefix: crawler.tablePrefix)
            let columns = info.columns.map { CatalogColumn(name: $0.name.lowercased(), type: $0.type.map { HiveType.name(of: $0) } ?? "string") }
            let params = ["classification": url.type.rawValue, "connectionName": connection.name, "typeOfData": "table",
                          "compressionType": "none", "UPDATED_BY_CRAWLER": crawler.name,
                          "CrawlerSchemaDeserializerVersion": "1.0", "CrawlerSchemaSerializerVersion": "1.0"]
            let sd = StorageDescriptor(columns: columns, location: parts.joined(separator: "."), parameters: params)
            out.append(CatalogTable(databaseName: database, name: name, parameters: params, storageDescriptor: sd, createdBy: crawler.name))
        }
        return out
    }
}
