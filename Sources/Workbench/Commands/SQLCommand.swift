import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab sql ...`: SQL on the sandbox's JDBC databases, the SQLite files that stand in for
/// the PostgreSQL / MySQL servers Glue scripts connect to (labs use it to create tables and to
/// insert or update rows between job runs).
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run SQL in the sandbox's JDBC databases (SQLite standing in for PostgreSQL/MySQL).",
        discussion: """
            The database is the one a script's JDBC URL names: jdbc:postgresql://host:5432/sales \
            reads the database 'sales'. It is created by the first statement run in it. All the \
            statements of one command run in one transaction (so BEGIN/COMMIT are not needed, \
            and a failing statement undoes the others). Queries print an aligned table (--json: \
            one JSON array of objects per query); other statements print how many rows they changed.
            """
    )

    @Argument(help: "The SQL to run; several statements may be separated by ';'.") var statement: String?
    @Option(help: "The database: the name at the end of the JDBC URL.") var database: String = "main"
    @Option(help: "Run the SQL statements in this local file.") var file: String?
    @Flag(help: "List the databases and their tables.") var list = false
    @OptionGroup var sandboxOptions: SandboxOptions
    @OptionGroup var output: JSONFlag

    func validate() throws {
        let given = [statement != nil, file != nil, list].filter { $0 }.count
        if given == 0 { throw ValidationError("give a SQL statement, --file FILE, or --list") }
        if given > 1 { throw ValidationError("give only one of a SQL statement, --file FILE, or --list") }
    }

    func run() throws {
        let databases = JDBCDatabases(sandbox: try sandboxOptions.open())
        if list { return try printList(databases) }
        let sql: String
        if let file {
            do { sql = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw WorkbenchError.file(path: file, reason: "cannot read: \(error.localizedDescription)")
            }
        } else {
            sql = statement ?? ""
        }
        guard !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw WorkbenchError.badValue(option: file == nil ? "statement" : "--file", value: file ?? sql, reason: "no SQL to run")
        }
        var changed: Int?
        for result in try databases.run(sql: sql, database: database) {
            switch result {
            case .rows(let columns, let rows):
                if output.json {
                    Output.line(Value.array(rows.map { .structure(DynamicRecord(Array(zip(columns, $0)))) }).jsonText())
                } else {
                    SQLTable.print(columns: columns, rows: rows)
                }
            case .changes(let n):
                changed = (changed ?? 0) + n
            }
        }
        if let changed {
            if output.json { Output.json(DynamicRecord([("changes", .long(Int64(changed)))])) } else {
                Output.line(changed == 1 ? "1 row changed" : "\(changed) rows changed")
            }
        }
    }

    private func printList(_ databases: JDBCDatabases) throws {
        let names = databases.names()
        if names.isEmpty, !output.json {
            Output.note("no JDBC databases in sandbox \(sandboxOptions.sandbox); create one with: gluelab sql --database NAME \"CREATE TABLE ...\"")
        }
        for name in names {
            let tables = try databases.tables(in: name)
            if output.json {
                Output.json(DynamicRecord([
                    ("database", .string(name)),
                    ("tables", .array(tables.map { .structure(DynamicRecord([("name", .string($0.name)), ("rows", .long(Int64($0.rows)))])) })),
                ]))
            } else {
                Output.line(name)
                let width = tables.map(\.name.count).max() ?? 0
                for t in tables {
                    Output.line("  " + t.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(t.rows) row\(t.rows == 1 ? "" : "s")")
                }
            }
        }
    }
}

/// A query result as an aligned text table, as `psql` prints one: a header, a rule, the rows,
/// and a row count. NULL prints as `NULL`, blobs as `x'0a1b'`; numbers are right-aligned.
enum SQLTable {
    static func print(columns: [String], rows: [[Value]]) {
        let cells = rows.map { $0.map(text) }
        var widths = columns.map(\.count)
        for row in cells { for (j, c) in row.enumerated() { widths[j] = max(widths[j], c.count) } }
        let numeric = columns.indices.map { j in
            !rows.isEmpty && rows.allSatisfy { r in r[j].isNull || r[j].integerValue != nil || r[j].doubleValue != nil }
        }
        func line(_ values: [String], alignNumbers: Bool) -> String {
            values.enumerated().map { j, v in
                let pad = String(repeating: " ", count: widths[j] - v.count)
                return alignNumbers && numeric[j] ? pad + v : v + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        Output.line(line(columns, alignNumbers: false))
        Output.line(line(widths.map { String(repeating: "-", count: $0) }, alignNumbers: false))
        for row in cells { Output.line(line(row, alignNumbers: true)) }
        Output.line(rows.count == 1 ? "(1 row)" : "(\(rows.count) rows)")
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .binary(let b): return "x'" + b.map { String(format: "%02x", $0) }.joined() + "'"
        case .string(let s): return s.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        default: return value.plainText
        }
    }
}
