extension AWSClient {
    /// Walks every page of a paginated operation: `fetch` is called with `nil`, then with each token it
    /// returned, until it returns none. A token repeated by the server is an error, never an endless loop.
    public func allPages<Item>(
        of operation: String, service: AWSService,
        _ fetch: (_ token: String?) async throws -> (items: [Item], nextToken: String?)
    ) async throws -> [Item] {
        var items: [Item] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            let page = try await fetch(token)
            items += page.items
            token = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
            if let token, !seen.insert(token).inserted {
                throw AWSError(kind: .malformedResponse, service: service, operation: operation, message: "the service returned the page token \(token) twice; stopping instead of looping")
            }
        } while token != nil
        return items
    }
}
