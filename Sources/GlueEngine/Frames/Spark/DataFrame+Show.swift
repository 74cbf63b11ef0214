/// Spark's printed forms: `printSchema()` (`StructType.treeString`) and `show()` (`Dataset.showString`).
extension DataFrame {
    /// The text `df.printSchema()` prints:
    /// ```
    /// root
    ///  |-- id: long (nullable = true)
    ///  |-- tags: array (nullable = true)
    ///  |    |-- element: string (containsNull = true)
    /// ```
    public func sparkSchemaTree() -> String {
        var out = "root\n"
        for (f, n) in zip(schema.fields, nullable) {
            Self.appendTree(name: f.name, type: f.type, nullable: n, prefix: " |", to: &out)
        }
        return out
    }

    private static func appendTree(name: String, type: DataType, nullable: Bool, prefix: String, to out: inout String) {
        out += "\(prefix)-- \(name): \(SparkTypes.treeName(type)) (nullable = \(nullable))\n"
        appendChildren(type, prefix: prefix + "    |", to: &out)
    }

    private static func appendChildren(_ type: DataType, prefix: String, to out: inout String) {
        switch type {
        case .structure(let s):
            for f in s.fields { appendTree(name: f.name, type: f.type, nullable: true, prefix: prefix, to: &out) }
        case .choice(let c):
            for m in c.members { appendTree(name: m.name, type: m, nullable: true, prefix: prefix, to: &out) }
        case .array(let e):
            out += "\(prefix)-- element: \(SparkTypes.treeName(e)) (containsNull = true)\n"
            appendChildren(e, prefix: prefix + "    |", to: &out)
        case .map(let v):
            out += "\(prefix)-- key: string\n"
            out += "\(prefix)-- value: \(SparkTypes.treeName(v)) (valueContainsNull = true)\n"
            appendChildren(v, prefix: prefix + "    |", to: &out)
        default:
            break
        }
    }

    /// The text `df.show(n, truncate, vertical)` prints. `truncate` 0 shows whole cells
    /// (left-aligned); a positive `truncate` cuts longer cells to `truncate - 3` characters and
    /// `...` (or to `truncate` characters when it is under 4) and right-aligns cells. Cells
    /// are at least 3 wide; null prints `null`, arrays `[1, 2]`, structs `{a, 1}`, maps
    /// `{k -> v}`, binaries `[0A FF]`. More rows than shown adds `only showing top n rows`.
    public func showString(rows n: Int, truncate: Int, vertical: Bool) -> String {
        let shown = max(0, n)
        let taken = SparkRows(self, limit: shown + 1).rows
        let hasMore = taken.count > shown
        let header = schema.names.map(Self.escapingMeta)
        let types = schema.fields.map(\.type)
        let cells: [[String]] = taken.prefix(shown).map { row in
            zip(row.values, types).map { v, t in
                let s = Self.escapingMeta(Self.cellText(v, type: t))
                return truncate > 0 && s.count > truncate ? (truncate < 4 ? String(s.prefix(truncate)) : String(s.prefix(truncate - 3)) + "...") : s
            }
        }
        var out = ""
        if !vertical {
            var widths = header.map { max(3, Self.width($0)) }
            for row in cells {
                for (i, c) in row.enumerated() { widths[i] = max(widths[i], Self.width(c)) }
            }
            let sep = "+" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "+") + "+\n"
            func line(_ row: [String]) -> String {
                "|" + zip(row, widths).map { c, w in
                    let pad = String(repeating: " ", count: max(0, w - Self.width(c)))
                    return truncate > 0 ? pad + c : c + pad
                }.joined(separator: "|") + "|\n"
            }
            out += sep + line(header) + sep
            for row in cells { out += line(row) }
            out += sep
        } else {
            let nameWidth = header.reduce(3) { max($0, Self.width($1)) }
            let dataWidth = cells.reduce(3) { m, row in max(m, row.map(Self.width).max() ?? 0) }
            for (i, row) in cells.enumerated() {
                let title = "-RECORD \(i)"
                out += title + String(repeating: "-", count: max(0, nameWidth + dataWidth + 5 - title.count)) + "\n"
                for (j, c) in row.enumerated() {
                    let name = header[j] + String(repeating: " ", count: max(0, nameWidth - Self.width(header[j])))
                    let data = c + String(repeating: " ", count: max(0, dataWidth - Self.width(c)))
                    out += " \(name) | \(data) \n"
                }
            }
        }
        if vertical && cells.isEmpty {
            out += "(0 rows)\n"
        } else if hasMore {
            out += "only showing top \(shown) \(shown == 1 ? "row" : "rows")\n"
        }
        return out
    }

    /// A cell as `show` prints it.
    static func cellText(_ v: Value, type: DataType) -> String {
        switch v {
        case .binary(let b):
            let hex = Array("0123456789ABCDEF")
            return "[" + b.map { String([hex[Int($0 >> 4)], hex[Int($0 & 15)]]) }.joined(separator: " ") + "]"
        default:
            return SparkCast.text(v, type: type)
        }
    }

    /// Control characters written as escapes (`\n`, `\t`, ...), as Spark 3.4+ `show` does.
    static func escapingMeta(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0C}": out += "\\f"
            case "\u{08}": out += "\\b"
            case "\u{0B}": out += "\\v"
            case "\u{07}": out += "\\a"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Display width: East Asian wide characters count two columns (Spark's `stringHalfWidth`).
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return n + (wide ? 2 : 1)
        }
    }
}
