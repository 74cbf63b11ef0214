import Testing
@testable import GlueEngine

/// `CSVColumn` must build exactly the column a `ColumnBuilder` builds from the same values.
@Suite struct CSVColumnTests {
    private static func both(_ values: [Value], leadingNulls: Int = 0) -> (csv: Column, reference: Column) {
        var csv = CSVColumn(nulls: leadingNulls)
        let reference = ColumnBuilder(nulls: leadingNulls)
        for v in values {
            reference.append(v)
            switch v {
            case .null: csv.appendNull()
            case .long(let x): csv.appendLong(x)
            case .double(let x): csv.appendDouble(x)
            case .boolean(let x): csv.appendBool(x)
            case .string(let s):
                let bytes = Array(s.utf8)
                bytes.withUnsafeBufferPointer { csv.appendString($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            default: Issue.record("CSV columns hold no \(v)")
            }
        }
        return (csv.finish(), reference.finish())
    }

    @Test(arguments: [
        [Value.long(1), .null, .long(3)],
        [.null, .null],
        [.null, .string("a"), .string(""), .null],
        [.double(1.5), .boolean(true), .null, .double(2)],
        [.long(1), .null, .long(2), .string("n/a"), .null, .double(0.5), .boolean(false), .string("x")],
        [.string("first"), .null, .string("second"), .long(7)],
    ])
    func sameColumnAsColumnBuilder(values: [Value]) {
        for leading in [0, 2] {
            let (csv, reference) = Self.both(values, leadingNulls: leading)
            #expect(csv.count == reference.count)
            #expect(csv.type == reference.type)
            #expect(csv.values == reference.values)
            #expect(csv.validity == reference.validity)
        }
    }

    @Test func secondTypeMakesAChoiceWithMembersInNameOrder() {
        let (csv, _) = Self.both([.long(1), .string("x"), .null])
        guard case .choice(let tags, let members) = csv.storage else {
            Issue.record("not a choice column")
            return
        }
        #expect(members.map(\.type) == [.long, .string])
        #expect(tags == [0, 1, ColumnStorage.nullTag])
    }
}
