import Foundation
import AnlanRegions
import Crypto
import JWTKit
import X509

/// Signs people in (签发令牌): a gateway issues its own people short-lived tokens, signed with its node
/// key, its certificate chain in the `x5c` header. A gateway may issue only for regions within its own:
/// every node checks that again (`PersonTokenVerifier`), so a township's key cannot make a province officer.
public struct PersonTokenIssuer: Sendable {
    /// How long a token holds unless asked otherwise: one duty shift.
    public static let defaultLifetime: Duration = .seconds(12 * 3600)

    public let credentials: NodeCredentials
    let regions: RegionTree

    /// - Throws: `IdentityError(.outsideSubtree)` when the credentials are not a gateway's.
    public init(credentials: NodeCredentials, regions: RegionTree = .zhejiang) throws(IdentityError) {
        guard credentials.name.service == "gateway" else {
            throw IdentityError(.outsideSubtree, "only a gateway signs people in; \(credentials.name) is not one")
        }
        self.credentials = credentials
        self.regions = regions
    }

    /// A token for a person of `region` (the gateway's own when nil).
    ///
    /// - Throws: `IdentityError(.outsideSubtree)` for a region outside the gateway's, `.malformedName`
    ///   for an unknown one or an empty id or name.
    public func issue(id: String, name: String, role: Role, region: String? = nil, lifetime: Duration = defaultLifetime,
                      now: Date = Date()) async throws -> String {
        let issuer = credentials.name
        let code = try NodeName(region: region ?? issuer.region, regions: regions).region
        guard regions.isInSubtree(code, of: issuer.region) else {
            throw IdentityError(.outsideSubtree, "\(issuer) cannot sign in people of \(code): it is outside \(issuer.region)")
        }
        guard !id.isEmpty, !name.isEmpty else { throw IdentityError(.malformedName, "a person needs an id and a name") }
        let claims = PersonClaims(id: id, name: name, role: role, region: code, issuer: issuer, issuedAt: now,
                                  expires: now.addingTimeInterval(Double(lifetime.components.seconds)))
        let key = try ES256PrivateKey(backing: P256.Signing.PrivateKey(derRepresentation: credentials.privateKey.serializeAsPEM().derBytes))
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key)
        var header = JWTHeader()
        // jwt-kit takes the chain as PEM and writes it as base64 DER (RFC 7515 §4.1.6).
        header.x5c = try credentials.chain.map { try $0.serializeAsPEM().pemString }
        return try await keys.sign(claims, header: header)
    }
}
