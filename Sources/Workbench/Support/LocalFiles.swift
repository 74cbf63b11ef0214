import Foundation

/// Local files named on the command line.
enum LocalFiles {
    /// The files `path` names: itself, or every regular file below it (with paths relative to it).
    static func expand(_ path: String) throws -> [(url: URL, relative: String)] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw WorkbenchError.file(path: path, reason: "no such file or folder")
        }
        let url = URL(fileURLWithPath: path)
        guard isDir.boolValue else { return [(url, url.lastPathComponent)] }
        guard let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw WorkbenchError.file(path: path, reason: "cannot list the folder")
        }
        var out: [(URL, String)] = []
        let base = url.standardizedFileURL.path
        for case let file as URL in walker {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = file.standardizedFileURL.path
            out.append((file, String(full.dropFirst(base.count).drop { $0 == "/" })))
        }
        return out.sorted { $0.1 < $1.1 }
    }

    /// Writes `data` to `path` atomically (a temporary file renamed into place).
    static func write(_ data: some DataProtocol, to path: String) throws {
        do {
            try Data(data).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WorkbenchError.file(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
