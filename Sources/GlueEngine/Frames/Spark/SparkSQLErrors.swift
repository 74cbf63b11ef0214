/// SQLite's errors in spark.sql, said the way Spark's AnalysisException / ParseException say
/// them, with the position of the name in the query (`line 1 pos 14`).
enum SparkSQLErrors {
    static func engineError(_ message: String, tokens: [SparkSQLToken], views: [(key: String, value: DataFrame)]) -> EngineError {
        func position(of name: String) -> String {
            let last = name.split(separator: ".").last.map(String.init) ?? name
            guard let t = tokens.first(where: { $0.isName && $0.text.caseInsensitiveCompare(last) == .orderedSame }) else { return "" }
            return "; " + t.position
        }
        func after(_ prefix: String) -> String? {
            message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : nil
        }
        if let name = after("no such table: ") {
            let bare = name.hasPrefix("main.") ? String(name.dropFirst(5)) : name
            return .transform(name: "AnalysisException", message: "Table or view not found: \(bare)\(position(of: bare))")
        }
        if let name = after("no such column: ") {
            let inputs = views.flatMap { v in v.value.schema.names.map { "\(v.key).\($0)" } }
            return .transform(name: "AnalysisException",
                              message: "cannot resolve '\(name)' given input columns: [\(inputs.joined(separator: ", "))]\(position(of: name))")
        }
        if let name = after("ambiguous column name: ") {
            let owners = views.filter { v in v.value.schema.names.contains { $0.lowercased() == name.lowercased() } }.map { "\($0.key).\(name)" }
            return .transform(name: "AnalysisException",
                              message: "Reference '\(name)' is ambiguous, could be: \(owners.joined(separator: ", "))\(position(of: name))")
        }
        if let name = after("no such function: ") {
            return .transform(name: "AnalysisException", message: "Undefined function: '\(name)'\(position(of: name))")
        }
        if message.hasSuffix(": syntax error"), let near = message.split(separator: "\"").dropFirst().first {
            let matches = tokens.filter { $0.text == near }
            let at = matches.count == 1 ? " (\(matches[0].position))" : ""
            return .transform(name: "ParseException", message: "syntax error at or near '\(near)'\(at)")
        }
        if message.hasPrefix("incomplete input") {
            return .transform(name: "ParseException", message: "syntax error at end of input")
        }
        return .transform(name: "spark.sql", message: message)
    }
}
