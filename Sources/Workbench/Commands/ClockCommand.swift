import ArgumentParser
import GlueEngine

/// `gluelab clock ...`: the sandbox's simulated clock, which stamps new objects and runs.
struct ClockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "Show, set or advance the sandbox clock.",
        subcommands: [Show.self, Set.self, Advance.self],
        defaultSubcommand: Show.self
    )
}

extension ClockCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the sandbox's current time.")
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let now = try sandboxOptions.open().clock.now()
            Clock.print(now, json: output.json)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the sandbox's time (ISO 8601).")
        @Argument(help: "The new time, e.g. 2024-01-31T10:00:00Z") var time: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let clock = try sandboxOptions.open().clock
            try clock.set(try Parse.timestamp(time, option: "time"))
            Clock.print(try clock.now(), json: output.json)
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
            Clock.print(try clock.now(), json: output.json)
        }
    }

    enum Clock {
        static func print(_ now: Int64, json: Bool) {
            if json {
                Output.json(DynamicRecord([("now", .string(Timestamps.format(now)))]))
            } else {
                Output.line(Timestamps.format(now))
            }
        }
    }
}
