import Foundation
import Testing
@testable import GlueEngine

/// Named jobs: CreateJob / UpdateJob / GetJob / GetJobs / DeleteJob, and run requests.
@Suite struct JobStoreTests {
    static func definition(_ name: String = "nightly") -> JobDefinition {
        JobDefinition(name: name, command: JobCommand(scriptLocation: "s3://scripts/nightly.py"),
                      defaultArguments: ["--job-bookmark-option": "job-bookmark-enable", "--source": "s3://in/"],
                      workerType: .g1x, numberOfWorkers: 2)
    }

    @Test func createGetListUpdateDelete() throws {
        try RunFixture.with { f in
            let created = try f.jobs.create(Self.definition())
            #expect(created.createdOn == storeTime("2024-01-01T10:00:00Z") && created.lastModifiedOn == created.createdOn)
            #expect(try f.jobs.get("nightly") == created)
            try f.jobs.create(Self.definition("another"))
            #expect(try f.jobs.list().map(\.name) == ["another", "nightly"])

            try f.pass(minutes: 5)
            let updated = try f.jobs.update("nightly") { $0.maxConcurrentRuns = 3; $0.description = "d" }
            #expect(updated.maxConcurrentRuns == 3 && updated.description == "d" && updated.workerType == .g1x)
            #expect(updated.createdOn == created.createdOn && updated.lastModifiedOn == storeTime("2024-01-01T10:05:00Z"))

            try f.jobs.delete("another")
            #expect(try f.jobs.find("another") == nil)
            #expect(throws: EngineError.self) { try f.jobs.delete("another") }
            #expect(throws: EngineError.self) { try f.jobs.get("another") }
        }
    }

    @Test func aTakenNameIsRefusedAsAWSDoes() throws {
        try RunFixture.with { f in
            try f.jobs.create(Self.definition())
            #expect(throws: EngineError.conflict(exception: "AlreadyExistsException", message: "Job with name nightly already exists")) {
                try f.jobs.create(Self.definition())
            }
        }
    }

    @Test func definitionsGlueWouldRefuseAreRefused() throws {
        try RunFixture.with { f in
            var flexShell = Self.definition()
            flexShell.command.name = .pythonshell
            flexShell.workerType = nil
            flexShell.numberOfWorkers = nil
            flexShell.executionClass = .flex
            #expect(throws: EngineError.self) { try f.jobs.create(flexShell) }
            var badOption = Self.definition()
            badOption.defaultArguments["--job-bookmark-option"] = "on"
            #expect(throws: EngineError.self) { try f.jobs.create(badOption) }
            var noDashes = Self.definition()
            noDashes.defaultArguments = ["source": "x"]
            #expect(throws: EngineError.self) { try f.jobs.create(noDashes) }
            var zero = Self.definition()
            zero.maxConcurrentRuns = 0
            #expect(throws: EngineError.self) { try f.jobs.create(zero) }
            #expect(throws: EngineError.self) { try f.jobs.update("nightly") { _ in } }
            try f.jobs.create(Self.definition())
            #expect(throws: EngineError.self) { try f.jobs.update("nightly") { $0.timeout = 0 } }
            #expect(try f.jobs.get("nightly").timeout == 2880, "a refused update changes nothing")
        }
    }

    @Test func runRequestsMergeDefaultArgumentsAndOverrides() throws {
        let job = Self.definition()
        let request = job.runRequest(arguments: ["--source": "s3://other/", "day": "mon"],
                                     overrides: CapacityOverrides(numberOfWorkers: 5, executionClass: .flex, timeout: 30))
        #expect(request.arguments == ["job-bookmark-option": "job-bookmark-enable", "source": "s3://other/", "day": "mon", "JOB_NAME": "nightly"])
        #expect(request.capacity.workerType == .g1x && request.capacity.numberOfWorkers == 5)
        #expect(request.capacity.executionClass == .flex && request.capacity.timeoutMinutes == 30)
        let plain = job.runRequest()
        #expect(plain.capacity == job.capacity(arguments: plain.arguments))
    }
}
