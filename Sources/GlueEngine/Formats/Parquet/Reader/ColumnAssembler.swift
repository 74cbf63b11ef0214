/// One leaf column of a row group, decoded: levels plus dense Glue-typed values.
struct DecodedLeaf {
    let leaf: ParquetLeaf
    let definitionLevels: [UInt8]
    let repetitionLevels: [UInt8]
    let entryCount: Int
    /// The non-null values, converted (`.null` for a null-type column).
    let dense: ColumnStorage
    /// For repeated leaves: the entry where each row starts, then `entryCount`.
    let rowStarts: [Int]

    init(leaf: ParquetLeaf, chunk: LeafChunk, dense: ColumnStorage, rows: Int) throws(EngineError) {
        self.leaf = leaf
        self.definitionLevels = chunk.definitionLevels
        self.repetitionLevels = chunk.repetitionLevels
        self.entryCount = chunk.entryCount
        self.dense = dense
        if leaf.maxRepetitionLevel > 0 {
            var starts: [Int] = []
            starts.reserveCapacity(min(rows, chunk.entryCount) + 1)
            for (i, level) in chunk.repetitionLevels.enumerated() where level == 0 { starts.append(i) }
            guard starts.first == 0 || chunk.entryCount == 0 else { throw parquetCorrupt("first repetition level is not 0") }
            starts.append(chunk.entryCount)
            rowStarts = starts
        } else {
            rowStarts = []
        }
        let found = leaf.maxRepetitionLevel > 0 ? rowStarts.count - 1 : chunk.entryCount
        guard found == rows else { throw parquetCorrupt("column \(leaf.dottedPath) holds \(found) rows, its row group \(rows)") }
    }

    /// The entries of rows `rows`.
    func entries(of rows: Range<Int>) -> Range<Int> {
        leaf.maxRepetitionLevel > 0 ? rowStarts[rows.lowerBound]..<rowStarts[rows.upperBound] : rows
    }
}

/// Builds Glue columns from leaf levels (Dremel record assembly), one batch of rows at a time.
///
/// Every node of a field's shape has *slots* at its repetition depth `r`: the entries whose
/// repetition level is at most `r` and whose definition level reaches the level at which the
/// r-th repeated field holds an element (depth 0: one slot per row). A node's value at a slot is
/// non-null when the definition level there reaches the node's own level; an array's elements
/// are the slots one depth deeper up to its next slot. Slots are counted on one leaf under the
/// node; every leaf under it gives the same structure (checked: counts must agree).
struct ColumnAssembler {
    let leaves: [Int: DecodedLeaf]

    /// The columns of `fields` for rows `rows`; `valueStarts` gives, per leaf, the index of
    /// the first dense value of the batch.
    func columns(_ fields: [ShapeNode], rows: Range<Int>, valueStarts: [Int: Int]) throws(EngineError) -> [Column] {
        let context = BatchSlots(assembler: self, rows: rows, valueStarts: valueStarts)
        var out: [Column] = []
        for field in fields {
            let column = try build(field, context)
            guard column.count == rows.count else { throw parquetCorrupt("a column assembled \(column.count) of \(rows.count) rows") }
            out.append(column)
        }
        return out
    }

    private func build(_ node: ShapeNode, _ ctx: BatchSlots) throws(EngineError) -> Column {
        switch node.kind {
        case .leaf(let index):
            let leaf = try ctx.leaf(index)
            let maxDef = UInt8(leaf.leaf.maxDefinitionLevel)
            let v0 = ctx.valueStarts[index] ?? 0
            if leaf.leaf.maxRepetitionLevel == 0 {
                let range = ctx.rows
                if maxDef == 0 { return try DenseExpansion.slice(leaf.dense, from: v0, count: range.count) }
                let present = leaf.definitionLevels[range].map { $0 == maxDef }
                return try DenseExpansion.expand(leaf.dense, from: v0, present: present)
            }
            let present = try ctx.slots(index, depth: node.depth).map { leaf.definitionLevels[Int($0)] == maxDef }
            return try DenseExpansion.expand(leaf.dense, from: v0, present: present)
        case .nulls:
            return .nulls(try ctx.slotCount(node.firstLeaf, depth: node.depth))
        case .structure(let names, let fields):
            let n = try ctx.slotCount(node.firstLeaf, depth: node.depth)
            let validity = node.nullable ? try ctx.present(node.firstLeaf, depth: node.depth, level: node.definitionLevel) : nil
            var columns: [Column] = []
            for field in fields {
                let column = try build(field, ctx)
                guard column.count == n else { throw parquetCorrupt("struct fields disagree on their value count") }
                columns.append(column)
            }
            return Column(count: n, storage: .structure(names: names, fields: columns), validity: validity)
        case .array(let element):
            let (offsets, validity) = try ctx.offsets(node)
            let elements = try build(element, ctx)
            guard elements.count == Int(offsets.last ?? 0) else { throw parquetCorrupt("array elements disagree with their levels") }
            return Column(count: offsets.count - 1, storage: .array(offsets: offsets, element: elements), validity: validity)
        case .map(let keyNode, let valueNode):
            let (offsets, validity) = try ctx.offsets(node)
            let keys = try build(keyNode, ctx)
            let values = try build(valueNode, ctx)
            guard keys.count == Int(offsets.last ?? 0), values.count == keys.count else {
                throw parquetCorrupt("map entries disagree with their levels")
            }
            return Column(count: offsets.count - 1, storage: .map(offsets: offsets, keys: try Self.keyStrings(keys), values: values),
                          validity: validity)
        }
    }

