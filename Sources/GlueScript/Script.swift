/// A parsed Glue job script: its top-level statements and its `## @` annotation comments.
///
/// ```swift
/// let script = try Script.parse(source, file: "job.py")
/// for statement in script.statements { ... }
/// ```
///
/// The dialect is the Python that Glue job scripts are made of:
/// - statements: `import a.b [as c]`, `from a.b import x [as y]` / `(x, y)` / `*`, expression
///   statements, assignments (`a = b = v`, `a, b = v`, `rec["x"] = v`, `rec.x = v`), augmented
///   assignments (`+= -= *= /= //= %= **= &= |=`), `def f(a, b: T = 1) -> T:` with `return`,
///   `if` / `elif` / `else`, `for target in iterable:` and `while c:` (with `else`) with
///   `break` / `continue`, `try` / `except [T [as e]]` / `else` / `finally`, `raise [X [from Y]]`,
///   `assert c[, msg]`, `pass`, `;` between simple statements, one-line blocks (`if x: y = 1`);
/// - expressions: names, `None` / `True` / `False`, int, float, str (adjacent literals joined),
///   list / tuple / dict / set displays, attribute, subscript with slices, calls with positional,
///   keyword, `*args` and `**kwargs` arguments, `lambda`, unary `- + ~ not`, binary
///   `+ - * / // % ** & |`, chained comparisons with `in`, `not in`, `is`, `is not`, `and` / `or`,
///   `x if c else y`;
/// - layout: comments, blank lines, implicit joining inside brackets, backslash continuation.
///
/// Refused by name at their position: `for ... else`, `class`, `with`, `except*`, `global`,
/// `nonlocal`, `del`, `async`, `await`, `yield`, `match`, decorators, `import`
/// inside a `def`, relative imports, annotated assignments (`x: int = 1`), `*args` / `**kwargs` /
/// `*` / `/` parameters, comprehensions and generator
/// expressions, `:=`, starred expressions, `**` in dict displays, `...`, `^ << >> @`, f-strings,
/// t-strings, bytes, complex numbers, `\N{...}` escapes. Integers are 64-bit.
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
    ///
    /// The parser runs on a thread with a large stack (see `LargeStack`), so that the deepest
    /// nesting it accepts (200 levels) parses from any thread, in debug builds too.
    public static func parse(_ source: String, file: String) throws(ScriptError) -> Script {
        let result = LargeStack.run { Result { () throws(ScriptError) in try parseHere(source, file: file) } }
        return try result.get()
    }

    /// Tokenizes and parses on the current thread.
    static func parseHere(_ source: String, file: String) throws(ScriptError) -> Script {
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
