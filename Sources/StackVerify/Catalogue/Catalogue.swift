/// Every check StackVerify offers. The catalogue is the one source of truth for check ids, titles,
/// arguments and reads: docs/checks.md is generated from it.
public enum Catalogue {
    /// All checks, grouped by the resources they are about.
    public static let checks: [Check] = NetworkChecks.all + DataChecks.all + ContainerChecks.all + TaggingChecks.all

    /// The check with `id`.
    public static func check(id: String) -> Check? {
        checks.first { $0.id == id }
    }
}
