/// The local variables of one running script function: one slot per local name, resolved
/// when the function was compiled (no name lookups by string at run time).
final class Frame {
    /// nil: the local exists but is not yet assigned (reading it is an `UnboundLocalError`).
    var slots: [PyValue?]
    /// The frame of the enclosing function, for closures.
    let parent: Frame?
    /// The value of the `return` that ended the body.
    var returnValue: PyValue = .none

    init(slotCount: Int, parent: Frame?) {
        slots = Array(repeating: nil, count: slotCount)
        self.parent = parent
    }

    /// The frame `depth` levels out (0: this one).
    @inline(__always)
    func outer(_ depth: Int) -> Frame {
        var f = self
        for _ in 0..<depth { f = f.parent! }
        return f
    }
}

/// A compiled expression: evaluates in the interpreter, with the current frame.
typealias Eval = (Interpreter, Frame) throws -> PyValue
/// A compiled statement: runs, and tells how control leaves it.
typealias Exec = (Interpreter, Frame) throws -> Flow

/// How a statement ends.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned
}

/// A compiled `def` or `lambda` body with its slot layout.
final class FunctionCode {
    let name: String
    /// The parameter names; parameter `i` is slot `i`.
    let parameterNames: [String]
    /// The number of local slots (parameters first).
    let slotCount: Int
    let body: Body
    /// Local names by slot, for messages.
    let localNames: [String]

    enum Body {
        case expression(Eval)
        case statements(Exec)
    }

    init(name: String, parameterNames: [String], localNames: [String], body: Body) {
        self.name = name
        self.parameterNames = parameterNames
        self.localNames = localNames
        slotCount = localNames.count
        self.body = body
    }
}

/// A scope while compiling: the module, or a function with its local names.
final class CompileScope {
    /// The enclosing function scope (nil at module level and for functions defined there).
    let parent: CompileScope?
    let isModule: Bool
    private(set) var localNames: [String] = []
    private var index: [String: Int] = [:]

    init(parent: CompileScope?, isModule: Bool) {
        self.parent = parent
        self.isModule = isModule
    }

    func declare(_ name: String) {
        guard index[name] == nil else { return }
        index[name] = localNames.count
        localNames.append(name)
    }

    func slot(_ name: String) -> Int? { index[name] }
}

/// Where a name lives, decided at compile time (Python's scoping rule).
enum NameRef {
    case local(Int)
    case enclosing(depth: Int, slot: Int)
    case global(Int)
}
