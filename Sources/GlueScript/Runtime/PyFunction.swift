/// A function defined by the script: a `def` or a `lambda`, with the scope it closes over.
///
/// The interpreter owns this type's details (scopes, defaults evaluated at definition).
public final class PyFunction {
    /// The `def` name, or `<lambda>`.
    public let name: String
    public let parameters: [Parameter]
    /// Each parameter's default, evaluated when the function was defined (nil: required).
    public let defaults: [PyValue?]
    public let body: Body
    /// The scope the function was defined in (an interpreter type).
    public let closure: AnyObject

    /// A lambda's expression, or a def's statements.
    public enum Body {
        case expression(Expr)
        case statements([Stmt])
    }

    public init(name: String, parameters: [Parameter], defaults: [PyValue?], body: Body, closure: AnyObject) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.body = body
        self.closure = closure
    }
}
