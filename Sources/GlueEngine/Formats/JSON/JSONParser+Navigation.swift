/// Finding the records inside a top-level value: the whole value, the elements of a top-level
/// array, or the values a `jsonPath` selects.
///
/// Each record is parsed onto the tape and marked in `marks`. With a `sink` (multi-line
/// documents) every record is handed over as soon as it is complete, so a syntax error later in
/// the document keeps the records before it; without one (JSON Lines) the caller hands over a
/// whole line's records once the line has parsed, so a malformed line contributes nothing.
extension JSONParser {
    /// Reads the next top-level value and marks its records. With no path, a top-level array's
    /// elements are the records (as Spark and Glue read them) and any other value is one record.
    mutating func readTopLevel(path: JSONPath?, sink: JSONRecordEmitter?) throws(JSONReadStop) {
        if let path {
            try navigate(path.steps[...], depth: 0, sink: sink)
            return
        }
        skipWhitespace()
        if pos < end, base[pos] == UInt8(ascii: "[") {
            try forEachElement(depth: 0) { (p: inout JSONParser) throws(JSONReadStop) in
                try p.readRecord(depth: 1, sink: sink)
            }
        } else {
            try readRecord(depth: 0, sink: sink)
        }
    }

    /// Follows `steps` from the value at `pos`; values without the path are parsed and dropped.
    private mutating func navigate(_ steps: ArraySlice<JSONPath.Step>, depth: Int, sink: JSONRecordEmitter?) throws(JSONReadStop) {
        guard let step = steps.first else {
            try readRecord(depth: depth, sink: sink)
            return
        }
        let rest = steps.dropFirst()
        skipWhitespace()
        guard pos < end else { throw endOfInput() }
        let opener = base[pos]
        switch step {
        case .key(let name) where opener == UInt8(ascii: "{"):
            try forEachMember(depth: depth, named: name) { (p: inout JSONParser, hit: Bool) throws(JSONReadStop) in
                if hit { try p.navigate(rest, depth: depth + 1, sink: sink) } else { try p.skipValue(depth: depth + 1) }
            }
        case .wildcard where opener == UInt8(ascii: "{"):
            try forEachMember(depth: depth, named: nil) { (p: inout JSONParser, _: Bool) throws(JSONReadStop) in
                try p.navigate(rest, depth: depth + 1, sink: sink)
            }
        case .wildcard where opener == UInt8(ascii: "["):
            try forEachElement(depth: depth) { (p: inout JSONParser) throws(JSONReadStop) in
                try p.navigate(rest, depth: depth + 1, sink: sink)
            }
        case .index(let wanted) where opener == UInt8(ascii: "["):
            var i = 0
            try forEachElement(depth: depth) { (p: inout JSONParser) throws(JSONReadStop) in
                if i == wanted { try p.navigate(rest, depth: depth + 1, sink: sink) } else { try p.skipValue(depth: depth + 1) }
                i += 1
            }
        default:
            try skipValue(depth: depth)
        }
    }

    /// Parses the record value at `pos` and marks it; with a sink, hands it over at once.
    private mutating func readRecord(depth: Int, sink: JSONRecordEmitter?) throws(JSONReadStop) {
        skipWhitespace()
        let start = pos
        let tapeIndex = tape.count
        try parseValue(depth: depth)
        marks.append(JSONRecordMark(tapeIndex: tapeIndex, start: start, end: pos))
        if let sink {
            try sink.emit(self)
            tape.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
            marks.removeAll(keepingCapacity: true)
        }
    }

    /// Calls `body` once per element of the array at `pos`; `body` must consume the element.
    private mutating func forEachElement(depth: Int, _ body: (inout JSONParser) throws(JSONReadStop) -> Void) throws(JSONReadStop) {
        try checkDepth(depth + 1)
        pos += 1
        skipWhitespace()
        if pos < end, base[pos] == UInt8(ascii: "]") {
            pos += 1
            return
        }
        repeat {
            try body(&self)
        } while try !endOfContainer(UInt8(ascii: "]"))
    }

    /// Calls `body` once per member of the object at `pos`, positioned on the member's value,
    /// telling it whether the member's name is `name` (always true when `name` is nil).
    private mutating func forEachMember(depth: Int, named name: [UInt8]?, _ body: (inout JSONParser, Bool) throws(JSONReadStop) -> Void) throws(JSONReadStop) {
        try checkDepth(depth + 1)
        pos += 1
        skipWhitespace()
        if pos < end, base[pos] == UInt8(ascii: "}") {
            pos += 1
            return
        }
        repeat {
            skipWhitespace()
            guard pos < end else { throw endOfInput() }
            guard base[pos] == UInt8(ascii: "\"") else { throw unexpected(at: pos, expecting: "a quoted field name") }
            let t = tape.count
            let s = scratch.count
            try parseString(key: true)
            let hit = name.map { keyBytes(of: tape[t]).elementsEqual($0) } ?? true
            tape.removeLast(tape.count - t)
            scratch.removeLast(scratch.count - s)
            skipWhitespace()
            guard pos < end else { throw endOfInput() }
            guard base[pos] == UInt8(ascii: ":") else { throw unexpected(at: pos, expecting: "':' after a field name") }
            pos += 1
            try body(&self, hit)
        } while try !endOfContainer(UInt8(ascii: "}"))
    }

    /// The bytes of a string or key entry (copied; used only while navigating a path).
    private func keyBytes(of entry: JSONTapeEntry) -> [UInt8] {
        let start = Int(entry.payload)
        let count = Int(entry.length)
        if entry.kind == .keyEscaped || entry.kind == .stringEscaped {
            return Array(scratch[start..<(start + count)])
        }
        return Array(UnsafeBufferPointer(start: base + start, count: count))
    }
}
