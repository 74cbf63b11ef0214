/// The column names of a CSV read: from the header, or by position.
///
/// - Without `withHeader`, column `i` (0-based) is `col<i>`: `col0`, `col1`, ... as in Glue.
/// - With a header, column `i` takes the header's `i`-th value as is (not trimmed). An empty
///   header value is named `col<i>` instead. A name already taken gets the first free suffix
///   `_2`, `_3`, ... (`id,id,id` → `id`, `id_2`, `id_3`).
/// - A row with more fields than the header keeps its extra fields (the records are
///   self-describing, so nothing is dropped silently): they go to columns named by position,
///   `col<i>`, made unique the same way. An extra column that holds only nulls in a batch
///   (`a,b,` under a two-name header) is left out of that batch, so a trailing separator does
///   not add a `null` column to the schema. Without a header every column is kept.
struct CSVColumnNames: Sendable {
    /// The header's names, made unique (empty without a header).
    let header: [String]
    private var names: [String]
    private var taken: Set<String>

    /// Names for a read without a header.
    init() {
        header = []
        names = []
        taken = []
    }

    /// Names from the header's values.
    init(header values: [String]) {
        var names: [String] = []
        var taken = Set<String>()
        for (i, v) in values.enumerated() {
            let name = Self.unique(v.isEmpty ? "col\(i)" : v, in: taken)
            taken.insert(name)
            names.append(name)
        }
        header = names
        self.names = names
        self.taken = taken
    }

    /// The name of column `i`.
    mutating func name(_ i: Int) -> String {
        while names.count <= i {
            let name = Self.unique("col\(names.count)", in: taken)
            taken.insert(name)
            names.append(name)
        }
        return names[i]
    }

    private static func unique(_ name: String, in taken: Set<String>) -> String {
        guard taken.contains(name) else { return name }
        var n = 2
        while taken.contains("\(name)_\(n)") { n += 1 }
        return "\(name)_\(n)"
    }
}
