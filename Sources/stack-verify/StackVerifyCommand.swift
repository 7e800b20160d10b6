import ArgumentParser

/// The root command.
struct StackVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stack-verify",
        abstract: "Prove that a deployed AWS stack is what its spec says, by reading it live.",
        discussion: """
        Exit codes: 0 success, 1 a check failed, 2 bad input (flags, files), 3 AWS unreachable or refused \
        the call after retries, 4 credentials/region/endpoint not resolvable, 5 a mutating call refused \
        (a StackVerify defect), 70 internal failure.
        """,
        subcommands: [CheckCommand.self, Describe.self, CatalogueCommand.self, WhoAmI.self, Probe.self, Sign.self]
    )
}
