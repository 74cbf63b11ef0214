import Foundation
import Testing

@testable import GlueEngine
@testable import GlueScript

/// Streaming progress is the topic checkpoint, not the job bookmark (fact sheet §3.5).
@Suite("Job scripts: streaming checkpoint")
struct JobScriptStreamingTests {
    func produce(_ lab: ScriptLab, _ pages: [String]) throws {
        _ = try lab.sandbox.topics.produce(topic: "clicks", messages: pages.map { (key: nil, value: Array("{\"page\":\"\($0)\"}".utf8)) })
    }

    func lab() throws -> ScriptLab {
        let lab = try ScriptLab()
        _ = try lab.sandbox.topics.create(name: "clicks")
        return lab
    }

    @Test func aSecondRunResumesFromTheCheckpoint() throws {
        let lab = try lab()
        try produce(lab, ["home", "cart"])
        // Bookmarks disabled (Glue's default): the checkpoint alone carries the progress.
        let first = try lab.runFixture("streaming_clicks.py", job: "clicks", option: nil)
        try lab.pass(minutes: 10)
        try produce(lab, ["pay"])
        try lab.pass(minutes: 10)
        let second = try lab.runFixture("streaming_clicks.py", job: "clicks", option: nil)
        let third = try lab.runFixture("streaming_clicks.py", job: "clicks", option: nil)

        #expect(first.output == ["batch 0 rows 2"])
        #expect(second.output == ["batch 1 rows 1"])
        #expect(second.recordsRead == 1)
        #expect(third.output == [])
        #expect(third.recordsRead == 0)
        #expect(second.bookmark?.version == 0)
        #expect(try lab.jsonRecords("s3://clicks-lake/events/") == [#"{"page":"cart"}"#, #"{"page":"home"}"#, #"{"page":"pay"}"#])
    }

    @Test func aFailedRunReportsTheBatchesThatCompletedBeforeTheFailure() throws {
        let lab = try lab()
        let source = try fixture("streaming_clicks.py").replacingOccurrences(
            of: "    if data_frame.count() > 0:\n", with: "    if batchId == 1:\n        print(1 // 0)\n    if data_frame.count() > 0:\n")
            .replacingOccurrences(of: "\"windowSize\": \"100 seconds\",", with: "\"windowSize\": \"100 seconds\", \"batchMaxRetries\": 0,")
        try produce(lab, ["home", "cart"])
        try lab.pass(minutes: 3)
        try produce(lab, ["pay"])
        let result = try lab.run(source, file: "streaming_clicks.py", job: "clicks", option: nil)
        #expect(result.status == .failed)
        #expect(result.error.map { "\($0)" }?.contains("ZeroDivisionError") == true)
        #expect(result.output == ["batch 0 rows 2"])
        // Batch 0 ran and its output stays: the run says so instead of 0 batches, 0 records.
        #expect(result.record.sources.first?.objectsRead == 1)
        #expect(result.recordsRead == 2)
        #expect(try lab.jsonRecords("s3://clicks-lake/events/").count == 2)
    }

    @Test func anotherJobNameMeansAnotherCheckpointAndReadsFromTheStart() throws {
        let lab = try lab()
        try produce(lab, ["home", "cart"])
        _ = try lab.runFixture("streaming_clicks.py", job: "clicks", option: nil)
        let other = try lab.runFixture("streaming_clicks.py", job: "clicks_v2", option: nil)
        #expect(other.output == ["batch 0 rows 2"])
    }

    @Test func emptyWindowsAreSkippedTheBatchFunctionIsNotCalled() throws {
        let lab = try lab()
        let source = try fixture("streaming_clicks.py").replacingOccurrences(
            of: "    if data_frame.count() > 0:\n", with: "    print(\"called\", batchId)\n    if data_frame.count() > 0:\n")
        try produce(lab, ["home"])
        try lab.pass(minutes: 10)  // six empty 100-second windows
        try produce(lab, ["cart", "pay"])
        let result = try lab.run(source, file: "streaming_clicks.py", job: "clicks", option: nil)
        #expect(result.output == ["called 0", "batch 0 rows 1", "called 1", "batch 1 rows 2"])
        #expect(result.record.sources.first?.objectsRead == 2)  // batches run
    }

