/// Builds a `Column` value by value. While every value has one type the column stays a plain
/// typed buffer; when a second type appears it becomes a choice column. This is where schema
/// inference happens: the finished column's type is the merge of the types appended.
///
/// Readers use the typed fast paths (`appendLong`, `appendString(bytes:)`, ...); everything else
/// can use `append(_:)`.
public final class ColumnBuilder {
    /// The rows appended so far.
    public private(set) var count: Int

    /// Per row: the slot of its value's type, or `ColumnStorage.nullTag`.
    private var tags: [UInt8]
    /// One appender per type seen, in order of first appearance; each holds `count` rows.
    private var slots: [any Appender] = []
    private var slotByName: [String: Int] = [:]
    private var hasNull: Bool

    private var longs: Int64Appender?
    private var ints: Int32Appender?
    private var doubles: DoubleAppender?
    private var bools: BoolAppender?
    private var strings: BytesAppender?

    /// A builder that starts with `nulls` null rows (for a field first seen after some rows).
    public init(nulls: Int = 0) {
        count = nulls
        tags = Array(repeating: ColumnStorage.nullTag, count: nulls)
        hasNull = nulls > 0
    }

    /// Reserves room for `n` more rows in the tag buffer.
    public func reserve(_ n: Int) { tags.reserveCapacity(count + n) }

    public func appendNull() {
        tags.append(ColumnStorage.nullTag)
        hasNull = true
        for s in slots { s.appendPlaceholder() }
        count += 1
    }

    public func appendLong(_ v: Int64) {
        let a = longs ?? slot(named: "long") { Int64Appender(.long) }
        longs = a
        a.values.append(v)
        mark(a.tag)
    }

    public func appendInt(_ v: Int32) {
        let a = ints ?? slot(named: "int") { Int32Appender(.int) }
        ints = a
        a.values.append(v)
        mark(a.tag)
    }

    public func appendDouble(_ v: Double) {
        let a = doubles ?? slot(named: "double") { DoubleAppender() }
        doubles = a
        a.values.append(v)
        mark(a.tag)
    }

    public func appendBool(_ v: Bool) {
        let a = bools ?? slot(named: "boolean") { BoolAppender() }
        bools = a
        a.values.append(v)
        mark(a.tag)
    }

    /// Appends a string given as UTF-8 bytes (not validated here).
    public func appendString(bytes: UnsafeRawBufferPointer) {
        let a = strings ?? slot(named: "string") { BytesAppender(.string) }
        strings = a
        a.values.append(bytes)
        mark(a.tag)
    }

    public func appendString(_ s: String) {
        let a = strings ?? slot(named: "string") { BytesAppender(.string) }
        strings = a
        a.values.append(s)
        mark(a.tag)
    }

    /// Starts a struct row: set fields on the returned appender (`field(_:)`), then call its
    /// `endRow()`. Lets a parser write nested records without building `Value`s.
    public func beginStruct() -> StructAppender {
        let a = slot(named: "struct") { StructAppender() }
        mark(a.tag)
        return a
    }

    /// Starts an array row: append elements to the returned appender's `element`, then call
    /// its `endRow()`.
    public func beginArray() -> ArrayAppender {
        let a = slot(named: "array") { ArrayAppender() }
        mark(a.tag)
        return a
    }

    /// Appends any value.
    public func append(_ value: Value) {
        switch value {
        case .null: appendNull()
        case .long(let v): appendLong(v)
        case .int(let v): appendInt(v)
        case .double(let v): appendDouble(v)
        case .boolean(let v): appendBool(v)
        case .string(let s): appendString(s)
        case .byte(let v): appendInt32(Int32(v), .byte)
        case .short(let v): appendInt32(Int32(v), .short)
        case .date(let v): appendInt32(v, .date)
        case .timestamp(let v): appendInt64(v, .timestamp)
        case .decimal(let d):
            let a = slot(named: "decimal") { Int64Appender(.decimal(precision: d.precision, scale: d.scale)) }
            a.values.append(Int64Appender.rescale(d, to: a.type))
            mark(a.tag)
        case .float(let v):
            let a = slot(named: "float") { FloatAppender() }
            a.values.append(v)
            mark(a.tag)
        case .binary(let b):
            let a = slot(named: "binary") { BytesAppender(.binary) }
            a.values.append(b)
            mark(a.tag)
        case .structure(let r):
            beginStruct().appendRecord(r)
        case .array(let items):
            let a = beginArray()
            for item in items { a.element.append(item) }
            a.endRow()
        case .map(let r):
            let a = slot(named: "map") { MapAppender() }
            mark(a.tag)
            a.appendEntries(r)
        }
    }

    /// The finished column. The builder should not be used afterwards.
    public func finish() -> Column {
        switch slots.count {
        case 0:
            return .nulls(count)
        case 1:
            let validity = hasNull ? tags.map { $0 != ColumnStorage.nullTag } : nil
            return slots[0].finish(validity: validity)
        default:
            let order = slots.indices.sorted { slots[$0].typeName < slots[$1].typeName }
            var newTag = [UInt8](repeating: 0, count: slots.count)
            for (position, old) in order.enumerated() { newTag[old] = UInt8(position) }
            let remapped = tags.map { $0 == ColumnStorage.nullTag ? $0 : newTag[Int($0)] }
            let members = order.map { old in
                slots[old].finish(validity: tags.map { $0 == UInt8(old) })
            }
            return Column(count: count, storage: .choice(tags: remapped, members: members))
        }
    }

    private func appendInt32(_ v: Int32, _ type: DataType) {
        let a = slot(named: type.name) { Int32Appender(type) }
        a.values.append(v)
        mark(a.tag)
    }

    private func appendInt64(_ v: Int64, _ type: DataType) {
        let a = slot(named: type.name) { Int64Appender(type) }
        a.values.append(v)
        mark(a.tag)
    }

    /// The appender for type `name`, made (and padded to `count` rows) on first use.
    private func slot<A: Appender>(named name: String, make: () -> A) -> A {
        if let i = slotByName[name] { return slots[i] as! A }
        precondition(slots.count < Int(ColumnStorage.nullTag), "too many types in one column")
        let a = make()
        a.tag = UInt8(slots.count)
        for _ in 0..<count { a.appendPlaceholder() }
        slotByName[name] = slots.count
        slots.append(a)
        return a
    }

    /// Records that the row just appended to slot `tag` is complete, padding the other slots.
    @inline(__always)
    private func mark(_ tag: UInt8) {
        tags.append(tag)
        if slots.count > 1 {
            for s in slots where s.tag != tag { s.appendPlaceholder() }
        }
        count += 1
    }
}
