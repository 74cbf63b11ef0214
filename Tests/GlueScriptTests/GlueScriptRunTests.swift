import Foundation
import GlueEngine
import Testing

@testable import GlueScript

/// Runs `source` with the frame modules registered (and `awsglue.DynamicFrame`), `globals` set
/// first; returns the printed lines, then the error text if the script stopped.
func runWithFrames(_ source: String, globals: [String: PyValue] = [:]) -> [String] {
    var modules = ModuleRegistry()
    let frameModules = GlueFrameModules.modules()
    for m in frameModules { modules.register(m) }
    let awsglue = PyModule(name: "awsglue", members: GlueFrameModules.awsglueMembers(from: frameModules))
    modules.register(awsglue)
    var lines: [String] = []
    do {
        let script = try Script.parse(source, file: "t.py")
        let interpreter = Interpreter(file: "t.py", modules: modules, output: { lines.append($0) })
        for (k, v) in globals { interpreter.setGlobal(k, v) }
        try interpreter.run(script)
    } catch {
        lines.append(String(describing: error))
    }
    return lines
}

@Suite("Frame bindings in scripts")
struct GlueScriptRunTests {
    @Test func theTourPrintsWhatTheGoldenFileSays() throws {
        let source = try fixture("frames_tour.py")
        let expected = try fixture("frames_tour.out")
        let lines = runWithFrames(source, globals: ["people": people()])
        #expect(lines.joined(separator: "\n") + "\n" == expected)
    }

    @Test func importsFindTheClasses() {
        let lines = runWithFrames("""
            from awsglue.transforms import ApplyMapping, SelectFromCollection
            from awsglue.dynamicframe import DynamicFrame
            from awsglue import DynamicFrame as D
            import awsglue.transforms
            print(ApplyMapping, D is DynamicFrame, awsglue.transforms.Join.name())

            """)
        #expect(lines == ["<class 'awsglue.transforms.apply_mapping.ApplyMapping'> True Join"])
    }

    @Test func errorsCarryTheScriptLocation() {
        let lines = runWithFrames("""
            x = people.apply_mapping([["id", "long", "id", "long"]])

            """, globals: ["people": people()])
        #expect(lines == ["t.py:1:5: TypeError: Mapping must be specified as a tuple. Got list"])
        let engine = runWithFrames("people.resolveChoice()\n", globals: ["people": people()])
        #expect(engine == ["t.py:1:1: resolveChoice: Parameter specs and option are both missing, add one."])
    }

    @Test func aRaiseInsideAFilterLambdaIsAnErrorRecord() {
        let lines = runWithFrames("""
            from awsglue.transforms import Filter
            def check(r):
                return 1 / (r["id"] - 2) > 0
            kept = Filter.apply(frame=people, f=check)
            print(kept.count(), kept.errorsCount())
            kept.errorsAsDynamicFrame().show()

            """, globals: ["people": people()])
        #expect(lines.first == "1 1")
        #expect(lines.last?.contains("\"transformation\": \"Filter\"") == true)
    }

    @Test func mapToCollectionWithALambda() {
        let lines = runWithFrames("""
            from awsglue.transforms import *
            parts = SplitFields.apply(frame=people, paths=["id"])
            counted = MapToCollection.apply(dfc=parts, callable=lambda f, ctx: f.repartition(2))
            for key in counted.keys():
                print(key, counted[key].getNumPartitions())

            """, globals: ["people": people()])
        #expect(lines == ["people1 2", "people2 2"])
    }
}
