import ArgumentParser
import Foundation
import GlueEngine

/// The table settings `create-table` and `update-table` take: either options, or the API's
/// `TableInput` JSON (`--table-input FILE.json`, `file://FILE.json` or inline JSON).
struct CatalogTableOptions: ParsableArguments {
    @Option(help: "The database.") var database: String
    @Option(help: "The table name.") var name: String
    @Option(help: "Where the data is: s3://bucket/prefix/.") var location: String?
    @Option(help: "csv, json or parquet (sets the SerDe and input/output formats as a crawler does).") var classification: String?
    @Option(help: ArgumentHelp("The columns, NAME:HIVE_TYPE separated by commas, e.g. 'id:bigint,name:string,tags:array<string>'.",
                               valueName: "COLUMNS"))
    var columns: String?
    @Option(help: ArgumentHelp("The partition keys, e.g. 'year:string,month:string' (empty: none).", valueName: "KEYS"))
    var partitionKeys: String?
    @Option(help: ArgumentHelp("A table parameter (repeatable).", valueName: "KEY=VALUE")) var parameter: [String] = []
    @Option(help: ArgumentHelp("A format option (repeatable). CSV: separator=, withHeader=true|false (default true) quoteChar=\"",
                               valueName: "KEY=VALUE"))
    var formatOption: [String] = []
    @Option(help: "A description.") var description: String?
    @Option(help: ArgumentHelp("The whole table as the API's TableInput JSON: a file, file://FILE or inline JSON (replaces the options above).",
                               valueName: "FILE.json"))
    var tableInput: String?

    /// Whether any table option besides `--database`/`--name` was given.
    var hasSettings: Bool {
        location != nil || classification != nil || columns != nil || partitionKeys != nil || !parameter.isEmpty
            || !formatOption.isEmpty || description != nil
    }

    /// The table `create-table` makes.
    func newTable() throws -> CatalogTable {
        if let input = try inputTable() { return input }
        guard let location else { throw WorkbenchError.badValue(option: "--location", value: "", reason: "a table needs its data's location, e.g. s3://shop/orders/") }
        guard let classification else { throw WorkbenchError.badValue(option: "--classification", value: "", reason: "csv, json or parquet") }
        guard let columns else {
            throw WorkbenchError.badValue(option: "--columns", value: "", reason: "a table needs its columns, e.g. 'id:bigint,name:string'")
        }
        let format = try CatalogFormat(classification: classification)
        let described = try format.describe(columns: try Self.columns(columns, option: "--columns"), location: location,
                                            options: try Self.pairs(formatOption, option: "--format-option"))
        var parameters = described.parameters
        for (k, v) in try Self.pairs(parameter, option: "--parameter") { parameters[k] = v }
        return CatalogTable(databaseName: database, name: name, description: description, parameters: parameters,
                            storageDescriptor: described.storage,
                            partitionKeys: try partitionKeys.map { try Self.columns($0, option: "--partition-keys") } ?? [])
    }

    /// `current` changed by what was given (`update-table`): the options change only what they
    /// name; `--table-input` replaces the whole table, as UpdateTable does.
    func updated(_ current: CatalogTable, removing: [String]) throws -> CatalogTable {
        if let input = try inputTable() { return input }
        guard hasSettings || !removing.isEmpty else {
            throw WorkbenchError.badValue(option: "update-table", value: name, reason: "nothing to change: give --columns, --location, --classification, "
                + "--partition-keys, --parameter, --format-option, --description or --table-input")
        }
        var t = current
        if let columns { t.storageDescriptor.columns = try Self.columns(columns, option: "--columns") }
        if let location { t.storageDescriptor.location = location }
        let formatChanged = classification != nil || !formatOption.isEmpty
        if formatChanged || (columns != nil && current.classification == CatalogFormat.json.rawValue) {
            guard let name = classification ?? current.classification else {
                throw WorkbenchError.badValue(option: "--classification", value: "", reason: "the table has no classification: give csv, json or parquet")
            }
            // The options the table was described with still hold unless the format changes.
            let sameFormat = name.lowercased() == current.classification
            var options = sameFormat ? Self.formatOptions(of: current) : [:]
            for (k, v) in try Self.pairs(formatOption, option: "--format-option") { options[k] = v }
            let described = try CatalogFormat(classification: name).describe(
                columns: t.storageDescriptor.columns, location: t.storageDescriptor.location, options: options)
            for k in CatalogFormat.formatParameterKeys { t.parameters[k] = nil }
            for (k, v) in described.parameters { t.parameters[k] = v }
            var storage = described.storage
            storage.compressed = t.storageDescriptor.compressed
            t.storageDescriptor = storage
        }
        if let partitionKeys { t.partitionKeys = try Self.columns(partitionKeys, option: "--partition-keys") }
        for (k, v) in try Self.pairs(parameter, option: "--parameter") { t.parameters[k] = v }
        for k in removing { t.parameters[k] = nil }
        if let description { t.description = description }
        return t
    }

    /// The CSV options a table was described with (so a column change keeps them).
    static func formatOptions(of t: CatalogTable) -> [String: String] {
        guard t.classification == CatalogFormat.csv.rawValue else { return [:] }
        var out: [String: String] = [:]
        let serde = t.storageDescriptor.serdeParameters
        if let d = serde["field.delim"] ?? serde["separatorChar"] { out["separator"] = d }
        if let q = serde["quoteChar"] { out["quoteChar"] = q }
        out["withHeader"] = t.parameters["skip.header.line.count"] == "1" ? "true" : "false"
        return out
    }

    private func inputTable() throws -> CatalogTable? {
        guard let tableInput else { return nil }
        guard !hasSettings else {
            throw WorkbenchError.badValue(option: "--table-input", value: tableInput, reason: "give the table as TableInput JSON or as options, not both")
        }
        let table = try CatalogTableInput.table(from: tableInput, database: database)
        guard table.name.lowercased() == name.lowercased() else {
            throw WorkbenchError.badValue(option: "--table-input", value: tableInput, reason: "its Name \"\(table.name)\" is not --name \(name)")
        }
        return table
    }

    /// `name:type,name:type`, split at the commas outside `<>` and `()`.
    static func columns(_ text: String, option: String) throws -> [CatalogColumn] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for ch in text {
            switch ch {
            case "<", "(": depth += 1
            case ">", ")": depth -= 1
            default: break
            }
            if ch == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        if parts.count == 1, parts[0].trimmingCharacters(in: .whitespaces).isEmpty { return [] }
        return try parts.map { part in
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let colon = item.firstIndex(of: ":"), colon != item.startIndex else {
                throw WorkbenchError.badValue(option: option, value: item, reason: "expected NAME:TYPE, e.g. id:bigint")
            }
            let column = CatalogColumn(name: item[..<colon].trimmingCharacters(in: .whitespaces),
                                       type: item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            _ = try HiveType.type(column.type)
            return column
        }
    }

    /// `KEY=VALUE` items as a map (the value may be empty; the key may not).
    static func pairs(_ items: [String], option: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for text in items {
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
                throw WorkbenchError.badValue(option: option, value: text, reason: "expected KEY=VALUE")
            }
            out[String(text[..<eq])] = String(text[text.index(after: eq)...])
        }
        return out
    }
}
