extension DynamicFrame {
    /// Glue's `resolveChoice`: settles choice types, either path by path (`specs`) or for every
    /// choice in the schema (`choice`). See `ChoiceAction` for the actions.
    ///
    /// ```swift
    /// let fixed = try medicare.resolveChoice(specs: [("provider id", "cast:long")])
    /// // provider id: long — the two string ids became null; the record count is unchanged.
    /// ```
    ///
    /// - `specs` and `choice` exclude each other, as in the Python library: neither raises
    ///   "Parameter specs and option are both missing, add one.", both raise
    ///   "Parameter specs and option are both specified, choose one." (an empty `choice` counts
    ///   as missing; an empty `specs` list is given, and changes nothing).
    /// - Paths: `a.b` for struct fields, `` `a.b` `` for a name with dots, `list[].price` for the
    ///   field of every array element. A path that is not in the schema throws (unless the frame
    ///   is empty: an empty input — a bookmarked run with nothing new — passes through).
    /// - A spec on a path that is not a choice: `cast:` and `project:` (and `match_catalog`)
    ///   still apply (casting a plain column is a common use); `make_cols` and `make_struct`
    ///   leave it alone.
    /// - `make_cols`: the first member's column (`provider id_long`) takes the field's place and
    ///   the others (`provider id_string`) go to the end of the struct that holds the field — the
    ///   end of the schema for a top-level field, as in the AWS sample. A choice that is an array
    ///   element (`tags[]`, only reachable with `choice=`) has no name to split, and becomes a
    ///   struct as with `make_struct`.
    /// - `make_struct`: a struct with one field per member type (`long`, `string`), only the
    ///   record's own type set.
    /// - `match_catalog` casts to the type of the same path in `catalogSchema` (the Data Catalog
    ///   table's schema, which the caller looks up from `database`/`table_name`).
    /// - `choice=` resolves every choice, nested ones included (structs, array elements, and
    ///   choices revealed inside a resolved choice's members); choices inside map values are
    ///   out of reach, as Glue paths have no syntax for them.
    ///
    /// Casts never make error records, so this stage adds none; the thresholds still check the
    /// errors inherited from earlier stages. `transformationCtx` is accepted for script
    /// compatibility (resolveChoice keeps no bookmark state).
    ///
    /// - Throws: `EngineError.transform` with the Python texts above, or naming a path that is
    ///   not in the schema; `EngineError.invalidOption` for an unknown action or type;
    ///   `EngineError.invalidPath` for a malformed path.
    public func resolveChoice(specs: [(path: String, action: String)]? = nil, choice: String? = nil,
                              catalogSchema: StructType? = nil, transformationCtx: String = "",
                              stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        let result = try resolveChoice(specs: specs, choice: choice, catalogSchema: catalogSchema, columnar: true)
        try result.checkThresholds(transformation: "resolveChoice", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }

    /// `resolveChoice` with the columnar path switchable off (tests check that both paths give
    /// the same frame).
    func resolveChoice(specs: [(path: String, action: String)]?, choice: String?, catalogSchema: StructType?,
                       columnar: Bool) throws(EngineError) -> DynamicFrame {
        let choiceText = choice ?? ""
        if specs == nil && choiceText.isEmpty {
            throw .transform(name: "resolveChoice", message: "Parameter specs and option are both missing, add one.")
        }
        if specs != nil && !choiceText.isEmpty {
            throw .transform(name: "resolveChoice", message: "Parameter specs and option are both specified, choose one.")
        }
        var parsed: [(FieldPath, ChoiceAction)] = []
        for spec in specs ?? [] {
            parsed.append((try FieldPath(parsing: spec.path), try ChoiceAction(parsing: spec.action)))
        }
        let choiceAction = choiceText.isEmpty ? nil : try ChoiceAction(parsing: choiceText)
        guard count() > 0 else { return derived(batches: batches) }

        var planner = ChoicePlanner(schema: schema(), catalogSchema: catalogSchema)
        if let choiceAction {
            try planner.resolveAll(choiceAction)
        } else {
            for (path, action) in parsed { try planner.add(path, action) }
        }
        let plan = planner.steps
        let target = planner.schema
        let out = batches.map { batch in
            Self.resolve(batch, plan, columnar: columnar).conformed(to: target)
        }
        return derived(batches: out)
    }

    /// Applies `plan` to one batch: steps whose path ends with a field column by column (when
    /// `columnar`), the others (choices that are array elements, `tags[]`) on the batch's records.
    static func resolve(_ batch: RecordBatch, _ plan: [ChoiceResolution], columnar: Bool) -> RecordBatch {
        var current = batch
        var pending: [ChoiceResolution] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var records = current.records
            for i in records.indices {
                for step in pending { step.apply(to: &records[i]) }
            }
            current = RecordBatch(records: records, source: current.source)
            pending.removeAll()
        }
        for step in plan {
            if columnar, !step.path.endsWithElements {
                flush()
                current = step.apply(to: current)
            } else {
                pending.append(step)
            }
        }
        flush()
        return current
    }
}

/// Turns `resolveChoice` arguments into `ChoiceResolution` steps, tracking the schema as each
/// step changes it (so a later spec can name a column an earlier one made).
struct ChoicePlanner {
    private(set) var schema: StructType
    let catalogSchema: StructType?
    private(set) var steps: [ChoiceResolution] = []

    init(schema: StructType, catalogSchema: StructType?) {
        self.schema = schema
        self.catalogSchema = catalogSchema
    }

    /// Plans `action` at `path`, which must exist in the schema.
    mutating func add(_ path: FieldPath, _ action: ChoiceAction) throws(EngineError) {
        guard let type = path.type(in: schema) else {
            throw .transform(name: "resolveChoice", message: "no field \"\(path)\" in the frame's schema")
        }
        let kind: ChoiceResolution.Kind
        switch action {
        case .cast(let t): kind = .cast(t)
        case .project(let t): kind = .project(t)
        case .matchCatalog: kind = .cast(try catalogType(path))
        case .makeCols, .makeStruct:
            guard case .choice(let c) = type else { return }
            kind = action == .makeCols && !path.endsWithElements ? .makeCols(c.members) : .makeStruct(c.members)
        }
        let step = ChoiceResolution(path: path, kind: kind)
        steps.append(step)
        schema = step.apply(to: schema)
    }

    /// Plans `action` for every choice in the schema, again for choices that resolving reveals
    /// (a struct member holding a choice), until none is left.
    mutating func resolveAll(_ action: ChoiceAction) throws(EngineError) {
        for _ in 0..<32 {
            let paths = SchemaPaths.choicePaths(in: schema)
            guard !paths.isEmpty else { return }
            let before = schema
            for path in paths { try add(path, action) }
            if schema == before { return }
        }
    }

    private func catalogType(_ path: FieldPath) throws(EngineError) -> DataType {
        guard let catalogSchema else {
            throw .transform(name: "resolveChoice",
                             message: "match_catalog needs a Data Catalog table: pass database and table_name")
        }
        guard let t = path.type(in: catalogSchema) else {
            throw .transform(name: "resolveChoice", message: "match_catalog: the catalog table has no column \"\(path)\"")
        }
        return t
    }
}
