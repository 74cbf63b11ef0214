/// A `## @key: value` comment of a legacy generated Glue script, kept so that a later step can
/// show the node structure the generator recorded:
///
/// ```
/// ## @type: DataSource
/// ## @args: [database = "sales", table_name = "orders", transformation_ctx = "datasource0"]
/// ## @return: datasource0
/// ## @inputs: []
/// datasource0 = glueContext.create_dynamic_frame.from_catalog(...)
/// ```
///
/// Ordinary comments are dropped by the tokenizer; only comments starting `##`, optional
/// blanks, then `@` are annotations. They never change what a script does.
public struct Annotation: Equatable, Sendable {
    /// The word after `@`: `type`, `args`, `return`, `inputs`, `params`, ...
    public let key: String
    /// The text after the colon, blanks trimmed (empty when there is no colon).
    public let value: String
    /// The whole comment, from the first `#` to the end of the line.
    public let text: String
    /// Where the comment's first `#` is.
    public let location: SourceLocation
    /// The index in `Script.statements` of the top-level statement the comment is in (inside
    /// its brackets or block) or, between statements, of the one that follows it; nil when no
    /// statement follows. Set by the parser.
    public internal(set) var statementIndex: Int?

    public init(key: String, value: String, text: String, location: SourceLocation, statementIndex: Int? = nil) {
        self.key = key
        self.value = value
        self.text = text
        self.location = location
        self.statementIndex = statementIndex
    }

    /// Reads `## @key: value` from a comment's bytes (starting at `#`); nil for other comments.
    static func parse(comment: UnsafeBufferPointer<UInt8>, location: SourceLocation) -> Annotation? {
        let n = comment.count
        guard n >= 3, comment[0] == UInt8(ascii: "#"), comment[1] == UInt8(ascii: "#") else { return nil }
        var i = 2
        while i < n, comment[i] == UInt8(ascii: " ") || comment[i] == UInt8(ascii: "\t") { i += 1 }
        guard i < n, comment[i] == UInt8(ascii: "@") else { return nil }
        i += 1
        let keyStart = i
        while i < n, isKeyByte(comment[i]) { i += 1 }
        guard i > keyStart else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: comment[keyStart..<i]), as: UTF8.self)
        while i < n, comment[i] == UInt8(ascii: " ") || comment[i] == UInt8(ascii: "\t") { i += 1 }
        var value = ""
        if i < n, comment[i] == UInt8(ascii: ":") {
            var start = i + 1
            var end = n
            while start < end, comment[start] == UInt8(ascii: " ") || comment[start] == UInt8(ascii: "\t") { start += 1 }
            while end > start, comment[end - 1] == UInt8(ascii: " ") || comment[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            value = String(decoding: UnsafeBufferPointer(rebasing: comment[start..<end]), as: UTF8.self)
        } else if i < n {
            return nil  // `## @word something` without a colon is prose, not an annotation
        }
        return Annotation(key: key, value: value, text: String(decoding: comment, as: UTF8.self), location: location)
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
    }
}
