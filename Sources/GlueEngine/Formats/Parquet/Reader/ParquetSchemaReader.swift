/// One leaf (primitive) column of a Parquet schema, with its Dremel levels.
struct ParquetLeaf: Sendable {
    /// The position among the leaves: the index of its chunk in every row group.
    let index: Int
    let path: [String]
    let element: Parquet.SchemaElement
    let physicalType: Parquet.PhysicalType
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int
    /// `repeatedDefinitionLevels[r - 1]` is the definition level at which the r-th repeated
    /// field on the leaf's path holds an element.
    let repeatedDefinitionLevels: [Int]
    let conversion: LeafConversion
    /// The top-level field the leaf belongs to.
    let topLevelField: Int

    var dottedPath: String { path.joined(separator: ".") }
}

/// How to assemble a Glue column from leaf levels: one node per Glue value (struct, array,
/// map or primitive). `depth` is the repetition depth of the node's values (0 for a top-level
/// field, one more inside each array or map); a value is non-null when the definition level
/// at its slot reaches `definitionLevel`.
struct ShapeNode: Sendable {
    indirect enum Kind: Sendable {
        case leaf(Int)
        case structure(names: [String], fields: [ShapeNode])
        case array(element: ShapeNode)
        case map(key: ShapeNode, value: ShapeNode)
        /// Values that are always null (the values of a key-only map).
        case nulls
    }

    let kind: Kind
    let depth: Int
    let definitionLevel: Int
    /// True when the node can be null by itself (an OPTIONAL field).
    let nullable: Bool
    /// A leaf under the node, whose levels give the node's structure.
    let firstLeaf: Int
    let type: DataType
}

/// A Parquet schema read as Glue types: the leaves and one assembly shape per top-level field.
struct ParquetSchemaLayout: Sendable {
    let leaves: [ParquetLeaf]
    let fields: [ShapeNode]
    let schema: StructType

    /// The deepest nesting accepted (levels are kept in bytes).
    static let maxNesting = 100

    /// Reads the flattened (depth-first) schema elements of a footer.
    init(_ elements: [Parquet.SchemaElement]) throws(EngineError) {
        guard let root = elements.first else { throw parquetCorrupt("empty schema") }
        var builder = Builder(elements: elements)
        builder.next = 1
        var fields: [ShapeNode] = []
        var names: [String] = []
        for _ in 0..<max(0, Int(root.numChildren ?? 0)) {
            let node = try builder.readNode(depth: 1)
            guard !names.contains(node.element.name) else { throw parquetCorrupt("duplicate column name", node.element.name) }
            names.append(node.element.name)
            builder.topLevel = fields.count
            fields.append(try builder.shape(node, parentDef: 0, parentRep: 0, repDefs: [], path: []))
        }
        guard builder.next == elements.count else {
            throw parquetCorrupt("schema lists \(elements.count) elements but its tree has \(builder.next)")
        }
        leaves = builder.leaves
        self.fields = fields
        schema = StructType(zip(names, fields).map { Field($0.0, $0.1.type) })
    }

    /// The schema elements as a tree.
    private struct RawNode {
        let element: Parquet.SchemaElement
        let children: [RawNode]
        var isGroup: Bool { !children.isEmpty }
    }

    private struct Builder {
        let elements: [Parquet.SchemaElement]
        var next = 0
        var leaves: [ParquetLeaf] = []
        var topLevel = 0

        mutating func readNode(depth: Int) throws(EngineError) -> RawNode {
            guard depth <= ParquetSchemaLayout.maxNesting else { throw parquetCorrupt("schema nested too deeply") }
            guard next < elements.count else { throw parquetCorrupt("schema tree needs more elements than the footer lists") }
            let e = elements[next]
            next += 1
            guard e.repetition != nil else { throw parquetCorrupt("schema field without repetition", e.name) }
            let n = Int(e.numChildren ?? 0)
            if e.type != nil && n == 0 { return RawNode(element: e, children: []) }
            guard n > 0 else { throw parquetCorrupt("schema group without children", e.name) }
            guard n <= elements.count - next else { throw parquetCorrupt("schema group with a bad child count", e.name) }
            var children: [RawNode] = []
            for _ in 0..<n { children.append(try readNode(depth: depth + 1)) }
            return RawNode(element: e, children: children)
        }

        /// The shape of `node` as a field (a REPEATED field becomes an array of its values).
        mutating func shape(_ node: RawNode, parentDef: Int, parentRep: Int, repDefs: [Int], path: [String]) throws(EngineError) -> ShapeNode {
            let e = node.element
            let path = path + [e.name]
            if e.repetition == .repeated {
                let element = try value(node, def: parentDef + 1, rep: parentRep + 1, repDefs: repDefs + [parentDef + 1],
                                        nullable: false, path: path)
                return ShapeNode(kind: .array(element: element), depth: parentRep, definitionLevel: parentDef,
                                 nullable: false, firstLeaf: element.firstLeaf, type: .array(element.type))
            }
            let optional = e.repetition == .optional
            return try value(node, def: parentDef + (optional ? 1 : 0), rep: parentRep, repDefs: repDefs, nullable: optional, path: path)
        }

