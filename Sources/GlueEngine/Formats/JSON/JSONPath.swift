/// The subset of JsonPath that the JSON reader's `jsonPath` option accepts.
///
/// A path starts with `$` (the top-level value) followed by steps:
/// - `.name` or `['name']` / `["name"]`: the member `name` of an object;
/// - `[*]` or `.*`: every element of an array (or every member value of an object);
/// - `[N]`: element `N` (0-based) of an array.
///
/// Every value the path reaches is a record: `$[*]` reads the elements of a top-level array,
/// `$.records[*]` the elements of the array under `records`, `$.data` the object under `data`.
/// A value that does not have the path (a line without `records`) gives no record and no
/// error. Anything else — recursive descent `..`, filters `[?(...)]`, slices, unions — throws
/// `EngineError.invalidOption`.
struct JSONPath: Equatable, Sendable {
    /// One step of a path.
    enum Step: Equatable, Sendable {
        /// An object member, by its UTF-8 name.
        case key([UInt8])
        /// An array element by index.
        case index(Int)
        /// Every array element or object member value.
        case wildcard
    }

    let steps: [Step]

    init(parsing text: String) throws(EngineError) {
        let bytes = Array(text.utf8)
        func bad(_ reason: String) -> EngineError {
            .invalidOption(name: "jsonPath", value: text, reason: reason)
        }
        var i = 0
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "$") else { throw bad("a JsonPath starts with $") }
        i += 1
        var steps: [Step] = []
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "."):
                i += 1
                guard i < bytes.count, bytes[i] != UInt8(ascii: ".") else {
                    throw bad("recursive descent (..) is not supported; supported: $, .name, ['name'], [*], [N]")
                }
                if bytes[i] == UInt8(ascii: "*") {
                    steps.append(.wildcard)
                    i += 1
                    continue
                }
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "."), bytes[i] != UInt8(ascii: "[") { i += 1 }
                guard i > start else { throw bad("empty member name") }
                steps.append(.key(Array(bytes[start..<i])))
            case UInt8(ascii: "["):
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: "]")) else { throw bad("missing ]") }
                let inner = Array(bytes[(i + 1)..<close])
                steps.append(try Self.bracketStep(inner, bad))
                i = close + 1
            case UInt8(ascii: " "):
                guard bytes[i...].allSatisfy({ $0 == UInt8(ascii: " ") }) else { throw bad("unexpected space") }
                i = bytes.count
            default:
                throw bad("expected . or [ after \(String(decoding: bytes[..<i], as: UTF8.self))")
            }
        }
        self.steps = steps
    }

    private static func bracketStep(_ inner: [UInt8], _ bad: (String) -> EngineError) throws(EngineError) -> Step {
        if inner == [UInt8(ascii: "*")] { return .wildcard }
        if let q = inner.first, q == UInt8(ascii: "'") || q == UInt8(ascii: "\""), inner.count >= 2, inner.last == q {
            let name = Array(inner.dropFirst().dropLast())
            guard !name.isEmpty, !name.contains(q) else { throw bad("bad quoted member name") }
            return .key(name)
        }
        if !inner.isEmpty, inner.count <= 9, inner.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return .index(inner.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
        }
        throw bad("unsupported selector [\(String(decoding: inner, as: UTF8.self))]; supported: [*], [N], ['name']")
    }
}
