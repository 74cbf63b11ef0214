/// Column-level path editing for the field transforms (drop, rename, select): reaches the
/// struct that holds a path's field inside a batch's columns, through struct columns, array
/// elements and the struct members of choice columns, and edits it there — no record is
/// materialised.
///
/// As in Glue's `drop_fields` (and the `DropNullFields` transform built on it), a path reaches
/// inside arrays either explicitly (`links[].note`) or implicitly (`links.note` where `links`
/// is an array of structs).
enum ColumnPaths {
    /// An edit of one struct level: its field names and columns, and the row count.
    typealias Edit = (_ names: inout [String], _ columns: inout [Column], _ count: Int) -> Void

    /// `batch` with `edit` applied to the struct at `steps` (the batch's own columns for `[]`).
    static func edit(_ batch: RecordBatch, at steps: [FieldPath.Step], _ edit: Edit) -> RecordBatch {
        var names = batch.names
        var columns = batch.columns
        editStruct(&names, &columns, count: batch.count, steps[...], edit)
        return batch.with(names: names, columns: columns)
    }

    private static func editStruct(_ names: inout [String], _ columns: inout [Column], count: Int,
                                   _ steps: ArraySlice<FieldPath.Step>, _ edit: Edit) {
        guard let step = steps.first else {
            edit(&names, &columns, count)
            return
        }
        guard case .field(let name) = step, let i = names.firstIndex(of: name) else { return }
        columns[i] = editColumn(columns[i], steps.dropFirst(), edit)
    }

    private static func editColumn(_ c: Column, _ steps: ArraySlice<FieldPath.Step>, _ edit: Edit) -> Column {
        switch c.storage {
        case .structure(var names, var fields):
            guard steps.first != .elements else { return c }
            editStruct(&names, &fields, count: c.count, steps, edit)
            return Column(count: c.count, storage: .structure(names: names, fields: fields), validity: c.validity)
        case .array(let offsets, let element):
            let rest = steps.first == .elements ? steps.dropFirst() : steps
            return Column(count: c.count, storage: .array(offsets: offsets, element: editColumn(element, rest, edit)),
                          validity: c.validity)
        case .choice(let tags, let members):
            return Column(count: c.count, storage: .choice(tags: tags, members: members.map { editColumn($0, steps, edit) }))
        default:
            return c
        }
    }

    /// The path's struct steps without `[]` markers (arrays are crossed implicitly).
    static func implicit(_ path: FieldPath) -> [FieldPath.Step] {
        path.steps.filter { $0 != .elements }
    }
}

/// The fields `select_fields` keeps: a tree of names, where a leaf keeps the whole field.
struct FieldSelection {
    /// Selected children, in the order first named; nil means "the whole field".
    var children: [(name: String, selection: FieldSelection?)] = []

    init() {}

    /// A selection of `paths` (array markers are crossed: `a[].b` selects `b` in `a`'s elements).
    init(_ paths: [FieldPath]) {
        for p in paths { insert(p.steps.compactMap { if case .field(let n) = $0 { n } else { nil } }[...]) }
    }

    private mutating func insert(_ names: ArraySlice<String>) {
        guard let name = names.first else { return }
        let rest = names.dropFirst()
        if let i = children.firstIndex(where: { $0.name == name }) {
            guard var sub = children[i].selection else { return }  // already whole
            if rest.isEmpty {
                children[i].selection = nil
            } else {
                sub.insert(rest)
                children[i].selection = sub
            }
        } else {
            var sub: FieldSelection?
            if !rest.isEmpty {
                var s = FieldSelection()
                s.insert(rest)
                sub = s
            }
            children.append((name, sub))
        }
    }

    private func child(_ name: String) -> FieldSelection?? {
        children.first { $0.name == name }.map(\.selection)
    }

    /// The selected fields of one struct level, in their own order.
    func prune(names: [String], columns: [Column]) -> ([String], [Column]) {
        var outNames: [String] = []
        var outColumns: [Column] = []
        for (name, column) in zip(names, columns) {
            guard let selected = child(name) else { continue }
            guard let sub = selected else {
                outNames.append(name)
                outColumns.append(column)
                continue
            }
            if let pruned = sub.prune(column) {
                outNames.append(name)
                outColumns.append(pruned)
            }
        }
        return (outNames, outColumns)
    }

    /// The selected part of a column that has children; nil for a column that has none.
    private func prune(_ c: Column) -> Column? {
        switch c.storage {
        case .structure(let names, let fields):
            let (n, f) = prune(names: names, columns: fields)
            return Column(count: c.count, storage: .structure(names: n, fields: f), validity: c.validity)
        case .array(let offsets, let element):
            guard let e = prune(element) else { return nil }
            return Column(count: c.count, storage: .array(offsets: offsets, element: e), validity: c.validity)
        case .choice(let tags, let members):
            return Column(count: c.count, storage: .choice(tags: tags, members: members.map { prune($0) ?? $0 }))
        default:
            return nil
        }
    }

    /// The selected part of a schema (the same rules, on types).
    func prune(_ schema: StructType) -> StructType {
        StructType(schema.fields.compactMap { f in
            guard let selected = child(f.name) else { return nil }
            guard let sub = selected else { return f }
            return sub.prune(f.type).map { Field(f.name, $0) }
        })
    }

    private func prune(_ type: DataType) -> DataType? {
        switch type {
        case .structure(let s): return .structure(prune(s))
        case .array(let e): return prune(e).map(DataType.array)
        case .choice(let c): return .choice(ChoiceType(c.members.map { prune($0) ?? $0 }))
        default: return nil
        }
    }
}
