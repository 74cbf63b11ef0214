/// A compact S-expression form of the syntax tree, for tests and debugging.
///
/// `rec["total"] = rec["qty"] * 2.5` dumps as `(= (sub rec "total") (* (sub rec "qty") 2.5))`;
/// `Filter.apply(frame=dyf, f=lambda r: r["qty"] > 0)` as
/// `(call (. Filter apply) frame=dyf f=(lambda (r) (cmp (sub r "qty") > 0)))`.
extension Script {
    /// One line per top-level statement.
    public func dump() -> String {
        statements.map(\.dump).joined(separator: "\n")
    }
}

extension Stmt {
    /// The statement as an S-expression on one line.
    public var dump: String {
        switch kind {
        case .import(let names):
            return "(import \(names.map(\.dump).joined(separator: ", ")))"
        case .fromImport(let module, let names):
            return "(from \(module) import \(names.map { $0.map(\.dump).joined(separator: ", ") } ?? "*"))"
        case .expression(let e):
            return e.dump
        case .assign(let targets, let value):
            return "(= \((targets + [value]).map(\.dump).joined(separator: " ")))"
        case .augmentedAssign(let target, let op, let value):
            return "(\(op.rawValue)= \(target.dump) \(value.dump))"
        case .functionDef(let name, let parameters, let returnType, let body):
            let returns = returnType.map { " -> \($0.dump)" } ?? ""
            return "(def \(name) (\(parameters.map(\.dump).joined(separator: " ")))\(returns) \(Self.dump(body)))"
        case .for(let target, let iterable, let body):
            return "(for \(target.dump) \(iterable.dump) \(Self.dump(body)))"
        case .while(let condition, let body, let orElse):
            return "(while \(condition.dump) \(Self.dump(body))\(orElse.isEmpty ? "" : " else \(Self.dump(orElse))"))"
        case .raise(let exception, let cause):
            return "(raise" + (exception.map { " \($0.dump)" } ?? "") + (cause.map { " from \($0.dump)" } ?? "") + ")"
        case .try(let body, let handlers, let orElse, let finalBody):
            var parts = [Self.dump(body)]
            for h in handlers {
                parts.append("except" + (h.type.map { " \($0.dump)" } ?? "") + (h.name.map { " as \($0)" } ?? "") + " \(Self.dump(h.body))")
            }
            if !orElse.isEmpty { parts.append("else \(Self.dump(orElse))") }
            if !finalBody.isEmpty { parts.append("finally \(Self.dump(finalBody))") }
            return "(try \(parts.joined(separator: " ")))"
        case .assert(let test, let message):
            return "(assert \(test.dump)" + (message.map { " \($0.dump)" } ?? "") + ")"
        case .break:
            return "(break)"
        case .continue:
            return "(continue)"
        case .return(let value):
            return value.map { "(return \($0.dump))" } ?? "(return)"
        case .if(let branches, let orElse):
            var parts = branches.enumerated().map { i, branch in
                "\(i == 0 ? "" : "elif ")\(branch.condition.dump) \(Self.dump(branch.body))"
            }
            if !orElse.isEmpty { parts.append("else \(Self.dump(orElse))") }
            return "(if \(parts.joined(separator: " ")))"
        case .pass:
            return "(pass)"
        }
    }

    static func dump(_ body: [Stmt]) -> String {
        "{" + body.map(\.dump).joined(separator: "; ") + "}"
    }
}

extension ImportedName {
    var dump: String { alias.map { "\(name) as \($0)" } ?? name }
}

extension Parameter {
    var dump: String {
        let typed = typeAnnotation.map { "\(name):\($0.dump)" } ?? name
        return defaultValue.map { "\(typed)=\($0.dump)" } ?? typed
    }
}

extension Expr {
    /// The expression as an S-expression: names bare, strings double-quoted, operators first.
    public var dump: String {
        switch kind {
        case .name(let n): return n
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return "\(d)"
        case .string(let s): return StringQuoting.quote(s)
        case .list(let items): return Self.form("list", items.map(\.dump))
        case .tuple(let items): return Self.form("tuple", items.map(\.dump))
        case .set(let items): return Self.form("set", items.map(\.dump))
        case .dict(let entries): return Self.form("dict", entries.map { "\($0.key.dump):\($0.value.dump)" })
        case .attribute(let value, let name, _): return "(. \(value.dump) \(name))"
        case .subscript(let value, let index): return "(sub \(value.dump) \(index.dump))"
        case .slice(let lower, let upper, let step):
            return "(slice \(lower?.dump ?? "_") \(upper?.dump ?? "_") \(step?.dump ?? "_"))"
        case .call(let callee, let arguments, _):
            return Self.form("call", [callee.dump] + arguments.map(\.dump))
        case .lambda(let parameters, let body):
            return "(lambda (\(parameters.map(\.dump).joined(separator: " "))) \(body.dump))"
        case .unary(let op, let operand): return "(\(op.rawValue) \(operand.dump))"
        case .binary(let op, let left, let right): return "(\(op.rawValue) \(left.dump) \(right.dump))"
        case .compare(let left, let links):
            return Self.form("cmp", [left.dump] + links.map { "\($0.op.rawValue) \($0.right.dump)" })
        case .boolean(let op, let operands): return Self.form(op.rawValue, operands.map(\.dump))
        case .conditional(let condition, let then, let otherwise):
            return "(if \(condition.dump) \(then.dump) \(otherwise.dump))"
        }
    }

    static func form(_ head: String, _ parts: [String]) -> String {
        parts.isEmpty ? "(\(head))" : "(\(head) \(parts.joined(separator: " ")))"
    }
}

extension Argument {
    var dump: String {
        switch kind {
        case .positional(let e): e.dump
        case .keyword(let name, let e): "\(name)=\(e.dump)"
        case .unpack(let e): "*\(e.dump)"
        case .unpackKeywords(let e): "**\(e.dump)"
        }
    }
}
