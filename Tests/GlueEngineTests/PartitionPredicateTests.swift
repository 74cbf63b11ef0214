import Testing
@testable import GlueEngine

/// `push_down_predicate` parsing and evaluation over partition values.
@Suite struct PartitionPredicateTests {
    let keys = [CatalogColumn(name: "year", type: "string"), CatalogColumn(name: "month", type: "string"),
                CatalogColumn(name: "day", type: "int")]

    func keeps(_ text: String, _ values: [String]) throws -> Bool {
        try PartitionPredicate(parsing: text, partitionKeys: keys).matches(values)
    }

    func error(_ text: String) -> String {
        do {
            _ = try PartitionPredicate(parsing: text, partitionKeys: keys, table: "sales.orders")
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func comparisonsAndLogic() throws {
        let v = ["2024", "04", "15"]
        #expect(try keeps("year = '2024'", v))
        #expect(try keeps("(year == '2024' and month == '04')", v))
        #expect(try !keeps("year == '2023' AND month == '04'", v))
        #expect(try keeps("year = '2023' OR month = \"04\"", v))
        #expect(try keeps("NOT year = '2023'", v))
        #expect(try keeps("!(year = '2023')", v))
        #expect(try keeps("year != '2023' and year <> '2025'", v))
        #expect(try keeps("month >= '03' and month < '05'", v))
        #expect(try keeps("day > 9 and day <= 15", v))
        #expect(try keeps("YEAR = '2024'", v), "column names ignore case")
        #expect(try keeps("`month` = '04'", v))
        #expect(try keeps("year = '2023' or month = '04' and day = 15", v), "and binds tighter than or")
        #expect(try !keeps("(year = '2023' or month = '04') and day = 16", v))
    }

    @Test func inBetweenAndNulls() throws {
        let v = ["2024", "04", "15"]
        #expect(try keeps("month in ('03', '04')", v))
        #expect(try !keeps("month not in ('03', '04')", v))
        #expect(try keeps("day between 10 and 20", v))
        #expect(try !keeps("day not between 10 and 20", v))
        #expect(try keeps("month between '01' and '06' and year in ('2024')", v))
        #expect(try keeps("year is not null", v))
        #expect(try !keeps("year is null", v))
        let missing = ["2024", HivePartitioning.defaultPartition, "1"]
        #expect(try keeps("month is null", missing))
        #expect(try !keeps("month = '04'", missing))
        #expect(try !keeps("not month = '04'", missing), "not unknown is unknown: the partition is not read")
        #expect(try keeps("month <=> null", missing))
    }

    /// Spark types partition values by the key's Hive type: a string key compares as text
    /// unless compared with a number, which casts the text.
    @Test func typingFollowsTheKeyType() throws {
        let v = ["2024", "04", "15"]
        #expect(try !keeps("month = '4'", v), "text against text: '04' is not '4'")
        #expect(try keeps("month = 4", v), "text against a number: '04' casts to 4")
        #expect(try keeps("month < 10", v), "numerically 4 < 10")
        #expect(try !keeps("month > '10'", v), "as text '04' < '10'")
        #expect(try keeps("day = '15'", v), "an int key casts the literal")
        #expect(try keeps("day > '9'", v), "numerically 15 > 9, though '15' < '9' as text")
        #expect(try keeps("day in (14, 15.0)", v))
        let flags = [CatalogColumn(name: "active", type: "boolean")]
        let p = try PartitionPredicate(parsing: "active", partitionKeys: flags)
        #expect(p.matches(["true"]) && !p.matches(["false"]))
        #expect(try PartitionPredicate(parsing: "not active", partitionKeys: flags).matches(["false"]))
    }

    @Test func errorsNameThePositionOrTheKeys() {
        #expect(error("region = 'eu'") == """
            invalid option push_down_predicate="region = 'eu'": column region (at character 1) is not a partition key; \
            a push-down predicate can only use partition columns (partition keys of table sales.orders: year, month, day)
            """)
        #expect(error("year = '2024") == """
            invalid option push_down_predicate="year = '2024": at character 8: unterminated string starting here
            """)
        #expect(error("year = '2024' and") == """
            invalid option push_down_predicate="year = '2024' and": at character 18: expected a partition column or a value, found the end of the predicate
            """)
        #expect(error("(year = '2024'").contains("at character 15: expected ')'"))
        #expect(error("year = '2024' month = '01'").contains("at character 15: unexpected 'month': expected and, or"))
        #expect(error("year is '2024'").contains("expected null after 'is'"))
        #expect(error("day in (1, 2").contains("expected ',' or ')'"))
        #expect(error("").contains("the predicate is empty"))
        #expect(error("upper(year) = '2024'").contains("functions such as upper(...) are not supported"))
        let unpartitioned = (try? PartitionPredicate(parsing: "year = '1'", partitionKeys: [])) == nil
        #expect(unpartitioned)
    }
}
