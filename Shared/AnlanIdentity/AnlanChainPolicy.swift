import AnlanRegions
import SwiftASN1
import X509

/// Anlan's own rules on a certificate chain (链规则), checked beside RFC 5280's on every handshake:
///
/// - every certificate names exactly one `anlan://` region (and the peer's, a service too);
/// - each issuer's region contains its subject's region: an intermediate for 杭州市 cannot vouch for a
///   county of 宁波市, whatever it signs;
/// - no certificate in the chain is on the revocation list.
struct AnlanChainPolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = []
    let regions: RegionTree
    let revoked: Set<String>

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) -> PolicyEvaluationResult {
        do {
            try check(Array(chain))
            return .meetsPolicy
        } catch {
            return .failsToMeetPolicy(reason: error.message)
        }
    }

    /// `chain`: the peer's certificate first, the root last.
    func check(_ chain: [Certificate]) throws(IdentityError) {
        var names: [NodeName] = []
        for certificate in chain {
            if !revoked.isEmpty, revoked.contains(certificate.serialNumber.hex) {
                throw IdentityError(.revoked, "certificate \(certificate.serialNumber.hex) (\(certificate.subject)) is revoked")
            }
            names.append(try certificate.nodeName(regions: regions))
        }
        guard let peer = names.first, !peer.isAuthority else {
            throw IdentityError(.outsideSubtree, "the peer's certificate names no service: an authority's is not a node's")
        }
        for (subject, issuer) in zip(names, names.dropFirst()) {
            guard issuer.isAuthority else {
                throw IdentityError(.outsideSubtree, "\(issuer) issued a certificate but is not an authority")
            }
            guard regions.isInSubtree(subject.region, of: issuer.region) else {
                throw IdentityError(.outsideSubtree, "\(issuer) issued for \(subject), outside its subtree")
            }
        }
    }
}
