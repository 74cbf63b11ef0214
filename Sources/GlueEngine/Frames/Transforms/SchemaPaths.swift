/// Schema-level path operations shared by the field-shaping transforms: they compute the
/// schema a transform produces, which then fixes the field order of every output batch.
enum SchemaPaths {
    /// `type` with `transform` applied to the type at `steps` (struct fields by name, `[]` for
    /// array elements); unchanged when the path does not exist.
    static func map(_ type: DataType, _ steps: ArraySlice<FieldPath.Step>,
                    _ transform: (DataType) -> DataType) -> DataType {
        guard let step = steps.first else { return transform(type) }
        switch (step, type) {
        case (.field(let name), .structure(var s)):
            guard let i = s.index(of: name) else { return type }
            s.fields[i].type = map(s.fields[i].type, steps.dropFirst(), transform)
            return .structure(s)
        case (.elements, .array(let e)):
            return .array(map(e, steps.dropFirst(), transform))
        default:
            return type
        }
    }

    /// `schema` with `transform` applied to the struct that holds the field `path` names (the
    /// root for a top-level path).
    static func mapParent(_ schema: StructType, of path: FieldPath,
                          _ transform: (StructType) -> StructType) -> StructType {
        let result = map(.structure(schema), path.steps.dropLast()) { parent in
            guard case .structure(let s) = parent else { return parent }
            return .structure(transform(s))
        }
        guard case .structure(let s) = result else { return schema }
        return s
    }

    /// The paths of every choice in `schema`: choice fields in structs at any depth, through
    /// arrays (`list[].price`), and choices that are array elements (`tags[]`). Choices inside
    /// choices and inside map values are not listed.
    static func choicePaths(in schema: StructType) -> [FieldPath] {
        var out: [FieldPath] = []
        func visit(_ type: DataType, _ steps: [FieldPath.Step]) {
            switch type {
            case .choice:
                out.append(FieldPath(steps: steps))
            case .structure(let s):
                for f in s.fields { visit(f.type, steps + [.field(f.name)]) }
            case .array(let e):
                visit(e, steps + [.elements])
            default:
                break
            }
        }
        for f in schema.fields { visit(f.type, [.field(f.name)]) }
        return out
    }

    /// The field of `s` called `name`, matching case-insensitively when `caseSensitive` is false
    /// (an exact match wins).
    static func fieldIndex(_ s: StructType, _ name: String, caseSensitive: Bool) -> Int? {
        if let i = s.index(of: name) { return i }
        guard !caseSensitive else { return nil }
        let lower = name.lowercased()
        return s.fields.firstIndex { $0.name.lowercased() == lower }
    }

    /// `schema` with a field of `type` at the struct path `names`, creating structs on the way
    /// (an existing non-struct field on the way is replaced by a struct).
    static func setting(_ type: DataType, at names: ArraySlice<String>, in schema: StructType) -> StructType {
        guard let name = names.first else { return schema }
        var s = schema
        let rest = names.dropFirst()
        if rest.isEmpty {
            if let i = s.index(of: name) { s.fields[i].type = type } else { s.fields.append(Field(name, type)) }
            return s
        }
        if let i = s.index(of: name) {
            guard case .structure(let child) = s.fields[i].type else {
                s.fields[i].type = .structure(setting(type, at: rest, in: StructType()))
                return s
            }
            s.fields[i].type = .structure(setting(type, at: rest, in: child))
        } else {
            s.fields.append(Field(name, .structure(setting(type, at: rest, in: StructType()))))
        }
        return s
    }
}

extension FieldPath {
    /// The path of the struct (or array elements) holding this path's field.
    var parent: FieldPath { FieldPath(steps: Array(steps.dropLast())) }

    /// True when the path names array elements (`tags[]`) rather than a field.
    var endsWithElements: Bool { steps.last == .elements }

    /// The field names of a path without `[]`; nil when it goes through an array.
    var fieldNames: [String]? {
        var names: [String] = []
        for step in steps {
            guard case .field(let n) = step else { return nil }
            names.append(n)
        }
        return names
    }
}

extension DynamicRecord {
    /// The record with `value` at the struct path `names`, creating structs on the way.
    mutating func set(_ value: Value, at names: ArraySlice<String>) {
        guard let name = names.first else { return }
        let rest = names.dropFirst()
        if rest.isEmpty {
            self[name] = value
            return
        }
        var child = self[name].recordValue ?? DynamicRecord()
        child.set(value, at: rest)
        self[name] = .structure(child)
    }
}
