import Foundation

/// Runs the built `stack-verify` binary as a user would, capturing its output and exit status.
enum StackVerifyBinary {
    struct Run: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both streams, for checking that a secret appears in neither.
        var allOutput: String { stdout + stderr }
    }

    /// The binary next to the test bundle in the build's products directory.
    static let url = Bundle.main.bundleURL.appendingPathComponent("stack-verify")

    /// The repository root.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `stack-verify arguments...` with exactly `environment` (plus PATH), feeding `input` on stdin.
    static func run(_ arguments: [String], environment: [String: String], input: Data = Data()) async throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var variables = environment
        variables["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        process.environment = variables
        // Output goes to files, which never fill up and block the child the way an unread pipe can.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stack-verify-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        // The wait happens on its own thread, never on a Swift concurrency thread.
        let status: Int32 = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
        return Run(
            status: status,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self)
        )
    }
}
