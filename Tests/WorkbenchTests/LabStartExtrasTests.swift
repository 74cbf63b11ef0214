import Foundation
import GlueEngine
import Testing
@testable import Workbench

/// The start state's catalog tables, crawlers, job settings and topic messages.
@Suite struct LabStartExtrasTests {
    @Test func catalogTablesCrawlersAndJobSettingsGoThroughTheEngine() throws {
        let f = try LabFixture("ops-lab")
        let table = try DataCatalog(sandbox: f.box).table(database: "sales", name: "orders")
        #expect(table.classification == "csv")
        #expect(table.storageDescriptor.location == "s3://lake/orders/")
        #expect(table.storageDescriptor.columns.map { "\($0.name):\($0.type)" } == ["id:bigint", "amount:double"])
        #expect(table.partitionKeys.map(\.name) == ["dt"])

        let crawler = try CrawlerStore(sandbox: f.box).get("raw-crawler")
        #expect(crawler.databaseName == "raw")
        #expect(crawler.s3Targets.map(\.path) == ["s3://raw/events/"])
        #expect(crawler.tablePrefix == "raw_")
        #expect(crawler.updateBehavior == .log)
        #expect(crawler.lastCrawl == nil)

        let job = try JobStore(sandbox: f.box).get("copy")
        #expect(job.workerType?.rawValue == "G.1X")
        #expect(job.numberOfWorkers == 2)
        #expect(job.executionClass == .flex)
        #expect(job.maxConcurrentRuns == 2)
        #expect(job.defaultArguments["--job-bookmark-option"] == "job-bookmark-enable")
        #expect(job.command.scriptLocation == f.state.scriptPath("copy_events.py").path)
        // The job was defined at the story's first moment, before its first run.
        #expect(Timestamps.format(job.createdOn) == "2024-03-01T08:30:00Z")

        let run = try #require(try RunStore(sandbox: f.box).list(jobName: "copy").first)
        #expect(run.capacity.executionClass == .flex)
        #expect(run.status == .succeeded)
        #expect(run.objectsRead == 1)
    }

    @Test func messagesAreProducedInOrderWithTheirKeysAndTimes() throws {
        let f = try LabFixture("stream-lab")
        let info = try f.box.topics.info("clicks")
        #expect(info.messages == 4)
        var all: [TopicMessage] = []
        for p in info.partitions { all += try f.box.topics.read(topic: "clicks", partition: p.partition) }
        let byUser = Dictionary(grouping: all) { String(decoding: $0.key ?? [], as: UTF8.self) }
        // One key, one partition (Kafka's murmur2 partitioner).
        #expect(Set(byUser["u1"]!.map(\.partition)).count == 1)
        #expect(byUser["u1"]!.map { Timestamps.format($0.timestamp) } == ["2024-03-01T08:00:10Z", "2024-03-01T08:05:00Z"])
        #expect(try f.box.clock.now() == Timestamps.parseISO8601("2024-03-01T09:00:00Z"))
        let job = try JobStore(sandbox: f.box).get("clicks")
        #expect(job.command.name == .gluestreaming)
        #expect(job.workerType?.rawValue == "G.025X")
    }

    @Test func theOldInitializerStillBuildsAScenarioStartState() throws {
        let lab = try LabLoader(root: fixtureLabs).load("stream-lab")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lab-scenario-\(UUID().uuidString)")
        let state = LabStartState(id: "q1", scripts: lab.scripts ?? [], start: lab.start, folder: fixtureLabs.appendingPathComponent("stream-lab"),
                                  home: home, sandboxName: "q-q1-a", workspace: home.appendingPathComponent("q/q1/a"))
        let paths = try state.apply()
        #expect(paths == [home.appendingPathComponent("q/q1/a/clicks_stream.py").path])
        #expect(try state.open().topics.info("clicks").messages == 4)
    }
}
