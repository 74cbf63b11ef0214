import Testing
@testable import GlueEngine

@Suite struct ResolveChoiceNestedTests {
    typealias F = ResolveFixtures

    static func item(_ sku: String, _ price: Value) -> Value {
        .structure(F.rec([("sku", .string(sku)), ("price", price)]))
    }

    /// Orders whose nested `provider.id` is a long or a string, whose `items[].price` is a double,
    /// a long or a string, and whose `tags` mix longs and strings; two batches.
    static func orders() -> DynamicFrame {
        let b1 = RecordBatch(records: [
            F.rec([("order", .long(1)), ("provider", .structure(F.rec([("id", .long(7)), ("name", .string("A"))]))),
                   ("items", .array([item("a", .double(1.5)), item("b", .long(2))])), ("tags", .array([.long(1)]))]),
        ])
        let b2 = RecordBatch(records: [
            F.rec([("order", .long(2)), ("provider", .structure(F.rec([("id", .string("X9")), ("name", .string("B"))]))),
                   ("items", .array([item("c", .string("2.25")), item("d", .string("n/a"))])),
                   ("tags", .array([.string("two"), .long(3)]))]),
            F.rec([("order", .long(3)), ("provider", .structure(F.rec([("name", .string("C"))])))]),
        ])
        return DynamicFrame(name: "orders", batches: [b1, b2])
    }

