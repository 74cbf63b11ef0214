import Testing
@testable import GlueEngine

@Suite struct TopicSourceOptionsTests {
    @Test func readsGluesKafkaOptions() throws {
        let o = try TopicSourceOptions(options: [
            "connectionName": .string("kafka-conn"), "topicName": .string("orders"), "startingOffsets": .string("earliest"),
            "inferSchema": .string("true"), "classification": .string("json"), "maxOffsetsPerTrigger": .string("500"),
            "addRecordTimestamp": .string("true"), "bootstrap.servers": .string("b-1:9092"), "typeOfData": .string("kafka"),
        ])
        #expect(o.subscription == .topic("orders"))
        #expect(o.startingOffsets == .earliest)
        #expect(o.maxOffsetsPerTrigger == 500)
        #expect(o.addRecordTimestamp)
        #expect(o.connectionName == "kafka-conn")
        #expect(o.ignored == ["bootstrap.servers", "typeOfData"])
    }

    @Test func startingOffsetsDefaultToLatest() throws {
        let o = try TopicSourceOptions(options: ["topicName": .string("t")])
        #expect(o.startingOffsets == .latest)
        #expect(o.maxOffsetsPerTrigger == nil)
    }

    @Test func missingTopicNamesTheOption() {
        #expect(throws: EngineError.invalidOption(name: "topicName", value: "", reason: "the Kafka source needs topicName (or subscribePattern or assign)")) {
            try TopicSourceOptions(options: ["startingOffsets": .string("earliest")])
        }
    }

    @Test func onlyOneSubscription() {
        #expect(throws: EngineError.self) {
            try TopicSourceOptions(options: ["topicName": .string("a"), "subscribePattern": .string("a.*")])
        }
    }

    @Test func refusesOtherClassificationsAndBadValues() {
        #expect(throws: EngineError.self) { try TopicSourceOptions(options: ["topicName": .string("t"), "classification": .string("avro")]) }
        #expect(throws: EngineError.self) { try TopicSourceOptions(options: ["topicName": .string("t"), "startingOffsets": .string("middle")]) }
        #expect(throws: EngineError.self) { try TopicSourceOptions(options: ["topicName": .string("t"), "maxOffsetsPerTrigger": .string("0")]) }
        #expect(throws: EngineError.self) { try TopicSourceOptions(options: ["topicName": .string("t"), "subscribePattern": .string("(")]) }
    }

    @Test func patternAndAssignResolveAgainstTopics() throws {
        let topics = ["orders-eu": 2, "orders-us": 1, "payments": 1]
        let pattern = try TopicSourceOptions(options: ["subscribePattern": .string("orders-.*")])
        #expect(try pattern.partitions(in: topics).map(\.description) == ["orders-eu-0", "orders-eu-1", "orders-us-0"])
        let assign = try TopicSourceOptions(options: ["assign": .string(#"{"orders-eu":[1],"payments":[0]}"#)])
        #expect(try assign.partitions(in: topics).map(\.description) == ["orders-eu-1", "payments-0"])
        let missing = try TopicSourceOptions(options: ["assign": .string(#"{"orders-eu":[5]}"#)])
        #expect(throws: EngineError.self) { try missing.partitions(in: topics) }
    }

    @Test func specificStartingOffsetsInSparksJSON() throws {
        let o = try TopicSourceOptions(options: ["topicName": .string("t"), "startingOffsets": .string(#"{"t":{"0":2,"1":-2}}"#)])
        #expect(o.startingOffsets == .specific([TopicPartition(topic: "t", partition: 0): 2, TopicPartition(topic: "t", partition: 1): -2]))
    }

    @Test(arguments: [("100 seconds", 100_000_000), ("1 minute", 60_000_000), ("interval 5 minutes 30 seconds", 330_000_000),
                      ("500 milliseconds", 500_000), ("100s", 100_000_000), ("0 seconds", 0)] as [(String, Int64)])
    func windowSizes(text: String, micros: Int64) throws {
        #expect(try StreamingWindow.parse(text) == micros)
    }

    @Test func badWindowSize() {
        #expect(throws: EngineError.self) { try StreamingWindow.parse("soon") }
        #expect(throws: EngineError.self) { try StreamingWindow.parse("10 parsecs") }
    }
}
