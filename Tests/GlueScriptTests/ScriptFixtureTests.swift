import Testing

@testable import GlueScript

/// The three script shapes the runner must accept unchanged parse, and hold what they say.
@Suite struct ScriptFixtureTests {
    func load(_ name: String) throws -> Script {
        try Script.parse(try fixture(name), file: name)
    }

    /// `(variable, call)` for every top-level `variable = call(...)`.
    func assignedCalls(_ script: Script) -> [(String, Expr)] {
        script.statements.compactMap { statement in
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1,
                case .name(let name) = targets[0].kind, case .call = value.kind
            else { return nil }
            return (name, value)
        }
    }

    /// The keyword argument `name` of a call.
    func keyword(_ name: String, of call: Expr) -> Expr? {
        guard case .call(_, let arguments, _) = call.kind else { return nil }
        for argument in arguments {
            if case .keyword(name, let value) = argument.kind { return value }
        }
        return nil
    }

    @Test func glueStudioScript() throws {
        let script = try load("studio_csv_to_parquet.py")
        let lines = script.dump().split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(7)) == [
            "(import sys)",
            "(from awsglue.transforms import *)",
            "(from awsglue.utils import getResolvedOptions)",
            "(from pyspark.context import SparkContext)",
            "(from awsglue.context import GlueContext)",
            "(from awsglue.job import Job)",
            "(from awsglue import DynamicFrame)",
        ])
        #expect(Array(lines[7..<13]) == [
            "(= args (call getResolvedOptions (. sys argv) (list \"JOB_NAME\")))",
            "(= sc (call SparkContext))",
            "(= glueContext (call GlueContext sc))",
            "(= spark (. glueContext spark_session))",
            "(= job (call Job glueContext))",
            "(call (. job init) (sub args \"JOB_NAME\") args)",
        ])
        #expect(lines.last == "(call (. job commit))")

        // Every node block passes transformation_ctx equal to its variable name.
        let nodes = assignedCalls(script).filter { $0.0.contains("_node") }
        #expect(nodes.map(\.0) == ["AmazonS3_node1721668076348", "ChangeSchema_node1721668093512", "AmazonS3_node1721668110274"])
        for (name, call) in nodes {
            #expect(keyword("transformation_ctx", of: call)?.kind == .string(name))
        }
        let source = nodes[0].1
        #expect(keyword("format_options", of: source)?.dump
            == "(dict \"quoteChar\":\"\\\"\" \"withHeader\":True \"separator\":\",\" \"optimizePerformance\":False)")
        #expect(keyword("connection_options", of: source)?.dump
            == "(dict \"paths\":(list \"s3://sales-raw/orders/\") \"recurse\":True)")
        let mapping = try #require(keyword("mappings", of: nodes[1].1))
        guard case .list(let tuples) = mapping.kind else {
            Issue.record("mappings is a list")
            return
        }
        #expect(tuples.count == 5)
        #expect(tuples[2].dump == "(tuple \"price\" \"string\" \"price\" \"double\")")
        let sink = nodes[2].1
        #expect(keyword("format", of: sink)?.kind == .string("glueparquet"))
        #expect(keyword("connection_options", of: sink)?.dump
            == "(dict \"path\":\"s3://sales-curated/orders/\" \"partitionKeys\":(list \"country\"))")
        #expect(keyword("format_options", of: sink)?.dump == "(dict \"compression\":\"snappy\")")
    }

    @Test func legacyGeneratedScript() throws {
        let script = try load("legacy_generated.py")
        let calls = assignedCalls(script)
        let names = calls.map(\.0).filter { $0.last?.isNumber == true }
        #expect(names == ["datasource0", "applymapping1", "resolvechoice2", "dropnullfields3", "datasink4"])
        #expect(script.statements.last?.dump == "(call (. job commit))")

        // The annotations are kept, grouped with the statement they describe.
        #expect(script.annotations.count == 21)
        for (index, statement) in script.statements.enumerated() {
            let notes = script.annotations(forStatement: index)
            guard case .assign(let targets, _) = statement.kind, case .name(let name) = targets[0].kind,
                let returned = notes.first(where: { $0.key == "return" })
            else { continue }
            #expect(returned.value == name)
            #expect(notes.map(\.key) == ["type", "args", "return", "inputs"])
        }
        let params = script.annotations[0]
        #expect(params.key == "params" && params.value == "[JOB_NAME]")
        #expect(params.location == SourceLocation(line: 8, column: 1))
        #expect(script.statements[params.statementIndex!].dump
            == "(= args (call getResolvedOptions (. sys argv) (list \"JOB_NAME\")))")
        let types = script.annotations.filter { $0.key == "type" }.map(\.value)
        #expect(types == ["DataSource", "ApplyMapping", "ResolveChoice", "DropNullFields", "DataSink"])

        let datasource = try #require(calls.first { $0.0 == "datasource0" }?.1)
        #expect(datasource.dump == """
            (call (. (. glueContext create_dynamic_frame) from_catalog) database="salesdb" \
            table_name="raw_orders" transformation_ctx="datasource0")
            """)
    }

    @Test func handWrittenScript() throws {
        let script = try load("handwritten_orders.py")
        let lines = script.dump().split(separator: "\n").map(String.init)
        #expect(lines.contains("(= args (call getResolvedOptions (. sys argv) (list \"JOB_NAME\" \"input_path\")))"))
        #expect(lines.contains("(= typed (call (. orders resolveChoice) specs=(list (tuple \"price\" \"cast:double\"))))"))
        #expect(lines.contains("""
            (= positive (call (. Filter apply) frame=typed f=(lambda (r) (cmp (sub r "qty") > MIN_QTY)) \
            transformation_ctx="positive"))
            """))
        #expect(lines.contains("(= with_totals (call (. Map apply) frame=positive f=add_totals transformation_ctx=\"with_totals\"))"))
        #expect(lines.contains("(= df (call (. with_totals toDF)))"))
        #expect(lines.contains("(= out (call (. DynamicFrame fromDF) by_country glueContext \"out\"))"))
        #expect(lines.contains("(from pyspark.sql import functions as F)"))

        // The pyspark chain, written across lines inside parentheses.
        let chain = try #require(lines.first { $0.hasPrefix("(= by_country ") })
        #expect(chain.contains("(call (. (call (. F sum) \"price\") alias) \"total\")"))
        #expect(chain.contains("groupBy) \"country\")"))
        #expect(chain.contains("(& (cmp (call (. F col) \"total\") > 0) (~ (call (. (call (. F col) \"country\") isNull))))"))

        // The Map function: field assignments, if/elif/else, return.
        let def = try #require(script.statements.first { if case .functionDef = $0.kind { true } else { false } })
        guard case .functionDef("add_totals", let parameters, nil, let body) = def.kind else {
            Issue.record("add_totals is a def")
            return
        }
        #expect(parameters.map(\.name) == ["rec"])
        #expect(body.count == 5)  // docstring, two field assignments, if, return
        #expect(body[1].dump == "(= (sub rec \"total\") (* (sub rec \"price\") (sub rec \"qty\")))")
        #expect(body[4].dump == "(return rec)")
        guard case .if(let branches, let orElse) = body[3].kind else {
            Issue.record("the fourth statement is an if")
            return
        }
        #expect(branches.count == 2)
        #expect(orElse.count == 1)
        #expect(def.location == SourceLocation(line: 41, column: 1))
    }

    @Test func glueStudioScriptWithASqlQueryNode() throws {
        let script = try load("studio_sql_query.py")
        // Studio's generated helper: a return annotation and a for loop over the mapping.
        #expect(script.statements[7].dump == """
            (def sparkSqlQuery (glueContext query mapping transformation_ctx) -> DynamicFrame \
            {(for (tuple alias frame) (call (. mapping items)) {(call (. (call (. frame toDF)) createOrReplaceTempView) alias)}); \
            (= result (call (. spark sql) query)); (return (call (. DynamicFrame fromDF) result glueContext transformation_ctx))})
            """)
        let query = try #require(assignedCalls(script).first { $0.0 == "Dailytotals_node1718000000002" }?.1)
        #expect(keyword("mapping", of: query)?.dump == "(dict \"orders\":Orders_node1718000000001)")
        guard case .assign(_, let sql) = script.statements[15].kind, case .string(let text) = sql.kind else {
            Issue.record("SqlQuery0 is a string")
            return
        }
        #expect(text.hasPrefix("\nselect order_date, country, sum(price * qty) as revenue\n"))
        #expect(script.statements.suffix(4).map(\.dump) == [
            "(call (. Curated_node1718000000003 setCatalogInfo) catalogDatabase=\"shop\" catalogTableName=\"daily_totals\")",
            "(call (. Curated_node1718000000003 setFormat) \"glueparquet\" compression=\"snappy\")",
            "(call (. Curated_node1718000000003 writeFrame) Dailytotals_node1718000000002)",
            "(call (. job commit))",
        ])
    }
}
