import AWSClient

extension S3 {
    /// A lifecycle rule of a bucket.
    public struct LifecycleRule: Sendable, Equatable, Codable {
        /// The rule id.
        public var id: String?
        /// `Enabled` or `Disabled`.
        public var status: String
        /// The objects it applies to.
        public var filter: ObjectFilter
        /// Moves of current versions to other storage classes.
        public var transitions: [Transition]
        /// When current versions expire.
        public var expiration: Expiration?
        /// Moves of noncurrent versions to other storage classes.
        public var noncurrentVersionTransitions: [NoncurrentVersionTransition]
        /// When noncurrent versions are deleted.
        public var noncurrentVersionExpiration: NoncurrentVersionExpiration?
        /// Days after which unfinished multipart uploads are aborted.
        public var abortIncompleteMultipartUploadDays: Int?

        /// A move to `storageClass`, after `days` or on `date` (as S3 writes it, ISO 8601).
        public struct Transition: Sendable, Equatable, Codable {
            /// Days after creation.
            public var days: Int?
            /// The date, as S3 writes it.
            public var date: String?
            /// The target storage class, e.g. `GLACIER`.
            public var storageClass: String?

            /// A transition.
            public init(days: Int? = nil, date: String? = nil, storageClass: String? = nil) {
                self.days = days
                self.date = date
                self.storageClass = storageClass
            }
        }

        /// When current versions expire.
        public struct Expiration: Sendable, Equatable, Codable {
            /// Days after creation.
            public var days: Int?
            /// The date, as S3 writes it.
            public var date: String?
            /// Whether delete markers with no versions left are removed.
            public var expiredObjectDeleteMarker: Bool?

            /// An expiration.
            public init(days: Int? = nil, date: String? = nil, expiredObjectDeleteMarker: Bool? = nil) {
                self.days = days
                self.date = date
                self.expiredObjectDeleteMarker = expiredObjectDeleteMarker
            }
        }

        /// A move of noncurrent versions to `storageClass`.
        public struct NoncurrentVersionTransition: Sendable, Equatable, Codable {
            /// Days after the version became noncurrent.
            public var noncurrentDays: Int?
            /// The target storage class.
            public var storageClass: String?
            /// How many newer noncurrent versions are kept out of the move.
            public var newerNoncurrentVersions: Int?

            /// A noncurrent-version transition.
            public init(noncurrentDays: Int? = nil, storageClass: String? = nil, newerNoncurrentVersions: Int? = nil) {
                self.noncurrentDays = noncurrentDays
                self.storageClass = storageClass
                self.newerNoncurrentVersions = newerNoncurrentVersions
            }
        }

        /// When noncurrent versions are deleted.
        public struct NoncurrentVersionExpiration: Sendable, Equatable, Codable {
            /// Days after the version became noncurrent.
            public var noncurrentDays: Int?
            /// How many newer noncurrent versions are kept.
            public var newerNoncurrentVersions: Int?

            /// A noncurrent-version expiration.
            public init(noncurrentDays: Int? = nil, newerNoncurrentVersions: Int? = nil) {
                self.noncurrentDays = noncurrentDays
                self.newerNoncurrentVersions = newerNoncurrentVersions
            }
        }

        init(_ rule: XML.Element) {
            id = rule.text(at: "ID")
            status = rule.text(at: "Status") ?? ""
            filter = ObjectFilter(rule: rule)
            transitions = rule.children("Transition").map {
                Transition(days: $0.int(at: "Days"), date: $0.text(at: "Date"), storageClass: $0.text(at: "StorageClass"))
            }
            expiration = rule.child("Expiration").map {
                Expiration(days: $0.int(at: "Days"), date: $0.text(at: "Date"), expiredObjectDeleteMarker: $0.bool(at: "ExpiredObjectDeleteMarker"))
            }
            noncurrentVersionTransitions = rule.children("NoncurrentVersionTransition").map {
                NoncurrentVersionTransition(noncurrentDays: $0.int(at: "NoncurrentDays"), storageClass: $0.text(at: "StorageClass"), newerNoncurrentVersions: $0.int(at: "NewerNoncurrentVersions"))
            }
            noncurrentVersionExpiration = rule.child("NoncurrentVersionExpiration").map {
                NoncurrentVersionExpiration(noncurrentDays: $0.int(at: "NoncurrentDays"), newerNoncurrentVersions: $0.int(at: "NewerNoncurrentVersions"))
            }
            abortIncompleteMultipartUploadDays = rule.int(at: "AbortIncompleteMultipartUpload/DaysAfterInitiation")
        }
    }

    /// The lifecycle rules of `bucket` (GetBucketLifecycleConfiguration); `nil` when S3 answers
    /// `NoSuchLifecycleConfiguration`.
    public func lifecycle(bucket: String) async throws -> [LifecycleRule]? {
        let operation = "GetBucketLifecycleConfiguration"
        guard let response = try await getIfConfigured(operation, "lifecycle", bucket: bucket, notConfigured: "NoSuchLifecycleConfiguration") else {
            return nil
        }
        return try xml(response, operation, bucket: bucket).children("Rule").map(LifecycleRule.init)
    }
}
