import Foundation

/// A crawler's `Configuration` JSON (version 1.0), the parts gluelab models (fact sheet §5):
///
/// ```json
/// {"Version": 1.0,
///  "CrawlerOutput": {"Tables": {"AddOrUpdateBehavior": "MergeNewColumns"},
///                    "Partitions": {"AddOrUpdateBehavior": "InheritFromTable"}},
///  "Grouping": {"TableGroupingPolicy": "CombineCompatibleSchemas", "TableLevelConfiguration": 2}}
/// ```
///
/// - `MergeNewColumns`: an update only adds columns; existing ones are never removed or
///   retyped. A change of classification then marks the table deprecated instead.
/// - `InheritFromTable`: every partition takes the table's columns and formats.
/// - `CombineCompatibleSchemas`: one table per include path whatever the schemas (same format).
/// - `TableLevelConfiguration`: the absolute folder level of the table roots (the bucket is
///   level 0, its first folder level 1); objects above that level make tables of their own.
///
/// Unknown keys are refused, so a misspelt option is an error rather than silently ignored.
public struct CrawlerConfiguration: Sendable, Hashable {
    public var mergeNewColumns = false
    public var inheritFromTable = false
    public var combineCompatibleSchemas = false
    public var tableLevel: Int?

    public init() {}

    /// Parses the JSON string; nil or blank is the default configuration.
    public init(json: String?) throws(EngineError) {
        guard let json, !json.allSatisfy(\.isWhitespace) else { return }
        func bad(_ reason: String) -> EngineError { .invalidOption(name: "Configuration", value: json, reason: reason) }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            throw bad("expected a JSON object such as {\"Version\":1.0,\"Grouping\":{\"TableGroupingPolicy\":\"CombineCompatibleSchemas\"}}")
        }
        for key in object.keys.sorted() {
            switch key {
            case "Version":
                guard let v = object[key] as? NSNumber, v.doubleValue == 1.0 else { throw bad("Version must be 1.0") }
            case "CrawlerOutput":
                guard let output = object[key] as? [String: Any] else { throw bad("CrawlerOutput must be an object") }
                for (k, v) in output {
                    guard let inner = v as? [String: Any], inner.keys.allSatisfy({ $0 == "AddOrUpdateBehavior" }) else {
                        throw bad("CrawlerOutput.\(k) takes only AddOrUpdateBehavior")
                    }
                    let behavior = inner["AddOrUpdateBehavior"] as? String
                    switch (k, behavior) {
                    case ("Tables", "MergeNewColumns"): mergeNewColumns = true
                    case ("Partitions", "InheritFromTable"): inheritFromTable = true
                    case ("Tables", _): throw bad("CrawlerOutput.Tables.AddOrUpdateBehavior must be MergeNewColumns")
                    case ("Partitions", _): throw bad("CrawlerOutput.Partitions.AddOrUpdateBehavior must be InheritFromTable")
                    default: throw bad("unknown CrawlerOutput key \(k) (Tables, Partitions)")
                    }
                }
            case "Grouping":
                guard let grouping = object[key] as? [String: Any] else { throw bad("Grouping must be an object") }
                for (k, v) in grouping {
                    switch k {
                    case "TableGroupingPolicy":
                        guard v as? String == "CombineCompatibleSchemas" else { throw bad("Grouping.TableGroupingPolicy must be CombineCompatibleSchemas") }
                        combineCompatibleSchemas = true
                    case "TableLevelConfiguration":
                        guard let n = v as? Int, n >= 1 else { throw bad("Grouping.TableLevelConfiguration must be a positive integer") }
                        tableLevel = n
                    default: throw bad("unknown Grouping key \(k) (TableGroupingPolicy, TableLevelConfiguration)")
                    }
                }
            default:
                throw bad("unknown key \(key) (Version, CrawlerOutput, Grouping)")
            }
        }
    }
}

/// A JDBC target's include path: `database/table`, or `database/schema/table`, where `%`
/// matches any characters and `_` one (SQL `LIKE`), as Glue's JDBC include paths.
struct CrawlerJDBCPath: Sendable, Hashable {
    var database: String
    var schema: String?
    var table: String

    init(_ path: String) throws(EngineError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw .invalidOption(name: "JdbcTarget.Path", value: path,
                                 reason: "expected database/table or database/schema/table, with % for any name (e.g. shop/% or shop/public/%)")
        }
        database = parts[0]
        schema = parts.count == 3 ? parts[1] : nil
        table = parts[parts.count - 1]
    }

    /// SQL `LIKE` matching, case-insensitive.
    static func like(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased().unicodeScalars), t = Array(text.lowercased().unicodeScalars)
        var memo: [Int: Bool] = [:]
        func match(_ i: Int, _ j: Int) -> Bool {
            if let m = memo[i * (t.count + 1) + j] { return m }
            let r: Bool
            if i == p.count { r = j == t.count }
            else if p[i] == "%" { r = match(i + 1, j) || (j < t.count && match(i, j + 1)) }
            else { r = j < t.count && (p[i] == "_" || p[i] == t[j]) && match(i + 1, j + 1) }
            memo[i * (t.count + 1) + j] = r
            return r
        }
        return match(0, 0)
    }
}
