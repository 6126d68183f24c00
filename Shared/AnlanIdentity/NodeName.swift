import AnlanRegions

/// Whom a certificate speaks for (证书身份): a region and, for a node's service, that service, written
/// as the certificate's URI subject alternative name, `anlan://330106/hazard-survey`.
///
/// A name without a service (`anlan://330100`) belongs to a certificate authority: the province's root,
/// or a tier's intermediate that may issue only within its own subtree.
public struct NodeName: Hashable, Sendable, CustomStringConvertible {
    public static let scheme = "anlan"

    /// The region's canonical code (6 digits, 12 for a township).
    public var region: String
    /// The service's executable name (`hazard-survey`, `gateway`, …); nil for an authority.
    public var service: String?

    /// - Throws: `IdentityError.malformedName` for an unknown region or a service name that is not
    ///   lower-case letters, digits and hyphens.
    public init(region: String, service: String? = nil, regions: RegionTree = .zhejiang) throws(IdentityError) {
        guard let code = try? regions.canonicalCode(region) else {
            throw IdentityError(.malformedName, "\"\(region)\" is not a Zhejiang region code")
        }
        if let service, !Self.isServiceName(service) {
            throw IdentityError(.malformedName, "\"\(service)\" is not a service name (a-z, 0-9 and -)")
        }
        self.region = code
        self.service = service
    }

    /// Reads `anlan://REGION` or `anlan://REGION/SERVICE`.
    public init(uri: String, regions: RegionTree = .zhejiang) throws(IdentityError) {
        let prefix = Self.scheme + "://"
        guard uri.hasPrefix(prefix) else {
            throw IdentityError(.malformedName, "\"\(uri)\" is not an \(prefix) name")
        }
        let parts = uri.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else {
            throw IdentityError(.malformedName, "\"\(uri)\" has more than a region and a service")
        }
        try self.init(region: String(parts[0]), service: parts.count == 2 ? String(parts[1]) : nil, regions: regions)
    }

    /// Reads `REGION/SERVICE` (`330000/duty-room`), as the probes' `--as` and ANLAN_AS give a caller.
    public init(caller: String, regions: RegionTree = .zhejiang) throws(IdentityError) {
        let parts = caller.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw IdentityError(.malformedName, "\"\(caller)\" is not REGION/SERVICE") }
        try self.init(region: String(parts[0]), service: String(parts[1]), regions: regions)
    }

    /// The URI written in the certificate.
    public var uri: String {
        Self.scheme + "://" + region + (service.map { "/" + $0 } ?? "")
    }

    /// Whether the name belongs to a certificate authority rather than a node's service.
    public var isAuthority: Bool { service == nil }

    public var description: String { uri }

    private static func isServiceName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}
