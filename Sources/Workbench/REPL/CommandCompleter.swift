import Foundation
import GlueEngine

/// Completes gluelab command lines from the command tree and the current sandbox:
/// the first word → commands (and the REPL's own `help`, `exit`, `quit`); after a command →
/// its subcommands, or its options when the word starts with `-`; after an option or at a
/// positional → values from a `valueSources` entry chosen by `valueKinds`; a word starting
/// `s3://` → buckets and keys of the sandbox named by `--sandbox` on the line (default
/// `playground`); paths → local files.
///
/// Lab and question ids are added later by registering a source (`valueSources["lab"]`) and a
/// rule that maps the arguments that take one to it (`valueKinds`).
struct CommandCompleter: Sendable {
    /// Where a value is asked for: the command path, the argument, the line's sandbox.
    struct Context: Sendable {
        var path: [String]
        var argument: CommandTree.Argument?
        var sandbox: String
        var home: URL
        /// The word being completed (unescaped).
        var word: String
    }

    /// Maps an argument to the name of a value source (nil: not this rule).
    typealias KindRule = @Sendable (_ path: [String], _ argument: CommandTree.Argument) -> String?
    /// Lists the values of one kind.
    typealias Source = @Sendable (Context) -> [String]

    var tree: CommandTree
    var builtins: [String] = ["help", "use", "exit", "quit"]
    var valueKinds: [KindRule] = CommandCompleter.standardKinds
    var valueSources: [String: Source] = CommandCompleter.standardSources
    var home: URL = Sandbox.defaultHome()

    /// Completes `line` with the cursor before character `cursor`.
    func complete(_ line: String, cursor: Int) -> CompletionResult {
        let upTo = String(Array(line).prefix(cursor))
        var words = CompletionWords.split(upTo)
        let current = words.last?.end == cursor ? words.removeLast() : CompletionWords.Word(text: "", start: cursor, end: cursor)
        var texts = words.map(\.text)
        if texts.first == "gluelab" { texts.removeFirst() }
        let sandbox = Self.sandbox(in: texts)
        let values = candidates(for: texts, word: current.text, sandbox: sandbox)
        let matching = values.filter { $0.text.hasPrefix(current.text) }
            .map { CompletionCandidate(CompletionWords.escape($0.text), display: $0.display, isFinal: $0.isFinal) }
        return CompletionResult(start: current.start, candidates: matching)
    }

    private func candidates(for words: [String], word: String, sandbox: String) -> [CompletionCandidate] {
        if word.hasPrefix("s3://") { return S3Completion.candidates(word, sandbox: sandbox, home: home) }
        var node = tree
        var path: [String] = []
        var rest = words[...]
        if rest.first == "use" {
            return rest.count == 1 ? (valueSources["sandbox"]?(Context(path: ["use"], argument: nil, sandbox: sandbox, home: home, word: word)) ?? []).map { CompletionCandidate($0) } : []
        }
        if rest.first == "help" {
            rest.removeFirst()
            for w in rest {
                guard let c = node.child(named: w) else { return [] }
                node = c
            }
            return node.children.map { CompletionCandidate($0.commandName) }
        }
        while let w = rest.first, let c = node.child(named: w) {
            node = c
            path.append(w)
            rest.removeFirst()
        }
        var expecting: CommandTree.Argument?
        var positional = 0
        for w in rest {
            if expecting != nil {
                expecting = nil
            } else if w.hasPrefix("-"), w.count > 1 {
                if !w.contains("="), let o = node.option(w), o.kind == "option" { expecting = o }
            } else {
                positional += 1
            }
        }
        let context = Context(path: path, argument: expecting, sandbox: sandbox, home: home, word: word)
        if let option = expecting { return values(for: option, context) }
        if word.hasPrefix("-") {
            var seen = Set<String>()
            return (node.options.flatMap(\.spellings).filter { $0.hasPrefix("--") } + ["--help"])
                .filter { seen.insert($0).inserted }.map { CompletionCandidate($0) }
        }
        var out: [CompletionCandidate] = []
        if rest.isEmpty {
            out += node.children.filter { $0.commandName != "help" }.map { CompletionCandidate($0.commandName) }
            if path.isEmpty { out += builtins.map { CompletionCandidate($0) } }
        }
        let positionals = node.positionals
        if !path.isEmpty, let arg = positional < positionals.count ? positionals[positional] : positionals.last.flatMap({ $0.isRepeating == true ? $0 : nil }) {
            var c = context
            c.argument = arg
            out += values(for: arg, c)
        }
        return out
    }

    private func values(for argument: CommandTree.Argument, _ context: Context) -> [CompletionCandidate] {
        for rule in valueKinds {
            guard let kind = rule(context.path, argument) else { continue }
            if kind == "file" { return LocalFileCompletion.candidates(context) }
            return (valueSources[kind]?(context) ?? []).map { CompletionCandidate($0) }
        }
        return []
    }

    /// The sandbox named on the line (`--sandbox NAME` or `--sandbox=NAME`), else the current
    /// one (`SandboxOptions.defaultName`).
    static func sandbox(in words: [String]) -> String {
        var name = SandboxOptions.defaultName
        for (i, w) in words.enumerated() {
            if w == "--sandbox", i + 1 < words.count { name = words[i + 1] }
            if w.hasPrefix("--sandbox=") { name = String(w.dropFirst(10)) }
        }
        return name
    }
}
