import Foundation
import Yams

/// A YAML file's text and path, for decoding and for errors that name `file:line: field`.
/// Labs (`lab.yaml`) and questions (`questions/*.yaml`) share it.
struct YAMLSource {
    /// The file's path, as shown in errors.
    let path: String
    let text: String

    /// Decodes the text; a decoding error names the line of the field it concerns
    /// (`what` stands for the whole document when the error has no field).
    func decode<T: Decodable>(_ type: T.Type, what: String) throws -> T {
        do {
            // One parse: the node tree is decoded, then read again for unknown keys.
            let parser = try Parser(yaml: text, resolver: Resolver.basic.appending(.merge))
            return try withExtendedLifetime(parser) {
                let node = try parser.singleRoot() ?? ""
                let value = try YAMLDecoder().decode(T.self, from: node)
                if let encodable = value as? any Encodable { try checkKnownKeys(encodable, in: node) }
                return value
            }
        } catch let error as YamlError {
            throw Self.syntaxError(error, path: path)
        } catch let error as DecodingError {
            if case .dataCorrupted(let c) = error, let yaml = c.underlyingError as? YamlError { throw Self.syntaxError(yaml, path: path) }
            let (codingPath, message): ([CodingKey], String) = switch error {
            case .keyNotFound(let key, let c): (c.codingPath, "missing field '\(key.stringValue)'")
            case .typeMismatch(_, let c): (c.codingPath, c.debugDescription)
            case .valueNotFound(_, let c): (c.codingPath, "missing value: \(c.debugDescription)")
            case .dataCorrupted(let c): (c.codingPath, c.debugDescription)
            @unknown default: ([], "\(error)")
            }
            let field = Self.fieldPath(codingPath.map { $0.intValue.map { $0 as Any } ?? $0.stringValue })
            throw WorkbenchError.file(path: location(codingPath.map { $0.intValue.map { $0 as Any } ?? $0.stringValue }),
                                      reason: "\(field.isEmpty ? what : field): \(message)")
        }
    }

    /// Refuses a key the format does not have: decoding ignores unknown keys, so a misspelt
    /// optional field (`misconseption:`, `hint:`) would otherwise vanish without a word. The
    /// decoded value is encoded again and every key of `node` (with a value) must be there.
    func checkKnownKeys(_ value: any Encodable, in node: Node) throws {
        guard let known = try? JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) else { return }
        if let (at, key) = Self.firstUnknownKey(node, known, at: []) {
            try fail(at + [key], "unknown field '\(key)' (a misspelling? see the format's README)")
        }
    }

    /// The first key (in text order) of `node` that `known` lacks, with the path to its parent.
    static func firstUnknownKey(_ node: Node, _ known: Any, at path: [Any]) -> ([Any], String)? {
        switch node {
        case .mapping(let mapping):
            let knownMapping = known as? [String: Any] ?? [:]
            for (keyNode, value) in mapping {
                guard let key = keyNode.string, value.null == nil else { continue }
                guard let knownValue = knownMapping[key] else { return (path, key) }
                if let found = firstUnknownKey(value, knownValue, at: path + [key]) { return found }
            }
        case .sequence(let items):
            guard let knownItems = known as? [Any] else { return nil }
            for (i, item) in items.enumerated() where i < knownItems.count {
                if let found = firstUnknownKey(item, knownItems[i], at: path + [i]) { return found }
            }
        default:
            break
        }
        return nil
    }

    /// A YAML syntax error as `file:line: not valid YAML: problem`.
    static func syntaxError(_ error: YamlError, path: String) -> WorkbenchError {
        let (line, problem): (Int?, String) = switch error {
        case .scanner(let context, let problem, let mark, _): (mark.line, [context?.text, problem].compactMap { $0 }.joined(separator: ", "))
        case .parser(let context, let problem, let mark, _): (mark.line, [context?.text, problem].compactMap { $0 }.joined(separator: ", "))
        case .composer(let context, let problem, let mark, _): (mark.line, [context?.text, problem].compactMap { $0 }.joined(separator: ", "))
        default: (nil, "\(error)")
        }
        return .file(path: line.map { "\(path):\($0)" } ?? path, reason: "not valid YAML: \(problem)")
    }

    /// An error at a key/index path (`["questions", 3, "options"]`): `file:line: field: message`.
    func error(_ at: [Any], _ message: String) -> WorkbenchError {
        .file(path: location(at), reason: "\(Self.fieldPath(at)): \(message)")
    }

    /// Throws `error(at, message)`.
    func fail(_ at: [Any], _ message: String) throws -> Never { throw error(at, message) }

    /// `path:line` of the node at a key/index path (the deepest one found), or the path alone.
    func location(_ at: [Any]) -> String {
        line(at).map { "\(path):\($0)" } ?? path
    }

    /// The 1-based line of the node at a key/index path (the deepest one found).
    func line(_ at: [Any]) -> Int? {
        Self.line(of: at.map { $0 as? String ?? "" }, at.map { $0 as? Int }, in: text)
    }

    /// `questions[3].options[1].text`.
    static func fieldPath(_ at: [Any]) -> String {
        at.map { ($0 as? Int).map { "[\($0)]" } ?? ".\($0)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    /// The 1-based line of the node at a key/index path (the deepest one found).
    static func line(of keys: [String], _ indexes: [Int?], in text: String) -> Int? {
        guard var node = try? Yams.compose(yaml: text) else { return nil }
        var line = node.mark?.line
        for (key, index) in zip(keys, indexes) {
            let next: Node? = if let index { node.sequence.flatMap { index < $0.count ? $0[index] : nil } } else { node.mapping?[key] }
            guard let next else { break }
            node = next
            line = node.mark?.line ?? line
        }
        return line
    }
}
