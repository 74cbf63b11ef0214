import Foundation
import Yams

/// Finds and loads the labs. They live in `labs/<id>/lab.yaml` at the repository root; the
/// folder is `$GLUELAB_LABS` when set, else the first `labs/` found walking up from the running
/// executable (`swift run` builds into `<repo>/.build/...`) and then from the working directory.
public struct LabLoader: Sendable {
    /// The labs folder.
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The labs folder for this process. - Throws: `WorkbenchError.file` when none is found.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LabLoader {
        if let dir = environment["GLUELAB_LABS"], !dir.isEmpty { return LabLoader(root: URL(fileURLWithPath: dir)) }
        if let labs = findFolder(named: "labs") { return LabLoader(root: labs) }
        throw WorkbenchError.file(path: "labs", reason: "no labs folder found (set GLUELAB_LABS to the repository's labs/ folder)")
    }

    /// The first folder `name` found walking up from the running executable, then from the
    /// working directory (`labs`, `questions`).
    static func findFolder(named name: String) -> URL? {
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                let folder = dir.appendingPathComponent(name, isDirectory: true)
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue { return folder }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// The ids of every lab folder holding a `lab.yaml`, sorted.
    public func ids() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("lab.yaml").path) }.sorted()
    }

    /// The folder of lab `id`.
    public func folder(_ id: String) -> URL { root.appendingPathComponent(id, isDirectory: true) }

    /// Loads and validates lab `id`. - Throws: `WorkbenchError.file` naming the file, line and field.
    public func load(_ id: String) throws -> LabDefinition {
        let url = folder(id).appendingPathComponent("lab.yaml")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WorkbenchError.file(path: url.path, reason: "no such lab '\(id)' (labs: \(ids().joined(separator: ", ")))")
        }
        let text = String(decoding: data, as: UTF8.self)
        let lab = try Self.decode(text, path: url.path)
        try LabValidator(lab: lab, folder: folder(id), path: url.path, text: text).validate(id: id)
        return lab
    }

    /// Decodes a lab's YAML; a decoding error names the line of the field it concerns.
    static func decode(_ text: String, path: String) throws -> LabDefinition {
        try YAMLSource(path: path, text: text).decode(LabDefinition.self, what: "lab")
    }
}
