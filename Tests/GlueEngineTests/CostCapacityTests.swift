import Testing
@testable import GlueEngine

/// The capacity rules Glue applies to a job definition, with the messages a learner sees.
@Suite struct CostCapacityTests {
    /// The one-line message validation throws, or nil when the settings are valid.
    func message(_ capacity: JobCapacity) -> String? {
        do {
            _ = try capacity.validated()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func parsesGlueNames() throws {
        #expect(try JobType(commandName: "glueetl") == .glueetl)
        #expect(try JobType(commandName: "gluestreaming") == .gluestreaming)
        #expect(try JobType(commandName: "pythonshell") == .pythonshell)
        #expect(try JobType(commandName: "glueray") == .glueray)
        #expect(try WorkerType(name: "g.1x") == .g1x)
        #expect(try WorkerType(name: "G.025X") == .g025x)
        #expect(try WorkerType(name: "Standard") == .standard)
        #expect(try ExecutionClass(name: "flex") == .flex)
        #expect(try GlueVersion(name: "4.0") == .v4_0)
        #expect(try GlueVersion(name: "5") == .v5_0)
        #expect(throws: EngineError.invalidOption(
            name: "Command.Name", value: "spark",
            reason: "the job command must be one of glueetl, gluestreaming, pythonshell, glueray")) {
            try JobType(commandName: "spark")
        }
        #expect(throws: EngineError.self) { try WorkerType(name: "G.3X") }
        #expect(throws: EngineError.self) { try GlueVersion(name: "7.0") }
    }

    @Test func factSheetWorkerTable() {
        #expect(WorkerType.g025x.dpu == 0.25 && WorkerType.g025x.vCPU == 2 && WorkerType.g025x.memoryGB == 4)
        #expect(WorkerType.g1x.dpu == 1 && WorkerType.g1x.vCPU == 4 && WorkerType.g1x.memoryGB == 16)
        #expect(WorkerType.g2x.dpu == 2 && WorkerType.g2x.memoryGB == 32)
        #expect(WorkerType.g8x.dpu == 8 && WorkerType.g8x.vCPU == 32)
        #expect(WorkerType.g16x.dpu == 16 && WorkerType.g16x.memoryGB == 256)
        #expect(WorkerType.z2x.dpu == 2 && WorkerType.z2x.memoryGB == 64)
        #expect(GlueVersion.v4_0.sparkVersion == "3.3.0" && GlueVersion.v4_0.pythonVersion == "3.10")
        #expect(GlueVersion.v6_0.sparkVersion == "4.1.1" && GlueVersion.v6_0.pythonVersion == "3.13")
    }

    @Test func defaultsApply() throws {
        let spark = try JobCapacity().validated()
        #expect(spark.workerType == .g1x && spark.workers == 10 && spark.maxDPU == 10)
        #expect(spark.settings.timeoutMinutes == 2880)
        let legacy = try JobCapacity(glueVersion: .v1_0).validated()
        #expect(legacy.workerType == nil && legacy.maxDPU == 10)
        let shell = try JobCapacity(jobType: .pythonshell).validated()
        #expect(shell.maxDPU == 0.0625)
        let ray = try JobCapacity(jobType: .glueray, glueVersion: .v4_0).validated()
        #expect(ray.workerType == .z2x)
    }

    @Test func workersNeedAtLeastTwo() {
        #expect(message(JobCapacity(workerType: .g1x, numberOfWorkers: 1))
            == #"invalid option NumberOfWorkers="1": a Spark job needs at least 2 workers (one driver and one executor)"#)
        #expect(message(JobCapacity(workerType: .g1x, numberOfWorkers: 2)) == nil)
    }

    @Test func workerTypeAndCountGoTogether() {
        #expect(message(JobCapacity(workerType: .g2x))
            == #"invalid option WorkerType="G.2X": WorkerType needs NumberOfWorkers (at least 2)"#)
        #expect(message(JobCapacity(numberOfWorkers: 5))
            == #"invalid option NumberOfWorkers="5": NumberOfWorkers needs a WorkerType (for example G.1X)"#)
    }

    @Test func maxCapacityAndWorkerTypeConflict() {
        #expect(message(JobCapacity(glueVersion: .v1_0, workerType: .g1x, numberOfWorkers: 2, maxCapacity: 10))
            == #"invalid option MaxCapacity="10": set either MaxCapacity or WorkerType with NumberOfWorkers, not both"#)
    }

    @Test func maxCapacityOnlyForLegacySpark() {
        #expect(message(JobCapacity(glueVersion: .v4_0, maxCapacity: 10))
            == #"invalid option MaxCapacity="10": Glue 4.0 Spark jobs take WorkerType and NumberOfWorkers instead of MaxCapacity (MaxCapacity is for Glue 0.9/1.0)"#)
        #expect(message(JobCapacity(glueVersion: .v0_9, maxCapacity: 1))
            == #"invalid option MaxCapacity="1": a Glue 0.9 Spark job takes a whole number of DPUs from 2 to 100 (default 10)"#)
        #expect(message(JobCapacity(glueVersion: .v0_9, maxCapacity: 101)) != nil)
        #expect(message(JobCapacity(glueVersion: .v0_9, maxCapacity: 100)) == nil)
        #expect(message(JobCapacity(glueVersion: .v1_0, workerType: .standard, numberOfWorkers: 5)) == nil)
        #expect(message(JobCapacity(glueVersion: .v2_0, workerType: .standard, numberOfWorkers: 5))
            == #"invalid option WorkerType="Standard": Standard workers are for Glue 0.9/1.0; Glue 2.0 jobs use G.1X, G.2X, ..."#)
    }

