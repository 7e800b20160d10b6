import AWSClient

extension S3 {
    /// Which objects a lifecycle or replication rule applies to: all of the prefix, tags and size bounds that
    /// are set must match; none set means every object.
    public struct ObjectFilter: Sendable, Equatable, Codable {
        /// The key prefix, when the rule names one.
        public var prefix: String?
        /// Tags an object must carry, every one of them.
        public var tags: [String: String]
        /// Only objects larger than this many bytes.
        public var objectSizeGreaterThan: Int?
        /// Only objects smaller than this many bytes.
        public var objectSizeLessThan: Int?

        /// A filter.
        public init(prefix: String? = nil, tags: [String: String] = [:], objectSizeGreaterThan: Int? = nil, objectSizeLessThan: Int? = nil) {
            self.prefix = prefix
            self.tags = tags
            self.objectSizeGreaterThan = objectSizeGreaterThan
            self.objectSizeLessThan = objectSizeLessThan
        }

        /// The filter of a `<Rule>` in any of the shapes S3 writes: `<Filter>` with one condition, `<Filter><And>`
        /// with several, or the older `<Prefix>` directly in the rule.
        init(rule: XML.Element) {
            let filter = rule.child("Filter")
            let conditions = filter?.child("And") ?? filter
            self.init(
                prefix: conditions?.text(at: "Prefix") ?? rule.text(at: "Prefix"),
                tags: S3.tags(conditions?.children("Tag") ?? []),
                objectSizeGreaterThan: conditions?.int(at: "ObjectSizeGreaterThan"),
                objectSizeLessThan: conditions?.int(at: "ObjectSizeLessThan")
            )
        }
    }

    /// Tags from `<Tag><Key>…</Key><Value>…</Value></Tag>` elements.
    static func tags(_ elements: [XML.Element]) -> [String: String] {
        var tags: [String: String] = [:]
        for tag in elements {
            if let key = tag.text(at: "Key") { tags[key] = tag.text(at: "Value") ?? "" }
        }
        return tags
    }
}
