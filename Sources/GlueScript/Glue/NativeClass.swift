/// A class object implemented natively: calling it makes an instance; its `repr` names the
/// Python class. Used for `ResolveOption` and `DynamicFrameCollection`.
final class NativeClass: PyObject {
    let name: String
    let qualifiedName: String
    let make: (CallArguments, any PyRuntime) throws -> PyValue
    let members: [String: PyValue]

    init(_ name: String, module: String, members: [String: PyValue] = [:],
         make: @escaping (CallArguments, any PyRuntime) throws -> PyValue) {
        self.name = name
        qualifiedName = module + "." + name
        self.members = members
        self.make = make
    }

    var typeName: String { "type" }
    var repr: String { "<class '\(qualifiedName)'>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        if name == "__name__" { return .str(self.name) }
        return members[name]
    }

    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        try make(arguments, runtime)
    }
}
