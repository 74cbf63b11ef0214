import Foundation
import GlueEngine

/// `srs simulate --batch FILE`: many replays from JSON Lines, so a cross-check runs the binary once.
enum SRSBatch {
    /// Replays every line of `path` (`-`: standard input) and prints each review as a JSON line
    /// tagged with the sequence's `id` (or its line number). Blank lines are skipped.
    static func run(path: String, defaults: SRSSimulateCommand, rng: inout SRSRandom) throws {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: path) else {
                throw WorkbenchError.file(path: path, reason: "cannot read the batch file")
            }
            data = d
        }
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) else { continue }
            let place = "\(path):\(lineNumber)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw WorkbenchError.file(path: place, reason: "expected a JSON object")
            }
            let (simulation, id) = try sequence(object, line: lineNumber, defaults: defaults, at: place)
            let steps: [FSRSSimulation.Step]
            do {
                steps = try simulation.run(using: &rng)
            } catch let e as WorkbenchError {
                throw WorkbenchError.file(path: place, reason: e.description)
            }
            for step in steps { Output.json(SRSRender.record(step, sequence: id)) }
        }
    }

    /// One line's replay and its id.
    static func sequence(_ o: [String: Any], line: Int, defaults: SRSSimulateCommand,
                         at place: String) throws -> (FSRSSimulation, Value) {
        do {
            let ratings: [FSRSRating]
            switch o["ratings"] {
            case let s as String: ratings = try SRSSimulateCommand.ratings(s)
            case let a as [Any]: ratings = try a.map { try SRSSimulateCommand.rating("\($0)") }
            default: throw WorkbenchError.badValue(option: "ratings", value: "", reason: "missing (an array of names)")
            }
            let times: [FSRSSimulation.ReviewTime]? = try (o["days"] as? [Any]).map { list in
                try list.map { item in
                    if let n = item as? NSNumber, !(item is String) {
                        return .offset(Int64((n.doubleValue * Double(FSRSTime.day)).rounded(.toNearestOrEven)))
                    }
                    return try SRSSimulateCommand.time("\(item)")
                }
            }
            let start = try (o["start"] as? String).map { try Parse.timestamp($0, option: "start") } ?? defaults.startTime()
            let params = try defaults.parameters(
                desiredRetention: (o["desiredRetention"] as? NSNumber)?.doubleValue,
                learningSteps: try (o["learningSteps"] as? [Any]).map { try $0.map { try Parse.duration("\($0)", option: "learningSteps") } },
                relearningSteps: try (o["relearningSteps"] as? [Any]).map { try $0.map { try Parse.duration("\($0)", option: "relearningSteps") } },
                maximumInterval: (o["maximumInterval"] as? NSNumber)?.intValue)
            let id: Value = (o["id"]).map { .string("\($0)") } ?? .long(Int64(line))
            return (try FSRSSimulation(scheduler: FSRSScheduler(parameters: params), ratings: ratings, start: start, times: times), id)
        } catch let e as WorkbenchError {
            throw WorkbenchError.file(path: place, reason: e.description)
        }
    }
}