        /// The shape of `node`'s value, its own levels already applied (`def`, `rep`).
        private mutating func value(_ node: RawNode, def: Int, rep: Int, repDefs: [Int], nullable: Bool,
                                    path: [String]) throws(EngineError) -> ShapeNode {
            let e = node.element
            guard node.isGroup else {
                let conversion = try LeafConversion.of(e, path: path.joined(separator: "."))
                guard let physical = e.type else { throw parquetCorrupt("leaf without a type", e.name) }
                let leaf = ParquetLeaf(index: leaves.count, path: path, element: e, physicalType: physical,
                                       maxDefinitionLevel: def, maxRepetitionLevel: rep, repeatedDefinitionLevels: repDefs,
                                       conversion: conversion, topLevelField: topLevel)
                leaves.append(leaf)
                return ShapeNode(kind: .leaf(leaf.index), depth: rep, definitionLevel: def, nullable: nullable,
                                 firstLeaf: leaf.index, type: conversion.glueType)
            }
            if let list = try listShape(node, def: def, rep: rep, repDefs: repDefs, nullable: nullable, path: path) { return list }
            if let map = try mapShape(node, def: def, rep: rep, repDefs: repDefs, nullable: nullable, path: path) { return map }
            var names: [String] = []
            var fields: [ShapeNode] = []
            for child in node.children {
                guard !names.contains(child.element.name) else {
                    throw parquetCorrupt("duplicate field name in \(path.joined(separator: "."))", child.element.name)
                }
                names.append(child.element.name)
                fields.append(try shape(child, parentDef: def, parentRep: rep, repDefs: repDefs, path: path))
            }
            let type = StructType(zip(names, fields).map { Field($0.0, $0.1.type) })
            return ShapeNode(kind: .structure(names: names, fields: fields), depth: rep, definitionLevel: def,
                             nullable: nullable, firstLeaf: fields.first?.firstLeaf ?? leaves.count, type: .structure(type))
        }

        /// A LIST-annotated group with one repeated child, read with the backward-compatibility
        /// rules of `LogicalTypes.md`: the repeated child is itself the element when it is a
        /// primitive, a group of several fields, or a one-field group named `array` or
        /// `<list>_tuple`; otherwise its only field is the element (the standard 3-level list).
        private mutating func listShape(_ node: RawNode, def: Int, rep: Int, repDefs: [Int], nullable: Bool,
                                        path: [String]) throws(EngineError) -> ShapeNode? {
            let e = node.element
            guard e.logicalType == .list || (e.logicalType == nil && e.convertedType == .list),
                node.children.count == 1, let repeated = node.children.first, repeated.element.repetition == .repeated
            else { return nil }
            let elemDef = def + 1
            let elemRep = rep + 1
            let elemRepDefs = repDefs + [elemDef]
            let innerPath = path + [repeated.element.name]
            let element: ShapeNode
            if !repeated.isGroup || repeated.children.count != 1 || repeated.element.name == "array"
                || repeated.element.name == e.name + "_tuple"
            {
                element = try value(repeated, def: elemDef, rep: elemRep, repDefs: elemRepDefs, nullable: false, path: innerPath)
            } else {
                element = try shape(repeated.children[0], parentDef: elemDef, parentRep: elemRep, repDefs: elemRepDefs, path: innerPath)
            }
            return ShapeNode(kind: .array(element: element), depth: rep, definitionLevel: def, nullable: nullable,
                             firstLeaf: element.firstLeaf, type: .array(element.type))
        }

        /// A MAP (or legacy MAP_KEY_VALUE) group: one repeated group of a primitive `key` and
        /// an optional `value`. Keys that are not strings are turned into their text.
        private mutating func mapShape(_ node: RawNode, def: Int, rep: Int, repDefs: [Int], nullable: Bool,
                                       path: [String]) throws(EngineError) -> ShapeNode? {
            let e = node.element
            let annotated = e.logicalType == .map || (e.logicalType == nil && (e.convertedType == .map || e.convertedType == .mapKeyValue))
            guard annotated, node.children.count == 1, let kv = node.children.first, kv.element.repetition == .repeated,
                kv.isGroup, (1...2).contains(kv.children.count), !kv.children[0].isGroup,
                kv.children[0].element.repetition == .required
            else { return nil }
            let kvDef = def + 1
            let kvRep = rep + 1
            let kvRepDefs = repDefs + [kvDef]
            let kvPath = path + [kv.element.name]
            let key = try shape(kv.children[0], parentDef: kvDef, parentRep: kvRep, repDefs: kvRepDefs, path: kvPath)
            var valueShape: ShapeNode?
            if kv.children.count == 2 {
                valueShape = try shape(kv.children[1], parentDef: kvDef, parentRep: kvRep, repDefs: kvRepDefs, path: kvPath)
            }
            // A key-only map (a set) has null values; the key leaf gives the structure.
            let valueNode = valueShape ?? ShapeNode(kind: .nulls, depth: kvRep, definitionLevel: kvDef, nullable: true,
                                                    firstLeaf: key.firstLeaf, type: .null)
            return ShapeNode(kind: .map(key: key, value: valueNode), depth: rep, definitionLevel: def, nullable: nullable,
                             firstLeaf: key.firstLeaf, type: .map(valueNode.type))
        }
    }
}
