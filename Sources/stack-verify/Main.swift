import ArgumentParser
import Foundation

/// Runs the command line, printing every failure as one `error:` line and exiting with its `ExitStatus`.
@main
enum Main {
    static func main() async {
        do {
            var command = try StackVerifyCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(report(error))
        }
    }

    /// Prints `error` and returns the exit code for it.
    static func report(_ error: any Error) -> Int32 {
        let status = ExitStatus.of(error)
        if status != .internalError {
            printError("error: \(error)")
            return status.rawValue
        }
        if let exit = error as? ExitCode {
            return exit.rawValue
        }
        switch StackVerifyCommand.exitCode(for: error) {
        case .success:
            print(StackVerifyCommand.fullMessage(for: error))
            return ExitStatus.success.rawValue
        case .validationFailure:
            printError(StackVerifyCommand.fullMessage(for: error))
            return ExitStatus.badInput.rawValue
        default:
            printError("error: internal failure: \(error)")
            return ExitStatus.internalError.rawValue
        }
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
