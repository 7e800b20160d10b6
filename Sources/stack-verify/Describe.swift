import ArgumentParser
import Foundation
import StackVerify

extension ResourceKind: ExpressibleByArgument {}

/// `stack-verify describe`: what StackVerify sees of live resources, the way a spec's properties name it.
struct Describe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show live resources as StackVerify sees them: the properties a spec can test.",
        discussion: "Types: \(ResourceKind.allCases.map(\.rawValue).joined(separator: ", ")). Exit 0 when every resource exists, 1 when one does not, 3 when AWS cannot be read."
    )

    @Argument(help: "The resource type.")
    var type: ResourceKind

    @Argument(help: "Ids (or names) of the resources.")
    var ids: [String]

    @Flag(help: "Print the full model as JSON.")
    var json = false

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let state = LiveState(client: try options.client())
        var missing: [String] = []
        var shown: [JSONValue] = []
        for id in ids {
            guard let snapshot = try await type.snapshot(id: id, state: state) else {
                missing.append(id)
                continue
            }
            shown.append(snapshot.properties)
            if !json {
                print("\(type) \(id)")
                print(snapshot.properties.readable.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
                print()
            }
        }
        if json {
            let value: JSONValue = shown.count == 1 && missing.isEmpty ? shown[0] : .array(shown)
            print(value.prettyJSON)
        }
        for id in missing {
            printError("error: no \(type) \(id) in \(state.client.configuration.region)")
        }
        if !missing.isEmpty { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