    @Test func pythonShellCapacity() {
        #expect(message(JobCapacity(jobType: .pythonshell, maxCapacity: 1)) == nil)
        #expect(message(JobCapacity(jobType: .pythonshell, maxCapacity: 0.5))
            == #"invalid option MaxCapacity="0.5": a Python shell job runs on 0.0625 DPU (the default) or 1 DPU"#)
        #expect(message(JobCapacity(jobType: .pythonshell, workerType: .g1x))
            == #"invalid option WorkerType="G.1X": Python shell jobs take no WorkerType; set MaxCapacity to 0.0625 or 1"#)
        #expect(message(JobCapacity(jobType: .pythonshell, numberOfWorkers: 2)) != nil)
    }

    @Test func g025xOnlyForStreaming() {
        #expect(message(JobCapacity(workerType: .g025x, numberOfWorkers: 2))
            == #"invalid option WorkerType="G.025X": G.025X is only for low-volume streaming (gluestreaming) jobs; use G.1X or larger"#)
        #expect(message(JobCapacity(jobType: .gluestreaming, workerType: .g025x, numberOfWorkers: 2)) == nil)
        #expect(message(JobCapacity(jobType: .gluestreaming, glueVersion: .v2_0, workerType: .g025x, numberOfWorkers: 2))
            == #"invalid option WorkerType="G.025X": G.025X workers need Glue 3.0 or later; this job is Glue 2.0"#)
    }

    @Test func rayUsesZ2X() {
        #expect(message(JobCapacity(jobType: .glueray, glueVersion: .v4_0, workerType: .g1x, numberOfWorkers: 2))
            == #"invalid option WorkerType="G.1X": Ray (glueray) jobs run on Z.2X workers"#)
        #expect(message(JobCapacity(workerType: .z2x, numberOfWorkers: 2))
            == #"invalid option WorkerType="Z.2X": Z.2X is for Ray (glueray) jobs; Spark jobs use G.1X, G.2X, ..."#)
        #expect(message(JobCapacity(jobType: .glueray, glueVersion: .v3_0)) != nil)
    }

    @Test func largeWorkersNeedGlue3() {
        #expect(message(JobCapacity(glueVersion: .v2_0, workerType: .g4x, numberOfWorkers: 2))
            == #"invalid option WorkerType="G.4X": G.4X workers need Glue 3.0 or later; this job is Glue 2.0"#)
    }

    @Test func flexRules() {
        #expect(message(JobCapacity(workerType: .g1x, numberOfWorkers: 2, executionClass: .flex)) == nil)
        #expect(message(JobCapacity(jobType: .pythonshell, executionClass: .flex))
            == #"invalid option ExecutionClass="FLEX": Flex runs only Spark ETL (glueetl) jobs; this is a Python shell (pythonshell) job — use STANDARD"#)
        #expect(message(JobCapacity(jobType: .gluestreaming, workerType: .g1x, numberOfWorkers: 2, executionClass: .flex))
            == #"invalid option ExecutionClass="FLEX": Flex runs only Spark ETL (glueetl) jobs; this is a Spark streaming (gluestreaming) job — use STANDARD"#)
        #expect(message(JobCapacity(glueVersion: .v2_0, workerType: .g1x, numberOfWorkers: 2, executionClass: .flex))
            == #"invalid option ExecutionClass="FLEX": Flex needs Glue 3.0 or later; this job is Glue 2.0"#)
        #expect(message(JobCapacity(workerType: .g8x, numberOfWorkers: 2, executionClass: .flex))
            == #"invalid option ExecutionClass="FLEX": Flex runs on G.1X or G.2X workers; this job uses G.8X"#)
    }

    @Test func autoScalingRules() {
        #expect(message(JobCapacity(workerType: .g1x, numberOfWorkers: 10, autoScaling: true)) == nil)
        #expect(message(JobCapacity(glueVersion: .v2_0, workerType: .g1x, numberOfWorkers: 10, autoScaling: true))
            == #"invalid option --enable-auto-scaling="true": auto scaling needs Glue 3.0 or later; this job is Glue 2.0"#)
        #expect(message(JobCapacity(jobType: .pythonshell, autoScaling: true)) != nil)
    }

    @Test func timeoutAtLeastOneMinute() {
        #expect(message(JobCapacity(timeoutMinutes: 0))
            == #"invalid option Timeout="0": the timeout is in minutes, from 1 to 10080 (7 days); the default is 2880 (48 hours)"#)
        #expect(message(JobCapacity(timeoutMinutes: 10081)) != nil)
        #expect(message(JobCapacity(timeoutMinutes: 10080)) == nil)
    }
}
