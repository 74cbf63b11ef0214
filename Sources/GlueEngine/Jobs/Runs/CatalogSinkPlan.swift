import Foundation
import GRDB

/// What a catalog-updating sink will do to the Data Catalog, worked out (and checked) before
/// the write so that a sink the catalog would refuse writes nothing; applied after the write
/// is published, in one catalog transaction (``apply(_:partitions:now:)``).
///
/// Rules (Glue's "update the catalog from a job" page):
/// - **new table** (``JobRun/writeS3(frame:ctx:connectionOptions:format:formatOptions:catalogDatabase:catalogTable:)``):
///   columns = the frame's fields other than the partition keys, Hive-typed; partition keys
///   typed from the frame; version 0. An empty frame creates nothing.
/// - `UPDATE_IN_DATABASE`: the table's columns become the frame's (a column the frame lacks
///   is dropped, a new one added, a changed type replaced) — as a new table version, only when
///   they differ; comments of kept columns are kept.
/// - `LOG`: the schema is left alone; new partitions are added only when every column of the
///   frame is already a column of the table, otherwise none are (``Outcome/note`` says why).
/// - Partitions are added for every `key=value/` folder the write made, with the table's
///   storage descriptor and the folder's location; partitions that exist are left as they are.
/// - Structs holding arrays, structs or maps are refused: Glue does not create or update
///   tables with such nested schemas from a job.
struct CatalogSinkPlan {
    /// What applying the plan did.
    struct Outcome: Sendable, Hashable {
        var partitionsAdded: Int
        /// The table's version id when the sink created (0) or updated it; nil when unchanged.
        var version: Int?
        var note: String?
    }

    let table: CatalogTable
    let keys: [String]
    let creating: Bool
    let behavior: CatalogSinkOptions.UpdateBehavior
    /// The frame's data columns as catalog columns (empty for an empty frame).
    let dataColumns: [CatalogColumn]
    let keyColumns: [CatalogColumn]

    init(frame: DynamicFrame, keys: [String], table: CatalogTable, options: CatalogSinkOptions,
         creating: Bool = false) throws(EngineError) {
        self.table = table
        self.keys = keys
        self.creating = creating
        behavior = options.updateBehavior
        let schema = frame.schema()
        let keySet = Set(keys.map { $0.lowercased() })
        var columns: [CatalogColumn] = []
        for field in schema.fields where !keySet.contains(field.name.lowercased()) {
            if case .structure(let s) = field.type, let inner = s.fields.first(where: { Self.isComplex($0.type) }) {
                throw .unsupported(
                    what: "enableUpdateCatalog with column \(field.name) (a struct holding \(inner.name): \(HiveType.name(of: inner.type)))",
                    reason: "Glue does not create or update catalog tables with nested schemas such as arrays inside structs; flatten it (unnest, relationalize) or update the catalog with a crawler")
            }
            let comment = table.storageDescriptor.columns.first { $0.name.lowercased() == field.name.lowercased() }?.comment
            columns.append(CatalogColumn(name: field.name, type: HiveType.name(of: field.type), comment: comment))
        }
        dataColumns = columns
        keyColumns = keys.map { key in
            CatalogColumn(name: key, type: schema.fields.first { $0.name.lowercased() == key.lowercased() }.map { HiveType.name(of: $0.type) } ?? "string")
        }
    }

    static func isComplex(_ type: DataType) -> Bool {
        switch type {
        case .structure, .array, .map: true
        case .choice(let c): c.members.contains(where: isComplex)
        default: false
        }
    }

    /// Creates or updates the table and adds `partitions` (values and relative folder).
    func apply(_ db: Database, partitions: [(values: [String], folder: String)], now: Int64) throws -> Outcome {
        var current: CatalogTable
        var version: Int?
        if creating {
            guard !dataColumns.isEmpty else {
                return Outcome(partitionsAdded: 0, version: nil, note: "the frame is empty: table \(table.qualifiedName) was not created")
            }
            var made = table
            made.storageDescriptor.columns = dataColumns
            made.partitionKeys = keyColumns
            current = try DataCatalog.createTable(db, made, now: now)
            version = current.versionId
        } else {
            current = try DataCatalog.table(db, database: table.databaseName, name: table.name)
            switch behavior {
            case .updateInDatabase:
                if !dataColumns.isEmpty, !Self.same(dataColumns, current.storageDescriptor.columns) {
                    var next = current
                    next.storageDescriptor.columns = dataColumns
                    current = try DataCatalog.updateTable(db, next, now: now)
                    version = current.versionId
                }
            case .log:
                let known = Set(current.storageDescriptor.columns.map { $0.name.lowercased() })
                let extra = dataColumns.filter { !known.contains($0.name.lowercased()) }.map(\.name)
                if !extra.isEmpty {
                    return Outcome(partitionsAdded: 0, version: nil,
                                   note: "updateBehavior LOG: the frame has columns the table lacks (\(extra.joined(separator: ", "))), so no partitions were added and the schema was kept")
                }
            }
        }
        guard !current.partitionKeys.isEmpty, !partitions.isEmpty else {
            return Outcome(partitionsAdded: 0, version: version, note: nil)
        }
        let base = current.storageDescriptor.location.hasSuffix("/") ? current.storageDescriptor.location : current.storageDescriptor.location + "/"
        let made = partitions.map { p in
            var sd = current.storageDescriptor
            sd.location = base + p.folder
            return CatalogPartition(databaseName: current.databaseName, tableName: current.name, values: p.values, storageDescriptor: sd)
        }
        let added = try DataCatalog.createPartitions(db, made, now: now)
        return Outcome(partitionsAdded: added, version: version, note: nil)
    }

    static func same(_ a: [CatalogColumn], _ b: [CatalogColumn]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.name.lowercased() == $1.name.lowercased() && $0.type.lowercased() == $1.type.lowercased() }
    }

    /// The partitions a write made: the `key=value/` folders (in `keys` order) of the objects
    /// written under `path`, values unescaped, each once, sorted by folder.
    static func partitionValues(objects: [String], path: String, keys: [String]) -> [(values: [String], folder: String)] {
        guard !keys.isEmpty else { return [] }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var byFolder: [String: [String]] = [:]
        for uri in objects where uri.hasPrefix(prefix) {
            let parts = uri.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count > keys.count else { continue }
            var values: [String] = []
            for (key, part) in zip(keys, parts) {
                guard let eq = part.firstIndex(of: "="), unescape(String(part[..<eq])).lowercased() == key.lowercased() else { break }
                values.append(unescape(String(part[part.index(after: eq)...])))
            }
            guard values.count == keys.count else { continue }
            byFolder[parts.prefix(keys.count).joined(separator: "/") + "/"] = values
        }
        return byFolder.keys.sorted().map { (byFolder[$0]!, $0) }
    }

    /// Undoes Hive's `%XX` path escapes.
    static func unescape(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let v = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(v)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
