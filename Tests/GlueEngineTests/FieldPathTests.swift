import Testing
@testable import GlueEngine

@Suite struct FieldPathTests {
    @Test func parsesDotsBackticksAndArrays() throws {
        #expect(try FieldPath(parsing: "a.b").steps == [.field("a"), .field("b")])
        #expect(try FieldPath(parsing: "`provider.id`").steps == [.field("provider.id")])
        #expect(try FieldPath(parsing: "a.`x.y`.z").steps == [.field("a"), .field("x.y"), .field("z")])
        #expect(try FieldPath(parsing: "items[].price").steps == [.field("items"), .elements, .field("price")])
        #expect(try FieldPath(parsing: "provider id").steps == [.field("provider id")])
        #expect(try FieldPath(parsing: "items[].price").description == "items[].price")
        #expect(try FieldPath(parsing: "`a.b`.c").description == "`a.b`.c")
    }

    @Test func rejectsMalformedPaths() {
        for bad in ["", "a..b", "a.", "`a", "a[]", "a[x]", "a[]b"] {
            #expect(throws: EngineError.self, "\(bad)") { try FieldPath(parsing: bad) }
        }
    }

    @Test func readsAndUpdatesThroughStructsAndArrays() throws {
        let item = { (p: Double) in Value.structure(DynamicRecord([("price", .double(p))])) }
        var r = DynamicRecord([("id", .long(1)), ("items", .array([item(1.5), item(2.5)]))])
        let path = try FieldPath(parsing: "items[].price")
        #expect(path.value(in: r) == .array([.double(1.5), .double(2.5)]))
        path.update(&r) { v in v.doubleValue.map { .double($0 * 2) } }
        #expect(path.value(in: r) == .array([.double(3), .double(5)]))
        let schema = r.schema
        #expect(path.type(in: schema) == .double)
        try FieldPath(parsing: "id").update(&r) { _ in nil }
        #expect(!r.contains("id"))
    }
}
