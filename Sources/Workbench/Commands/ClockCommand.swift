import ArgumentParser
import GlueEngine

/// `gluelab clock ...`: the sandbox's simulated clock, which stamps new objects and runs.
struct ClockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "Show, set, advance or run the sandbox clock.",
        discussion: """
            A new sandbox's clock follows real time. 'clock set' stops it at the given time, so \
            objects put afterwards get exactly that last-modified time until 'clock advance' \
            moves it ("an hour passes"); 'clock run' lets it flow on from where it stands.
            """,
        subcommands: [Show.self, Set.self, Advance.self, Run.self],
        defaultSubcommand: Show.self
    )
}

extension ClockCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the sandbox's current time.")
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            Clock.print(try sandboxOptions.open().clock.state(), json: output.json)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the sandbox clock at a time (ISO 8601).")
        @Argument(help: "The new time, e.g. 2024-01-31T10:00:00Z") var time: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let clock = try sandboxOptions.open().clock
            let t = try Parse.timestamp(time, option: "time")
            try clock.freeze()
            try clock.set(t)
            Clock.print(try clock.state(), json: output.json)
        }
    }

    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move the sandbox's time forward (90s, 15m, 1h, 2d, 1h30m).")
        @Argument(help: "How far to move, e.g. 1h") var duration: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let clock = try sandboxOptions.open().clock
            try clock.advance(by: try Parse.duration(duration, option: "duration"))
            Clock.print(try clock.state(), json: output.json)
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a stopped clock flow on with real time.")
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let clock = try sandboxOptions.open().clock
            try clock.unfreeze()
            Clock.print(try clock.state(), json: output.json)
        }
    }

    enum Clock {
        static func print(_ state: SandboxClock.State, json: Bool) {
            if json {
                Output.json(DynamicRecord([("now", .string(Timestamps.format(state.now))), ("stopped", .boolean(state.frozen))]))
            } else {
                Output.line(Timestamps.format(state.now) + (state.frozen ? "  (stopped)" : "  (running)"))
            }
        }
    }
}
