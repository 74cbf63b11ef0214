/// A function defined by the script: a `def` or a `lambda`, with the scope it closes over.
///
/// The interpreter creates these when a `def` or `lambda` is evaluated: the body is compiled
/// once (names resolved to slots), the defaults are evaluated at definition (Python
/// semantics), and `closure` is the frame of the enclosing function, if any. Native code calls
/// one through ``PyRuntime/call(_:_:)``.
public final class PyFunction {
    /// The `def` name, or `<lambda>`.
    public let name: String
    public let parameters: [Parameter]
    /// Each parameter's default, evaluated when the function was defined (nil: required).
    public let defaults: [PyValue?]
    /// The compiled body and its slot layout.
    let code: FunctionCode
    /// The frame of the enclosing function (nil for a function defined at module level).
    let closure: Frame?

    init(name: String, parameters: [Parameter], defaults: [PyValue?], code: FunctionCode, closure: Frame?) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.code = code
        self.closure = closure
    }
}
