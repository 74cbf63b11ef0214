import Foundation

/// How a crawler groups the classified objects under one include path into tables and
/// partitions (Glue: "when the majority of schemas at a folder level are similar, the crawler
/// creates partitions of a table instead of separate tables"). gluelab's rule, from the include
/// path down:
///
/// 1. A folder is a **table root** when every object below it has the same format (and CSV
///    separator), every object sits at the same depth below it, and more than half of its
///    sub-folders (or, with objects directly in it, of those objects) have a schema *similar*
///    to the first one's. Two schemas are similar when at least 70% of the columns of the
///    smaller one are in the other (so a column added by schema drift keeps one table, while
///    `{a,b}` and `{c,d}` make two). With `CombineCompatibleSchemas` the schemas are not
///    compared; with `TableLevelConfiguration` N, the folders at level N are the roots.
/// 2. The folders between a root and its objects are **partitions**: a level whose folders are
///    all `key=value` is the partition key `key` (value percent-decoded); any other level is
///    `partition_<i>` (0-based) and the folder name is the value.
/// 3. A folder that is not a root is looked into: each sub-folder is planned the same way, and
///    each object directly in it becomes a table of its own (named after the file, located at
///    the object).
///
/// Table names are the root folder's name (the bucket's for a bucket root), lowercased, with
/// characters other than `a-z`, `0-9` and `_` turned into `_` (`year=2017` → `year_2017`,
/// `orders.csv` → `orders_csv`), after the crawler's `TablePrefix`.
struct CrawlLayout {
    /// One table the crawl found.
    struct Table {
        var name: String
        /// `s3://bucket/prefix/` (or the object's URI for a one-file table).
        var location: String
        var samples: [CrawlSample]
        var partitionKeys: [String]
        var partitions: [Partition]
        /// An existing table that new folders are added to (incremental crawls): `name` is final.
        var isExisting = false
    }

    struct Partition {
        var values: [String]
        var location: String
        var samples: [CrawlSample]
    }

    /// Similar schemas share at least this fraction of the smaller one's columns.
    static let similarity = 0.7

    let bucket: String
    let configuration: CrawlerConfiguration

    /// Plans the tables for the samples under the folder `prefix` (a key prefix, `""` or
    /// ending in `/`). Objects are in key order.
    func plan(prefix: String, samples: [CrawlSample]) -> [Table] {
        guard !samples.isEmpty else { return [] }
        let level = prefix.split(separator: "/").count
        if let tableLevel = configuration.tableLevel {
            if level >= tableLevel { return [table(prefix: prefix, samples)] }
        } else if isRoot(prefix: prefix, samples) {
            return [table(prefix: prefix, samples)]
        }
        var out: [Table] = []
        for s in samples where directory(s, below: prefix).isEmpty {
            out.append(Table(name: String(s.object.key.split(separator: "/").last ?? ""), location: s.object.uri.description,
                             samples: [s], partitionKeys: [], partitions: []))
        }
        for child in children(prefix, samples) {
            out += plan(prefix: child.prefix, samples: child.samples)
        }
        return out
    }

    /// The folders between `prefix` and the object.
    func directory(_ s: CrawlSample, below prefix: String) -> [String] {
        let rest = s.object.key.dropFirst(prefix.count)
        return rest.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The sub-folders of `prefix` holding objects, in key order, with the objects below each.
    func children(_ prefix: String, _ samples: [CrawlSample]) -> [(prefix: String, samples: [CrawlSample])] {
        var order: [String] = []
        var groups: [String: [CrawlSample]] = [:]
        for s in samples {
            guard let first = directory(s, below: prefix).first else { continue }
            let child = prefix + first + "/"
            if groups[child] == nil { order.append(child) }
            groups[child, default: []].append(s)
        }
        return order.map { ($0, groups[$0]!) }
    }

    func isRoot(prefix: String, _ samples: [CrawlSample]) -> Bool {
        guard let first = samples.first else { return false }
        guard samples.allSatisfy({ $0.format == first.format && $0.delimiter == first.delimiter }) else { return false }
        let depth = directory(first, below: prefix).count
        guard samples.allSatisfy({ directory($0, below: prefix).count == depth }) else { return false }
        if configuration.combineCompatibleSchemas { return true }
        let groups: [[CrawlSample]] = depth == 0 ? samples.map { [$0] } : children(prefix, samples).map(\.samples)
        let columnSets = groups.map { Set($0.flatMap { $0.schema.names }) }
        let similar = columnSets.filter { Self.similar($0, columnSets[0]) }.count
        return similar * 2 > columnSets.count
    }

    static func similar(_ a: Set<String>, _ b: Set<String>) -> Bool {
        let smaller = min(a.count, b.count)
        guard smaller > 0 else { return a.count == b.count }
        return Double(a.intersection(b).count) / Double(smaller) >= similarity
    }

    /// The table rooted at `prefix`, with its partitions.
    func table(prefix: String, _ samples: [CrawlSample]) -> Table {
        let name = prefix.isEmpty ? bucket : String(prefix.split(separator: "/").last ?? "")
        let location = "s3://\(bucket)/\(prefix)"
        let depth = samples.map { directory($0, below: prefix).count }.min() ?? 0  // uniform unless the level is forced
        guard depth > 0 else { return Table(name: name, location: location, samples: samples, partitionKeys: [], partitions: []) }
        let folders = samples.map { Array(directory($0, below: prefix).prefix(depth)) }
        var keys: [String] = []
        for level in 0..<depth {
            let named = folders.map { Self.keyValue($0[level]) }
            if let k = named.first??.key, named.allSatisfy({ $0?.key == k }) {
                keys.append(k.lowercased())
            } else {
                keys.append("partition_\(level)")
            }
        }
        // Partition keys must be unique: a repeated key falls back to its position name.
        for i in keys.indices where keys[..<i].contains(keys[i]) { keys[i] = "partition_\(i)" }
        var order: [[String]] = []
        var groups: [[String]: [CrawlSample]] = [:]
        for (s, f) in zip(samples, folders) {
            if groups[f] == nil { order.append(f) }
            groups[f, default: []].append(s)
        }
        let partitions = order.map { f in
            Partition(values: f.enumerated().map { i, seg in keys[i] == "partition_\(i)" ? seg : (Self.keyValue(seg)?.value ?? seg) },
                      location: location + f.joined(separator: "/") + "/", samples: groups[f]!)
        }
        return Table(name: name, location: location, samples: samples, partitionKeys: keys, partitions: partitions)
    }

    /// `key=value` → (key, percent-decoded value).
    static func keyValue(_ segment: String) -> (key: String, value: String)? {
        guard let eq = segment.firstIndex(of: "="), eq != segment.startIndex else { return nil }
        let key = String(segment[..<eq])
        let raw = String(segment[segment.index(after: eq)...])
        return (key.removingPercentEncoding ?? key, raw.removingPercentEncoding ?? raw)
    }

    /// A catalog table name from a folder or file name.
    static func tableName(_ text: String, prefix: String?) -> String {
        let cleaned = String(String.UnicodeScalarView(text.lowercased().unicodeScalars.map { c in
            (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "_" ? c : "_"
        }))
        return (prefix ?? "").lowercased() + (cleaned.isEmpty ? "_" : cleaned)
    }
}
