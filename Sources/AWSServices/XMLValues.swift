import AWSClient

/// Typed values out of the XML answers of EC2 and S3, shared by both services' models.
extension XML.Element {
    /// The `item` children of the list element at `path`; none when the list is absent.
    func items(at path: String) -> [XML.Element] {
        element(at: path)?.children("item") ?? []
    }

    /// The text at `path`, or `nil` when the element is absent or empty: an empty element (moto writes
    /// `<instanceId/>` for an address on no instance) says as little as a missing one.
    func nonEmptyText(at path: String) -> String? {
        text(at: path).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The boolean at `path`, when present and `true` or `false`.
    func bool(at path: String) -> Bool? {
        switch text(at: path) {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// The integer at `path`, when present and a number.
    func int(at path: String) -> Int? {
        text(at: path).flatMap { Int($0) }
    }
}
