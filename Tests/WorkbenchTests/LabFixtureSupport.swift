import Foundation
import GlueEngine
@testable import Workbench

/// The small labs in `Fixtures/labs/` that exercise the start-state fields, actions and checks.
let fixtureLabs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/labs")

/// A fixture lab in its start state, in a temporary home, with a player for its actions.
struct LabFixture {
    let lab: LabDefinition
    let state: LabStartState
    var player: LabActionPlayer

    init(_ id: String) throws {
        let loader = LabLoader(root: fixtureLabs)
        lab = try loader.load(id)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lab-fixture-\(UUID().uuidString)")
        state = LabStartState(lab: lab, folder: loader.folder(id), home: home)
        try state.apply()
        player = LabActionPlayer(state: state, sandbox: try state.open())
    }

    var box: Sandbox { player.sandbox }

    /// Plays the solutions of the steps before `stepId`.
    mutating func play(until stepId: String) throws {
        for step in lab.steps {
            if step.id == stepId { return }
            try player.play(step.solution)
        }
    }

    func step(_ id: String) -> LabStep { lab.steps.first { $0.id == id }! }

    /// Decodes one YAML action or check.
    static func action(_ yaml: String) throws -> LabAction { try LabLoader.decode(LabAction.self, yaml: yaml) }
    static func check(_ yaml: String) throws -> LabCheckSpec { try LabLoader.decode(LabCheckSpec.self, yaml: yaml) }
}
