import Foundation
import Testing

/// Runs the built `gluelab` binary with a private, temporary GLUELAB_HOME.
struct GluelabProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let home: URL
    let workDir: URL
    /// Variables added to the process's environment (e.g. GLUELAB_LABS).
    var environment: [String: String] = [:]

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-e2e-\(UUID().uuidString)")
        home = base.appendingPathComponent("home")
        workDir = base.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
    }

    /// The `gluelab` executable beside the test bundle.
    static var binary: URL {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent().appendingPathComponent("gluelab") }
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        // Fall back to the build folder next to the sources.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/gluelab")
    }

    /// Writes a file in the working folder and returns its path.
    @discardableResult
    func file(_ name: String, _ contents: String) throws -> String {
        let url = workDir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    /// Runs `gluelab args...`, feeding `stdin` if given.
    func run(_ args: [String], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = workDir
        var env = ProcessInfo.processInfo.environment
        env["GLUELAB_HOME"] = home.path
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Standard error is drained on another thread so that neither pipe can fill up and
        // block the child; reads retry on EINTR (other tests' child processes send SIGCHLD).
        let errFD = err.fileHandleForReading.fileDescriptor
        let errData = DrainBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData.data = Self.drain(errFD)
            done.signal()
        }
        let o = Self.drain(out.fileHandleForReading.fileDescriptor)
        done.wait()
        let e = errData.data
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Everything readable from `fd` until end of file, retrying interrupted reads.
    static func drain(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                data.append(contentsOf: buffer[0..<n])
            } else if n == 0 || errno != EINTR {
                return data
            }
        }
    }

    /// Holds what the standard-error thread read until the caller waits for it.
    final class DrainBox: @unchecked Sendable {
        var data = Data()
    }

    /// Runs and expects success, returning standard output.
    func ok(_ args: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try run(args, stdin: stdin)
        #expect(r.status == 0, "gluelab \(args.joined(separator: " ")) failed: \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    /// The expected text in `Golden/<name>`.
    static func golden(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Golden/\(name)"])
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
