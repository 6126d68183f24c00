import AnlanRPC
import AnlanRegions
import X509

/// How every Anlan node checks a peer's certificate chain (对端校验): it must lead to the province's root
/// (RFC 5280: signatures, dates, basic constraints, key usage, name constraints) and meet Anlan's own
/// rules (`AnlanChainPolicy`: one region name per certificate, issuers only within their subtree, no
/// revoked certificate).
public struct AnlanPeerVerifier: RPCPeerVerifier {
    public let root: Certificate
    public let revocations: RevocationList
    let regions: RegionTree

    public init(root: Certificate, revocations: RevocationList = RevocationList(path: nil), regions: RegionTree = .zhejiang) {
        self.root = root
        self.revocations = revocations
        self.regions = regions
    }

    public func validate(presented chain: [Certificate]) async throws -> [Certificate] {
        guard let leaf = chain.first else { throw IdentityError(.untrusted, "the peer presented no certificate") }
        let policy = AnlanChainPolicy(regions: regions, revoked: revocations.current())
        var verifier = Verifier(rootCertificates: CertificateStore([root])) {
            RFC5280Policy()
            policy
        }
        switch await verifier.validate(leaf: leaf, intermediates: CertificateStore(chain.dropFirst())) {
        case .validCertificate(let validated):
            return Array(validated)
        case .couldNotValidate(let failures):
            // Anlan's own reason (revoked, outside the subtree) says more than "no chain"; RFC 5280's
            // (expired, wrong root) next.
            let reasons = failures.map { "\($0.policyFailureReason)" }
            let name = (try? leaf.nodeName(regions: regions).description) ?? "\(leaf.subject)"
            throw IdentityError(.untrusted, reasons.isEmpty
                ? "\(name): no chain to the trust root"
                : "\(name): " + reasons.joined(separator: "; "))
        }
    }
}
