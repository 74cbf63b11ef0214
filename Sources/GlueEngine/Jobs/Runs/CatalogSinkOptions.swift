/// The catalog options of a sink (`additional_options` of `write_dynamic_frame.from_catalog`,
/// the keywords of `glueContext.getSink`), checked.
///
/// - `enableUpdateCatalog`: update the Data Catalog after the write (default false: the
///   catalog is not touched, whatever else is set — Glue's rule).
/// - `updateBehavior`: `UPDATE_IN_DATABASE` (default: the table's schema becomes the frame's,
///   as a new table version, and new partitions are added) or `LOG` (the schema is kept; new
///   partitions are added only when the frame's columns are a subset of the table's).
/// - `partitionKeys`: a list of column names (one string is accepted too).
public struct CatalogSinkOptions: Sendable, Hashable {
    public enum UpdateBehavior: String, Sendable, Hashable {
        case updateInDatabase = "UPDATE_IN_DATABASE"
        case log = "LOG"
    }

    public var enableUpdateCatalog: Bool
    public var updateBehavior: UpdateBehavior
    /// nil when not given.
    public var partitionKeys: [String]?

    public init(_ options: [String: Value]) throws(EngineError) {
        enableUpdateCatalog = try S3ReadOptions.bool(options, "enableUpdateCatalog") ?? false
        switch options["updateBehavior"] {
        case nil, .null?: updateBehavior = .updateInDatabase
        case .string(let s)?:
            guard let b = UpdateBehavior(rawValue: s.uppercased()) else {
                throw .invalidOption(name: "updateBehavior", value: s, reason: "expected UPDATE_IN_DATABASE or LOG")
            }
            updateBehavior = b
        case let v?: throw .invalidOption(name: "updateBehavior", value: v.plainText, reason: "expected UPDATE_IN_DATABASE or LOG")
        }
        switch options["partitionKeys"] {
        case nil, .null?: partitionKeys = nil
        case .string(let s)?: partitionKeys = [s]
        case .array(let items)?:
            partitionKeys = try items.map { (v: Value) throws(EngineError) in
                guard case .string(let s) = v else {
                    throw .invalidOption(name: "partitionKeys", value: v.plainText, reason: "each key is a column name")
                }
                return s
            }
        case let v?: throw .invalidOption(name: "partitionKeys", value: v.plainText, reason: "expected a list of column names")
        }
    }

    /// Glue's rule: the sink's partition keys must be the table's, in the same order.
    func checkKeys(against table: CatalogTable) throws(EngineError) {
        guard let partitionKeys else { return }
        let tableKeys = table.partitionKeys.map(\.name)
        guard partitionKeys.map({ $0.lowercased() }) == tableKeys.map({ $0.lowercased() }) else {
            throw .invalidOption(
                name: "partitionKeys", value: partitionKeys.joined(separator: ","),
                reason: "must be the partition keys of table \(table.qualifiedName), in the same order: [\(tableKeys.joined(separator: ", "))]")
        }
    }
}
