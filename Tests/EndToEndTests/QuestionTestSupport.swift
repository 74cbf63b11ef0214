import Foundation
import Testing

/// The fixture question bank beside the Workbench tests (Tests/WorkbenchTests/Fixtures/questions).
let fixtureQuestionsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("WorkbenchTests/Fixtures/questions").path

extension GluelabProcess {
    /// Runs `gluelab args...` with `environment` added (GLUELAB_QUESTIONS defaults to the
    /// fixture bank), through `/usr/bin/env` so the shared runner stays as it is.
    func runBank(_ args: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        var env = ["GLUELAB_QUESTIONS": fixtureQuestionsPath]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return try runCommand(URL(fileURLWithPath: "/usr/bin/env"), assignments + [Self.binary.path] + args, stdin: stdin)
    }

    /// `runBank` with the fixture bank, expecting success; returns standard output.
    func ask(_ args: [String], environment: [String: String] = [:], stdin: String? = nil,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try runBank(args, environment: environment, stdin: stdin)
        #expect(r.status == 0, "gluelab \(args.joined(separator: " ")) failed: \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    /// Runs `executable` with `arguments` and GLUELAB_HOME set, as `run(_:stdin:)` does.
    private func runCommand(_ executable: URL, _ arguments: [String], stdin: String?) throws -> Result {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = workDir
        var env = ProcessInfo.processInfo.environment
        env["GLUELAB_HOME"] = home.path
        env["NO_COLOR"] = "1"
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let errFD = err.fileHandleForReading.fileDescriptor
        let errData = DrainBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData.data = Self.drain(errFD)
            done.signal()
        }
        let o = Self.drain(out.fileHandleForReading.fileDescriptor)
        done.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errData.data, as: UTF8.self))
    }
}
