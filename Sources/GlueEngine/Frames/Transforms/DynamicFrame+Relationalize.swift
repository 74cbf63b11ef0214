extension DynamicFrame {
    /// Glue's `relationalize`: flattens the frame for a relational database. Structs are
    /// unnested (`address.state`, as `unnest` does) and every array is pivoted into its own
    /// frame, joined back by a generated key. The collection holds the root frame first, named
    /// `rootTableName`, then one frame per array, named `<rootTableName>_<column>`, depth first.
    ///
    /// As the AWS legislators example shows (`hist_root`, `hist_root_contact_details` with
    /// columns `id`, `index`, `contact_details.val.type`, `contact_details.val.value`):
    ///
    /// - in the parent, the array column holds a join key (`long`, counting from 1 in record
    ///   order, one per record whose array is not null — an empty array gets a key and no rows);
    /// - the array's frame has `id` (that key, `long`), `index` (the position in the array,
    ///   `int`), and the element: `<column>.val` for a scalar element, or the element struct's
    ///   fields unnested as `<column>.val.<field>`;
    /// - arrays inside elements are pivoted again, named after their column in the array's
    ///   frame: `<rootTableName>_<column>.val.<field>`.
    ///
    /// A column that is an array in some records and something else in others (a choice) is
    /// left as it is. Glue stages the pivoted tables as CSV under `stagingPath` and reads them
    /// back; gluelab keeps them in memory, so `stagingPath` and `options` are accepted for script
    /// compatibility and unused. Join keys restart at 1 on every call (Glue says unique keys
    /// across runs need job bookmarks).
    public func relationalize(rootTableName: String, stagingPath: String = "", options: [String: String] = [:],
                              transformationCtx: String = "", stageThreshold: Int = 0,
                              totalThreshold: Int = 0) throws(EngineError) -> DynamicFrameCollection {
        var tables: [(String, [RecordBatch])] = []
        Self.pivot(batches, table: rootTableName, root: rootTableName, into: &tables)
        var collection = DynamicFrameCollection()
        for (name, batches) in tables {
            let frame = derived(name: name, batches: batches)
            try frame.checkThresholds(transformation: "Relationalize", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
            collection[name] = frame
        }
        return collection
    }

    /// Flattens `batches` as table `table`, then pivots each of its array columns into a table
    /// of its own (recursively), appending every table to `tables` depth first.
    private static func pivot(_ batches: [RecordBatch], table: String, root: String,
                              into tables: inout [(String, [RecordBatch])]) {
        let flat = batches.map(flattened)
        let schema = flat.reduce(StructType()) { $0.merged(with: $1.schema) }.fields
        let arrays = schema.compactMap { f -> String? in if case .array = f.type { f.name } else { nil } }
        var parents = flat.map { $0.conformed(to: StructType(schema)) }
        var children: [[RecordBatch]] = Array(repeating: [], count: arrays.count)
        for (k, column) in arrays.enumerated() {
            var nextKey: Int64 = 1
            for (b, batch) in parents.enumerated() {
                guard let i = batch.names.firstIndex(of: column) else { continue }
                let (keys, child) = pivotColumn(batch.columns[i], name: column, nextKey: &nextKey)
                var columns = batch.columns
                columns[i] = keys
                parents[b] = batch.with(names: batch.names, columns: columns)
                if let child { children[k].append(child) }
            }
        }
        tables.append((table, parents))
        for (k, column) in arrays.enumerated() {
            pivot(children[k], table: root + "_" + column, root: root, into: &tables)
        }
    }

    /// The key column that replaces array column `column`, and the batch of its elements
    /// (`id`, `index`, `<name>.val...`); nil when the column holds no array here.
    private static func pivotColumn(_ column: Column, name: String, nextKey: inout Int64) -> (Column, RecordBatch?) {
        guard case .array(let offsets, let element) = column.storage else { return (.nulls(column.count), nil) }
        var keys = [Int64](repeating: 0, count: column.count)
        var present = [Bool](repeating: false, count: column.count)
        var ids: [Int64] = []
        var index: [Int32] = []
        var rows: [Int] = []
        for i in 0..<column.count where !column.isNull(i) {
            keys[i] = nextKey
            present[i] = true
            for (j, e) in (Int(offsets[i])..<Int(offsets[i + 1])).enumerated() {
                ids.append(nextKey)
                index.append(Int32(j))
                rows.append(e)
            }
            nextKey += 1
        }
        let keyColumn = Column(count: column.count, storage: .int64(keys, .long), validity: present)
        let elements = rows.elementsEqual(0..<element.count) ? element : gather(element, rows)
        var names = ["id", "index"]
        var columns = [Column(count: rows.count, storage: .int64(ids, .long)),
                       Column(count: rows.count, storage: .int32(index, .int))]
        let valued = RecordBatch(count: rows.count, names: [name + ".val"], columns: [elements])
        let flat = flattened(valued)
        names += flat.names
        columns += flat.columns
        return (keyColumn, RecordBatch(count: rows.count, names: names, columns: columns))
    }

    /// Rows `rows` of `column`, in that order.
    private static func gather(_ column: Column, _ rows: [Int]) -> Column {
        let b = ColumnBuilder()
        b.reserve(rows.count)
        for r in rows { b.append(column.value(at: r)) }
        return b.finish()
    }
}
