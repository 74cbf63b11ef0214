import Foundation
import GlueEngine

/// Makes `lab start` and `lab reset` instant: the first build of a lab's start state (its
/// sandbox folder and workspace scripts) is kept under
/// `$GLUELAB_HOME/labs/.start/<id>-<hash>`, and later starts copy it back instead of replaying
/// the story. The hash covers every file of the lab's folder (names and bytes) and the gluelab
/// executable's size and modification time, so an edited lab or a rebuilt gluelab builds afresh.
public struct LabStartCache {
    public let state: LabStartState
    public let hash: String

    public init(state: LabStartState) {
        self.state = state
        hash = Self.hash(folder: state.folder)
    }

    /// The cached copy: `sandbox/` (the sandbox folder) and `workspace/` (the scripts).
    public var folder: URL {
        state.home.appendingPathComponent("labs/.start", isDirectory: true).appendingPathComponent("\(state.id)-\(hash)", isDirectory: true)
    }

    var sandboxFolder: URL { state.home.appendingPathComponent("sandboxes").appendingPathComponent(state.sandboxName) }

    /// Puts the start state in place, from the cache when there is one (building and caching it
    /// otherwise). - Returns: the workspace paths of the scripts to edit, as ``LabStartState/apply()``.
    @discardableResult
    public func apply() throws -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.appendingPathComponent("sandbox").path) {
            for url in [sandboxFolder, state.workspace] where fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
            try fm.createDirectory(at: sandboxFolder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.createDirectory(at: state.workspace.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: folder.appendingPathComponent("sandbox"), to: sandboxFolder)
            try fm.copyItem(at: folder.appendingPathComponent("workspace"), to: state.workspace)
            return state.scripts.map { state.scriptPath(($0 as NSString).lastPathComponent).path }
        }
        let paths = try state.apply()  // the sandbox is closed again when this returns
        try save()
        return paths
    }

    /// Copies the freshly built sandbox and workspace into the cache (atomically: a temporary
    /// folder renamed into place), and drops the lab's older caches.
    func save() throws {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let temporary = parent.appendingPathComponent(".tmp-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: temporary) }
        try fm.copyItem(at: sandboxFolder, to: temporary.appendingPathComponent("sandbox"))
        try fm.copyItem(at: state.workspace, to: temporary.appendingPathComponent("workspace"))
        for old in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where old.hasPrefix("\(state.id)-") {
            try? fm.removeItem(at: parent.appendingPathComponent(old))
        }
        try? fm.moveItem(at: temporary, to: folder)
    }

    /// FNV-1a (64-bit) over the lab folder's files, sorted by relative path, and the executable.
    static func hash(folder: URL) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for b in bytes {
                h ^= UInt64(b)
                h = h &* 0x100_0000_01b3
            }
        }
        let fm = FileManager.default
        let base = folder.standardizedFileURL.path
        let files = (fm.enumerator(atPath: base)?.allObjects as? [String] ?? []).sorted()
        for relative in files {
            var isDir: ObjCBool = false
            let path = base + "/" + relative
            guard fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
            mix(relative.utf8)
            mix([0])
            if let data = fm.contents(atPath: path) { mix(data) }
            mix([0])
        }
        if let exe = Bundle.main.executableURL?.path, let attributes = try? fm.attributesOfItem(atPath: exe) {
            mix("\(attributes[.size] ?? 0) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)".utf8)
        }
        return String(h, radix: 16)
    }
}
