import ArgumentParser
import Foundation

/// The command tree as completion sees it, read from ArgumentParser's own description of
/// `GluelabCommand` (`_dumpHelp()`, the JSON behind `--experimental-dump-help`), so it always
/// matches what the parser accepts: command and subcommand names, options, flags, positionals.
struct CommandTree: Decodable, Sendable {
    /// One argument of a command.
    struct Argument: Decodable, Sendable {
        struct Name: Decodable, Sendable {
            var kind: String
            var name: String
        }

        /// `positional`, `option` (takes a value) or `flag`.
        var kind: String
        var names: [Name]?
        var valueName: String?
        var shouldDisplay: Bool?
        var isRepeating: Bool?

        /// The spellings on the command line: `--name`, `-n`.
        var spellings: [String] {
            (names ?? []).map { $0.kind == "long" ? "--\($0.name)" : $0.kind == "short" ? "-\($0.name)" : "-\($0.name)" }
        }

        /// The long name without dashes, else the value name.
        var key: String { names?.first(where: { $0.kind == "long" })?.name ?? valueName ?? "" }
    }

    var commandName: String
    var subcommands: [CommandTree]?
    var arguments: [Argument]?
    var shouldDisplay: Bool?

    /// The gluelab command tree.
    static let gluelab: CommandTree = {
        struct Dump: Decodable { var command: CommandTree }
        let json = GluelabCommand._dumpHelp()
        return (try? JSONDecoder().decode(Dump.self, from: Data(json.utf8)))?.command
            ?? CommandTree(commandName: "gluelab", subcommands: [], arguments: [], shouldDisplay: true)
    }()

    /// The visible subcommands, in the order the help lists them.
    var children: [CommandTree] {
        (subcommands ?? []).filter { $0.shouldDisplay ?? true }
    }

    func child(named name: String) -> CommandTree? {
        children.first { $0.commandName == name }
    }

    /// The visible options and flags.
    var options: [Argument] {
        (arguments ?? []).filter { $0.kind != "positional" && ($0.shouldDisplay ?? true) }
    }

    var positionals: [Argument] {
        (arguments ?? []).filter { $0.kind == "positional" && ($0.shouldDisplay ?? true) }
    }

    /// The option spelled `spelling` (`--job`, `-r`).
    func option(_ spelling: String) -> Argument? {
        (arguments ?? []).first { $0.kind != "positional" && $0.spellings.contains(spelling) }
    }
}