    @Test func castInsideArrays() throws {
        let out = try Self.orders().resolveChoice(specs: [("items[].price", "cast:double")])
        #expect(out.schema().treeString() == """
            root
            |-- order: long
            |-- provider: struct
            |    |-- id: choice
            |    |    |-- long
            |    |    |-- string
            |    |-- name: string
            |-- items: array
            |    |-- element: struct
            |    |    |-- sku: string
            |    |    |-- price: double
            |-- tags: array
            |    |-- element: choice
            |    |    |-- long
            |    |    |-- string

            """)
        let prices = out.records.map { (try? FieldPath(parsing: "items[].price"))?.value(in: $0) }
        #expect(prices[0] == .array([.double(1.5), .double(2)]))
        #expect(prices[1] == .array([.double(2.25), .null]))
        #expect(out.count() == 3)
    }

    @Test func makeColsInsideAStructStaysInTheStruct() throws {
        let out = try Self.orders().resolveChoice(specs: [("provider.id", "make_cols")])
        let provider = out.schema()["provider"]?.type
        #expect(provider == .structure(StructType([Field("id_long", .long), Field("name", .string), Field("id_string", .string)])))
        let records = out.records
        #expect(records[0]["provider"] == .structure(F.rec([("id_long", .long(7)), ("name", .string("A"))])))
        #expect(records[1]["provider"] == .structure(F.rec([("name", .string("B")), ("id_string", .string("X9"))])))
    }

    @Test func makeStructNested() throws {
        let out = try Self.orders().resolveChoice(specs: [("provider.id", "make_struct"), ("items[].price", "make_struct")])
        let schema = out.schema()
        #expect(try FieldPath(parsing: "provider.id").type(in: schema) ==
                .structure(StructType([Field("long", .long), Field("string", .string)])))
        #expect(try FieldPath(parsing: "items[].price").type(in: schema) ==
                .structure(StructType([Field("double", .double), Field("long", .long), Field("string", .string)])))
        #expect(try FieldPath(parsing: "provider.id").value(in: out.records[1]) == .structure(F.rec([("string", .string("X9"))])))
    }

    @Test func choiceOptionReachesNestedChoicesAndArrayElements() throws {
        let frame = Self.orders()
        for action in ["make_struct", "make_cols", "cast:string", "project:long"] {
            let out = try frame.resolveChoice(choice: action)
            #expect(!out.schema().fields.contains { $0.type.containsChoice }, "\(action)")
            #expect(out.count() == 3)
        }
        let cols = try frame.resolveChoice(choice: "make_cols")
        #expect(cols.schema().treeString() == """
            root
            |-- order: long
            |-- provider: struct
            |    |-- id_long: long
            |    |-- name: string
            |    |-- id_string: string
            |-- items: array
            |    |-- element: struct
            |    |    |-- sku: string
            |    |    |-- price_double: double
            |    |    |-- price_long: long
            |    |    |-- price_string: string
            |-- tags: array
            |    |-- element: struct
            |    |    |-- long: long
            |    |    |-- string: string

            """)
    }

    @Test func choicesInsideResolvedChoicesAreResolvedToo() throws {
        // `x` is a struct holding a choice in one record and a string in another.
        let frame = DynamicFrame(records: [
            F.rec([("x", .structure(F.rec([("y", .long(1))])))]),
            F.rec([("x", .structure(F.rec([("y", .string("a"))])))]),
            F.rec([("x", .string("plain"))]),
        ])
        let out = try frame.resolveChoice(choice: "make_struct")
        #expect(!out.schema().fields.contains { $0.type.containsChoice })
        #expect(try FieldPath(parsing: "x.struct.y.string").value(in: out.records[1]) == .string("a"))
    }

    @Test func backticksQuoteNamesWithDots() throws {
        let frame = DynamicFrame(records: [
            F.rec([("provider.id", .long(1))]), F.rec([("provider.id", .string("2"))]),
        ])
        let out = try frame.resolveChoice(specs: [("`provider.id`", "cast:long")])
        #expect(out.schema() == StructType([Field("provider.id", .long)]))
        #expect(F.column(out, "provider.id") == [.long(1), .long(2)])
        let cols = try frame.resolveChoice(specs: [("`provider.id`", "make_cols")])
        #expect(cols.schema().names == ["provider.id_long", "provider.id_string"])
    }

    @Test func matchCatalogCastsToTheCatalogsTypes() throws {
        let frame = F.medicare()
        let catalog = StructType([Field("drg definition", .string), Field("provider id", .long),
                                  Field("provider name", .string), Field("total discharges", .long)])
        let out = try frame.resolveChoice(choice: "match_catalog", catalogSchema: catalog)
        #expect(out.schema() == catalog)
        #expect(F.column(out, "provider id").last == .long(12345))
        let bySpec = try frame.resolveChoice(specs: [("provider id", "match_catalog")], catalogSchema: catalog)
        #expect(bySpec.records == out.records)
        #expect(throws: EngineError.self) { try frame.resolveChoice(choice: "match_catalog") }
        #expect(throws: EngineError.self) {
            try frame.resolveChoice(choice: "match_catalog", catalogSchema: StructType([Field("other", .long)]))
        }
    }

    @Test(arguments: ["cast:long", "cast:string", "cast:double", "project:long", "project:string", "make_cols", "make_struct"])
    func columnarAndRecordPathsAgree(action: String) throws {
        for frame in [F.medicare(), Self.orders()] {
            for specs in [nil, [("provider id", action)]] as [[(path: String, action: String)]?] {
                guard specs == nil || frame.schema()["provider id"] != nil else { continue }
                let choice = specs == nil ? action : nil
                let fast = try frame.resolveChoice(specs: specs, choice: choice, catalogSchema: nil, columnar: true)
                let slow = try frame.resolveChoice(specs: specs, choice: choice, catalogSchema: nil, columnar: false)
                #expect(fast.records == slow.records, "\(action) \(frame.name)")
                #expect(fast.schema() == slow.schema(), "\(action) \(frame.name)")
                #expect(fast.batches.map(\.names) == slow.batches.map(\.names), "\(action) \(frame.name)")
            }
        }
        // Nested paths, through structs and arrays.
        let frame = Self.orders()
        let specs = [("provider.id", action), ("items[].price", action)]
        let fast = try frame.resolveChoice(specs: specs, choice: nil, catalogSchema: nil, columnar: true)
        let slow = try frame.resolveChoice(specs: specs, choice: nil, catalogSchema: nil, columnar: false)
        #expect(fast.records == slow.records, "\(action) nested")
        #expect(fast.schema() == slow.schema(), "\(action) nested")
    }
}
