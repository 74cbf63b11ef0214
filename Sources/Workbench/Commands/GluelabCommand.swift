import ArgumentParser

/// The root of the command tree. The CLI and the REPL parse with it, so they never drift apart.
public struct GluelabCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gluelab",
        abstract: "A workbench for learning AWS Glue ETL by doing.",
        discussion: """
            With no arguments, gluelab opens its prompt, where every command below can be typed \
            without the leading 'gluelab'. State lives in $GLUELAB_HOME (default ~/.gluelab), one \
            sandbox per --sandbox name (default: playground).
            """,
        subcommands: [S3Command.self, ClockCommand.self, FrameCommand.self, CostCommand.self, SQLCommand.self,
                      TopicCommand.self, RunCommand.self, JobsCommand.self, RunsCommand.self, RunInfoCommand.self, BookmarkCommand.self,
                      CatalogCommand.self, CrawlerCommand.self, SRSCommand.self, ProgressCommand.self,
                      QuizCommand.self, ExamCommand.self, ReviewCommand.self, DrillCommand.self,
                      LabCommand.self, DevCommand.self, AskCommand.self]
    )

    public init() {}
}
