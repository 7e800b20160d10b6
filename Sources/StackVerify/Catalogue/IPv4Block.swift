/// An IPv4 CIDR block, for "is this subnet inside the VPC" questions.
struct IPv4Block: Equatable {
    let address: UInt32
    let prefixLength: Int

    /// Parses `a.b.c.d/n`; `nil` when it is not one.
    init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let prefixLength = Int(parts[1]), (0...32).contains(prefixLength) else { return nil }
        let octets = parts[0].split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        self.address = octets.reduce(0) { $0 << 8 | $1 }
        self.prefixLength = prefixLength
    }

    private var mask: UInt32 { prefixLength == 0 ? 0 : UInt32.max << (32 - prefixLength) }

    /// Whether the two blocks share any address.
    func overlaps(_ other: IPv4Block) -> Bool {
        contains(other) || other.contains(self)
    }

    /// Whether every address of `other` lies in this block.
    func contains(_ other: IPv4Block) -> Bool {
        other.prefixLength >= prefixLength && (other.address & mask) == (address & mask)
    }
}
