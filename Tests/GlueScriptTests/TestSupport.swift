import Foundation
import Testing

@testable import GlueScript

/// Parses a snippet as `t.py`.
func parse(_ source: String) throws(ScriptError) -> Script {
    try Script.parse(source, file: "t.py")
}

/// The S-expression dump of a snippet, or the error's description if it does not parse.
func dump(_ source: String) -> String {
    do {
        return try parse(source).dump()
    } catch {
        return "error: \(error)"
    }
}

/// The dump of a single expression (parsed as an expression statement).
func dumpExpr(_ source: String) -> String {
    dump(source + "\n")
}

/// The error a snippet raises, or nil when it parses.
func parseError(_ source: String) -> ScriptError? {
    do {
        _ = try parse(source)
        return nil
    } catch {
        return error
    }
}

/// The description of the error a snippet raises ("t.py:1:5: ..."), or "parsed" when it parses.
func errorText(_ source: String) -> String {
    parseError(source)?.description ?? "parsed"
}

/// The token kinds of a snippet (throws the tokenizer's error).
func kinds(_ source: String) throws(ScriptError) -> [Token.Kind] {
    try Tokenizer.tokenize(source, file: "t.py").tokens.map(\.kind)
}

/// The description of the tokenizer's error for a snippet, or "tokenized".
func lexError(_ source: String) -> String {
    do {
        _ = try Tokenizer.tokenize(source, file: "t.py")
        return "tokenized"
    } catch {
        return error.description
    }
}

/// A fixture script from `Tests/GlueScriptTests/Scripts/`.
func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Scripts/\(name)", withExtension: nil))
    return try String(contentsOf: url, encoding: .utf8)
}
