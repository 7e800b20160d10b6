import ArgumentParser
import StackVerify

/// `stack-verify catalogue`: the reference of every check, as docs/checks.md holds it.
struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Print the check catalogue as Markdown (docs/checks.md is this output)."
    )

    func run() {
        print(CatalogueDocument.markdown)
    }
}