    @Test func startingOffsetsLatestSkipsWhatIsAlreadyThereOnTheFirstRunOnly() throws {
        let lab = try lab()
        let source = try fixture("streaming_clicks.py").replacingOccurrences(of: "\"earliest\"", with: "\"latest\"")
        try produce(lab, ["old"])
        let first = try lab.run(source, file: "streaming_clicks.py", job: "clicks", option: nil)
        try lab.pass(minutes: 5)
        try produce(lab, ["new"])
        let second = try lab.run(source, file: "streaming_clicks.py", job: "clicks", option: nil)
        #expect(first.output == [])
        #expect(second.output == ["batch 0 rows 1"])
        #expect(try lab.jsonRecords("s3://clicks-lake/events/") == [#"{"page":"new"}"#])
    }
}

/// `getResolvedOptions` in a job run (awsglue `utils.py` rules).
@Suite("Job scripts: getResolvedOptions")
struct JobScriptResolvedOptionsTests {
    func script(_ options: String, then body: String = "print(sorted(args.items()))") -> String {
        """
        import sys
        from awsglue.utils import getResolvedOptions
        args = getResolvedOptions(sys.argv, \(options))
        \(body)

        """
    }

    @Test func reservedArgumentsAreRefused() throws {
        let lab = try ScriptLab()
        for name in ["job-bookmark-option", "continuation-option", "JOB_RUN_ID", "job-bookmark-from"] {
            let result = try lab.run(script("[\"JOB_NAME\", \"\(name)\"]"), option: nil)
            #expect(result.status == .failed)
            #expect(result.record.errorMessage == "job.py:3:8: RuntimeError: Using reserved arguments \(name)")
        }
    }

    @Test func aMissingRequiredArgumentNamesIt() throws {
        let lab = try ScriptLab()
        let result = try lab.run(script(#"["JOB_NAME", "input_path", "output_path"]"#), option: nil, arguments: ["input_path": "s3://raw/"])
        #expect(result.status == .failed)
        #expect(result.record.errorMessage == "job.py:3:8: RuntimeError: the following arguments are required: --output_path")
    }

    @Test func aDashedNameComesBackWithAnUnderscore() throws {
        let lab = try ScriptLab()
        let ok = try lab.run(script(#"["JOB_NAME", "input-path"]"#, then: #"print(args["input_path"], args["JOB_NAME"])"#),
                             option: nil, arguments: ["input-path": "s3://raw/orders/"])
        #expect(ok.output == ["s3://raw/orders/ nightly"])
        let dashed = try lab.run(script(#"["JOB_NAME", "input-path"]"#, then: #"print(args["input-path"])"#),
                                 option: nil, arguments: ["input-path": "s3://raw/orders/"])
        #expect(dashed.record.errorMessage == "job.py:4:7: KeyError: 'input-path'")
    }

    @Test func theBookmarkOptionDefaultsToDisable() throws {
        let lab = try ScriptLab()
        let result = try lab.run(script(#"["JOB_NAME"]"#, then: #"print(args["job_bookmark_option"], args["job_bookmark_from"], args["TempDir"])"#),
                                 option: nil)
        #expect(result.output == ["job-bookmark-disable None s3://gluelab-assets/temporary"])
        #expect(result.record.bookmarkOption == .disable)
    }

    @Test func theLegacyContinuationOptionIsTranslated() throws {
        let lab = try ScriptLab()
        let pairs = [("continuation-enabled", BookmarkOption.enable), ("continuation-readonly", .pause), ("continuation-ignore", .disable)]
        for (legacy, option) in pairs {
            let result = try lab.run(script(#"["JOB_NAME"]"#, then: #"print(args["job_bookmark_option"], "continuation_option" in args)"#),
                                     option: nil, arguments: ["continuation-option": legacy])
            #expect(result.output == ["\(option.rawValue) False"])
            // The run's bookmark follows the translated option, as the JVM side sees it.
            #expect(result.record.bookmarkOption == option)
        }
        // --job-bookmark-option wins over the legacy name.
        let both = try lab.run(script(#"["JOB_NAME"]"#, then: #"print(args["job_bookmark_option"])"#),
                               option: .pause, arguments: ["continuation-option": "continuation-enabled"])
        #expect(both.output == ["job-bookmark-pause"])
        #expect(both.record.bookmarkOption == .pause)
    }

    @Test func theLegacyOptionDrivesAnIncrementalJob() throws {
        let lab = try ScriptLab()
        try lab.order("a", ids: [1])
        try lab.pass(minutes: 60)
        var legacy = incrementalArgs
        legacy["continuation-option"] = "continuation-enabled"
        let first = try lab.runFixture(incremental, option: nil, arguments: legacy)
        try lab.order("b", ids: [2])
        try lab.pass(minutes: 60)
        let second = try lab.runFixture(incremental, option: nil, arguments: legacy)
        #expect(first.read == ["a.json"])
        #expect(second.read == ["b.json"])
    }
}
