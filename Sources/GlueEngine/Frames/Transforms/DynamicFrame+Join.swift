extension DynamicFrame {
    /// Glue's `join(paths1, paths2, frame2)` / `Join.apply(frame1, frame2, keys1, keys2)`: an
    /// inner equality join, `paths1[i]` of this frame against `paths2[i]` of `frame2`. The
    /// result is named `name + frame2.name`, as the Python wrapper names it.
    ///
    /// Columns, decided from the AWS documentation (the Join class example joins on `zip` and
    /// `zip` and shows both a `zip` and a `.zip` column; the legislators sample joins on `id` /
    /// `person_id` and must drop `person_id` afterwards):
    /// - every field of both frames is kept, **key columns of both sides included** (drop the
    ///   redundant one with `drop_fields`, as the AWS sample does);
    /// - a top-level field of `frame2` whose name also names a field of this frame — a key or
    ///   not — is renamed by prefixing a period: `zip` becomes `.zip` (more periods are added if
    ///   `.zip` is taken too). This frame's fields keep their names. The docs only say Glue "adds
    ///   a period to one of the duplicate column names"; gluelab renames `frame2`'s, always. The
    ///   older legislators sample output suggests old Glue versions merged same-named non-key
    ///   columns instead; gluelab follows the newer Join documentation.
    /// - each joined record is this frame's fields, in order, then `frame2`'s.
    ///
    /// Keys are compared as `JoinKey` describes: a null or missing key never matches, numbers
    /// compare by value across numeric types. Records come out in this frame's order, each
    /// followed by its matches in `frame2`'s order; one output batch per input batch of this
    /// frame. The error streams of both inputs are carried over.
    ///
    /// Throws when the key lists are empty or of different lengths (the Scala API: "Must be
    /// the same length as keys1"), or a path does not parse.
    public func join(paths1: [String], paths2: [String], frame2: DynamicFrame) throws(EngineError) -> DynamicFrame {
        guard !paths1.isEmpty else {
            throw .transform(name: "Join", message: "no join keys given (keys1 and keys2 are empty)")
        }
        guard paths1.count == paths2.count else {
            throw .transform(name: "Join", message: "keys1 and keys2 must have the same length, got \(paths1.count) (\(paths1.joined(separator: ", "))) and \(paths2.count) (\(paths2.joined(separator: ", ")))")
        }
        let keys1 = try paths1.fieldPaths()
        let keys2 = try paths2.fieldPaths()

        // Hash side: frame2.
        let right = frame2.records
        var index: [JoinKey: [Int]] = [:]
        for (i, r) in right.enumerated() {
            if let k = JoinKey(r, keys2) { index[k, default: []].append(i) }
        }
        let renames = Self.joinRenames(left: schema(), right: frame2.schema())

        var out: [RecordBatch] = []
        for batch in batches {
            let assembler = BatchAssembler()
            for i in 0..<batch.count {
                let left = batch.record(at: i)
                guard let k = JoinKey(left, keys1), let matches = index[k] else { continue }
                for j in matches {
                    var joined = left
                    for (n, v) in zip(right[j].names, right[j].values) { joined[renames[n] ?? n] = v }
                    assembler.append(joined)
                }
            }
            if assembler.count > 0 { out.append(assembler.finish()) }
        }
        return DynamicFrame(name: name + frame2.name, batches: out, errors: errors + frame2.errors, stageErrorsCount: 0)
    }

    /// The new names of `right`'s top-level fields that clash with `left`'s: `.name`, with as
    /// many periods as it takes to be unique.
    static func joinRenames(left: StructType, right: StructType) -> [String: String] {
        let leftNames = Set(left.fields.map(\.name))
        var taken = leftNames.union(right.fields.map(\.name))
        var renames: [String: String] = [:]
        for f in right.fields where leftNames.contains(f.name) {
            var n = "." + f.name
            while taken.contains(n) { n = "." + n }
            taken.insert(n)
            renames[f.name] = n
        }
        return renames
    }
}
