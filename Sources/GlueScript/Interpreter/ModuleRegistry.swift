/// The modules a script may import, by dotted name (`awsglue.context`, `sys`).
///
/// Registering `a.b.c` links it into its parents as member `c` of `a.b` (and `b` of `a`),
/// making empty parent packages when they are not registered themselves, so `import a.b.c`
/// binds `a` and `a.b.c.X` resolves as in Python.
public struct ModuleRegistry {
    private var modules: [String: PyModule] = [:]
    /// Modules that exist in Glue but cannot be imported in this environment, with the missing
    /// module Python names (`awsglue.context` in a Python shell job: "No module named 'pyspark'").
    private var unavailable: [String: (missing: String, reason: String)] = [:]

    public init() {}

    /// Adds (or replaces) a module and links it into its parent packages.
    public mutating func register(_ module: PyModule) {
        if let old = modules[module.name] {
            // A package made for a submodule, or an older registration: keep its submodules.
            for (k, v) in old.members where module.members[k] == nil {
                if case .object(let o) = v, o is PyModule { module.members[k] = v }
            }
        }
        modules[module.name] = module
        var child = module
        while let dot = child.name.lastIndex(of: ".") {
            let parentName = String(child.name[..<dot])
            let last = String(child.name[child.name.index(after: dot)...])
            let parent: PyModule
            if let p = modules[parentName] {
                parent = p
            } else {
                parent = PyModule(name: parentName)
                modules[parentName] = parent
            }
            parent.members[last] = .object(child)
            child = parent
        }
    }

    /// Makes `name` and its submodules fail to import as `ModuleNotFoundError: No module named
    /// '<missing>'` (the module a real import would miss), with `reason` after it.
    public mutating func markUnavailable(_ name: String, missing: String, reason: String) {
        unavailable[name] = (missing, reason)
    }

    /// The module named `name`, if registered (or made as a parent package).
    public func module(named name: String) -> PyModule? { modules[name] }

    /// The top-level module names, sorted.
    public var topLevelNames: [String] {
        modules.keys.filter { !$0.contains(".") }.sorted()
    }

    /// The module, or `ModuleNotFoundError` naming what can be imported.
    func find(_ name: String) throws -> PyModule {
        // One walk down the dotted path: an unavailable package refuses at once; otherwise
        // Python names the first missing package.
        var path = ""
        var missing: String?
        for part in name.split(separator: ".") {
            path = path.isEmpty ? String(part) : path + "." + part
            if let u = unavailable[path] { throw PyException(.moduleNotFoundError, "No module named '\(u.missing)' (\(u.reason))") }
            if missing == nil, modules[path] == nil { missing = path }
        }
        if let m = modules[name] { return m }
        let available = topLevelNames
        let hint = available.isEmpty ? "no modules can be imported" : "importable modules: " + available.joined(separator: ", ")
        throw PyException(.moduleNotFoundError, "No module named '\(missing ?? name)' (\(hint))")
    }

    /// `from m import name`: a member, or a registered submodule.
    func member(_ name: String, of module: PyModule) throws -> PyValue {
        if let v = module.members[name] { return v }
        if let sub = modules[module.name + "." + name] { return .object(sub) }
        throw PyException(.importError, "cannot import name '\(name)' from '\(module.name)'")
    }
}

extension Interpreter {
    /// `import a.b.c` gives `a` (all of the path must exist); `import a.b as x` gives `a.b`.
    func importModule(_ imported: ImportedName) throws -> PyValue {
        let target = try modules.find(imported.name)
        if imported.alias != nil { return .object(target) }
        let top = imported.name.split(separator: ".").first.map(String.init) ?? imported.name
        return .object(try modules.find(top))
    }
}