    /// Map keys as strings: string keys as they are, other keys as their text.
    private static func keyStrings(_ keys: Column) throws(EngineError) -> [String] {
        if case .bytes(let b, .string) = keys.storage, keys.validity == nil {
            return (0..<b.count).map { b.string(at: $0) }
        }
        var out: [String] = []
        out.reserveCapacity(keys.count)
        for i in 0..<keys.count {
            let v = keys.value(at: i)
            guard !v.isNull else { throw parquetCorrupt("null map key") }
            out.append(v.plainText)
        }
        return out
    }
}

/// The slots of one batch, per leaf and depth, computed once.
final class BatchSlots {
    let assembler: ColumnAssembler
    let rows: Range<Int>
    let valueStarts: [Int: Int]
    private var cache: [Int: [Int32]] = [:]

    init(assembler: ColumnAssembler, rows: Range<Int>, valueStarts: [Int: Int]) {
        self.assembler = assembler
        self.rows = rows
        self.valueStarts = valueStarts
    }

    func leaf(_ index: Int) throws(EngineError) -> DecodedLeaf {
        guard let leaf = assembler.leaves[index] else { throw parquetCorrupt("leaf column \(index) was not read") }
        return leaf
    }

    /// The entries (indices into the leaf's levels) of the slots at `depth`.
    func slots(_ index: Int, depth: Int) throws(EngineError) -> [Int32] {
        let key = index &* 256 &+ depth
        if let cached = cache[key] { return cached }
        let leaf = try leaf(index)
        let entries = leaf.entries(of: rows)
        var out: [Int32] = []
        if leaf.leaf.maxRepetitionLevel == 0 {
            out = entries.map { Int32($0) }
        } else if depth == 0 {
            out = leaf.rowStarts[rows.lowerBound..<rows.upperBound].map { Int32($0) }
        } else {
            let minDef = UInt8(leaf.leaf.repeatedDefinitionLevels[depth - 1])
            let maxRep = UInt8(depth)
            leaf.repetitionLevels.withUnsafeBufferPointer { rep in
                leaf.definitionLevels.withUnsafeBufferPointer { def in
                    for i in entries where rep[i] <= maxRep && def[i] >= minDef { out.append(Int32(i)) }
                }
            }
        }
        cache[key] = out
        return out
    }

    func slotCount(_ index: Int, depth: Int) throws(EngineError) -> Int {
        let leaf = try leaf(index)
        if leaf.leaf.maxRepetitionLevel == 0 || depth == 0 { return rows.count }
        return try slots(index, depth: depth).count
    }

    /// Per slot at `depth`: whether the definition level reaches `level`.
    func present(_ index: Int, depth: Int, level: Int) throws(EngineError) -> [Bool] {
        let leaf = try leaf(index)
        guard leaf.leaf.maxDefinitionLevel > 0 else { return Array(repeating: true, count: try slotCount(index, depth: depth)) }
        let minDef = UInt8(clamping: level)
        if leaf.leaf.maxRepetitionLevel == 0 { return leaf.definitionLevels[rows].map { $0 >= minDef } }
        return try slots(index, depth: depth).map { leaf.definitionLevels[Int($0)] >= minDef }
    }

    /// The offsets and validity of an array or map node from its first leaf.
    func offsets(_ node: ShapeNode) throws(EngineError) -> ([Int32], [Bool]?) {
        let outer = try slots(node.firstLeaf, depth: node.depth)
        let inner = try slots(node.firstLeaf, depth: node.depth + 1)
        let end = Int32(clamping: try leaf(node.firstLeaf).entries(of: rows).upperBound)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(outer.count + 1)
        var j = 0
        for k in 0..<outer.count {
            let next = k + 1 < outer.count ? outer[k + 1] : end
            guard j >= inner.count || inner[j] >= outer[k] else { throw parquetCorrupt("array element before its array") }
            while j < inner.count && inner[j] < next { j += 1 }
            offsets.append(Int32(j))
        }
        guard j == inner.count else { throw parquetCorrupt("array elements past the last array") }
        let validity = node.nullable ? try present(node.firstLeaf, depth: node.depth, level: node.definitionLevel) : nil
        return (offsets, validity)
    }
}
