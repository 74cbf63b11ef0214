/// A parsed Glue job script: its top-level statements and its `## @` annotation comments.
///
/// ```swift
/// let script = try Script.parse(source, file: "job.py")
/// for statement in script.statements { ... }
/// ```
public struct Script: Equatable, Sendable {
    /// The script's name as errors show it (`job.py`).
    public let file: String
    /// The top-level statements in order.
    public let statements: [Stmt]
    /// The `## @key: value` comments in source order, each with the index of the top-level
    /// statement it is in or, between statements, of the one that follows it.
    public let annotations: [Annotation]

    public init(file: String, statements: [Stmt], annotations: [Annotation]) {
        self.file = file
        self.statements = statements
        self.annotations = annotations
    }

    /// Tokenizes and parses a script.
    ///
    /// Throws the first error in source order: a `lexical` error (bad character, string or
    /// number), a `syntax` error ("expected ')' to close '(' at 3:14", "unexpected indent",
    /// "invalid syntax near 'foo'"), or `unsupported` naming a Python construct outside the
    /// dialect (`for loop`, `class definition`, `f-string`, `list comprehension`, ...). Nothing
    /// is skipped: a script that parses holds only constructs the interpreter is meant to run.
    public static func parse(_ source: String, file: String) throws(ScriptError) -> Script {
        let stream = Tokenizer.scan(source, file: file)
        var parser = Parser(file: file, stream: stream)
        var ends: [SourceLocation] = []
        let statements = try parser.parseScript(ends: &ends)
        var annotations = stream.annotations
        var next = 0  // statements and annotations are both in source order
        for i in annotations.indices {
            while next < statements.count, ends[next] < annotations[i].location { next += 1 }
            annotations[i].statementIndex = next < statements.count ? next : nil
        }
        return Script(file: file, statements: statements, annotations: annotations)
    }

    /// The annotations of the top-level statement at `index`: those written just before it and
    /// any inside it.
    public func annotations(forStatement index: Int) -> [Annotation] {
        annotations.filter { $0.statementIndex == index }
    }
}
