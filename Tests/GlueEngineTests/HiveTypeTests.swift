import Testing
@testable import GlueEngine

/// Hive type names (the catalog's column types) to and from engine types.
@Suite struct HiveTypeTests {
    static let atomic: [(DataType, String)] = [
        (.boolean, "boolean"), (.byte, "tinyint"), (.short, "smallint"), (.int, "int"), (.long, "bigint"),
        (.float, "float"), (.double, "double"), (.decimal(precision: 10, scale: 2), "decimal(10,2)"),
        (.string, "string"), (.binary, "binary"), (.date, "date"), (.timestamp, "timestamp"),
    ]

    @Test(arguments: atomic.map { $0.0 })
    func everyAtomicEngineTypeRoundTrips(_ type: DataType) throws {
        let name = HiveType.name(of: type)
        #expect(name == Self.atomic.first { $0.0 == type }?.1)
        #expect(try HiveType.type(name) == type)
    }

    @Test func nestedTypesRoundTrip() throws {
        let address = StructType([Field("street", .string), Field("zip", .int)])
        let types: [(DataType, String)] = [
            (.array(.string), "array<string>"),
            (.array(.array(.long)), "array<array<bigint>>"),
            (.map(.double), "map<string,double>"),
            (.map(.array(.structure(address))), "map<string,array<struct<street:string,zip:int>>>"),
            (.structure(StructType([Field("id", .long), Field("address", .structure(address)), Field("tags", .array(.string))])),
             "struct<id:bigint,address:struct<street:string,zip:int>,tags:array<string>>"),
            (.structure(StructType([Field("amount", .decimal(precision: 12, scale: 3))])), "struct<amount:decimal(12,3)>"),
        ]
        for (type, name) in types {
            #expect(HiveType.name(of: type) == name)
            #expect(try HiveType.type(name) == type)
        }
    }

    @Test func typeNamesIgnoreCaseAndSpacesButFieldNamesKeepTheirSpelling() throws {
        #expect(try HiveType.type("BIGINT") == .long)
        #expect(try HiveType.type("Array< String >") == .array(.string))
        #expect(try HiveType.type("STRUCT<CustomerId: BIGINT, Name:String>")
                == .structure(StructType([Field("CustomerId", .long), Field("Name", .string)])))
        // A field name whose lowercase form is longer in UTF-8 (İ → i̇) must not shift the parse.
        #expect(try HiveType.type("struct<İd:int,Name:string>")
                == .structure(StructType([Field("İd", .int), Field("Name", .string)])))
    }

    @Test func hiveSpellingsGlueAccepts() throws {
        #expect(try HiveType.type("integer") == .int)
        #expect(try HiveType.type("varchar(20)") == .string)
        #expect(try HiveType.type("char(2)") == .string)
        // Hive's default decimal is decimal(10,0).
        #expect(try HiveType.type("decimal") == .decimal(precision: 10, scale: 0))
        // Map keys are strings in the engine: the key type is read and dropped.
        #expect(try HiveType.type("map<int,string>") == .map(.string))
        #expect(try HiveType.type("struct<>") == .structure(StructType([])))
    }

    @Test func decimalsWiderThanTheEngineAreNarrowedToEighteenDigits() throws {
        #expect(try HiveType.type("decimal(38,10)") == .decimal(precision: 18, scale: 10))
        #expect(try HiveType.type("decimal(18,18)") == .decimal(precision: 18, scale: 18))
    }

    @Test func choicesAndNullTakeTheTypeACrawlerRecords() {
        #expect(HiveType.name(of: .null) == "string")
        #expect(HiveType.name(of: .choice(ChoiceType([.int, .long]))) == "bigint")
        #expect(HiveType.name(of: .choice(ChoiceType([.byte, .short]))) == "smallint")
        #expect(HiveType.name(of: .choice(ChoiceType([.int, .double]))) == "double")
        #expect(HiveType.name(of: .choice(ChoiceType([.long, .string]))) == "string")
        #expect(HiveType.name(of: .array(.choice(ChoiceType([.int, .long])))) == "array<bigint>")
        let nested = DataType.structure(StructType([Field("price", .choice(ChoiceType([.double, .string])))]))
        #expect(HiveType.name(of: nested) == "struct<price:string>")
    }

    @Test(arguments: [
        ("", "expected a type name"),
        ("bigintt", "unknown type bigintt"),
        ("array<string", "expected '>'"),
        ("array<>", "expected a type name"),
        ("struct<a int>", "expected ':'"),
        ("struct<a:int,>", "expected a field name"),
        ("struct<a,b:int>", "expected ':'"),
        ("map<string>", "expected ','"),
        ("decimal(40,2)", "decimal(40,2) is out of range"),
        ("decimal(5,6)", "decimal(5,6) is out of range"),
        ("decimal(a,2)", "expected a number"),
        ("string string", "unexpected text after the type"),
        ("int>", "unexpected text after the type"),
    ])
    func badTypesAreRefusedNamingTheText(_ text: String, _ reason: String) {
        do {
            let t = try HiveType.type(text)
            Issue.record("\(text) parsed as \(t)")
        } catch {
            #expect(error.description.contains("column type=\"\(text)\""))
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }
}
