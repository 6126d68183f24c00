import AnlanRegions
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import X509

/// Checks a person's token (令牌校验) as every node does before it serves them: the signature, by the
/// key of the certificate in its `x5c` header; that certificate's chain to the province's root under
/// the same rules as a TLS peer's (`AnlanChainPolicy`: dates, subtrees, revocation); that it is a
/// gateway's and the person's jurisdiction lies within the gateway's region; that it has not expired.
///
/// Checked tokens are remembered until they expire (at most `cacheLimit` of them, and each for at most
/// a minute, so a revocation takes effect within a minute): a person's calls cost one look-up after
/// their first, and the first calls of a token arriving together (a gateway's fan-out) share one check.
public final class PersonTokenVerifier: Sendable {
    public static let cacheLimit = 4096
    static let cacheLifetime: TimeInterval = 60

    public let root: Certificate
    public let revocations: RevocationList
    let regions: RegionTree
    private let checked = NIOLockedValueBox<[String: (check: Task<Person, any Error>, until: Date)]>([:])

    public init(root: Certificate, revocations: RevocationList = RevocationList(path: nil), regions: RegionTree = .zhejiang) {
        self.root = root
        self.revocations = revocations
        self.regions = regions
    }

    /// The person `token` names.
    ///
    /// - Throws: `IdentityError`: `.untrusted` for a bad signature, chain or an expired token;
    ///   `.revoked`; `.outsideSubtree` for a jurisdiction outside the issuer's or an issuer that is not a gateway.
    public func verify(_ token: String, now: Date = Date()) async throws(IdentityError) -> Person {
        let (check, started) = checked.withLockedValue { cache -> (Task<Person, any Error>, Bool) in
            if let known = cache[token], now < known.until { return (known.check, false) }
            let check = Task { try await self.check(token, now: now) }
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[token] = (check, now.addingTimeInterval(Self.cacheLifetime))
            return (check, true)
        }
        do {
            let person = try await check.value
            if started, person.expires < now.addingTimeInterval(Self.cacheLifetime) {
                checked.withLockedValue { $0[token]?.until = person.expires }
            }
            return person
        } catch {
            // A refusal is not remembered: the next call checks again (and fails again, or the file changed).
            if started { checked.withLockedValue { _ = $0.removeValue(forKey: token) } }
            throw error as? IdentityError ?? IdentityError(.untrusted, "\(error)")
        }
    }

    private func check(_ token: String, now: Date) async throws(IdentityError) -> Person {
        let claims: PersonClaims
        do {
            let verifier = try X5CVerifier(rootCertificates: [root])
            let policy = AnlanChainPolicy(regions: regions, revoked: revocations.current())
            claims = try await verifier.verifyJWS(Array(token.utf8), as: PersonClaims.self, jsonDecoder: .defaultForJWT,
                                                  validationTime: .fixed(now)) { policy }
        } catch let error as JWTError {
            throw IdentityError(.untrusted, "the token is not valid: \(Self.reason(error))")
        } catch {
            throw IdentityError(.untrusted, "the token is not valid: \(error)")
        }
        guard claims.exp.value > now else {
            throw IdentityError(.untrusted, "the token expired at \(claims.exp.value)")
        }
        let issuer = try NodeName(uri: claims.iss.value, regions: regions)
        guard issuer.service == "gateway" else {
            throw IdentityError(.outsideSubtree, "the token was issued by \(issuer), which is not a gateway")
        }
        guard let region = try? regions.region(claims.region) else {
            throw IdentityError(.malformedName, "the token names an unknown region \(claims.region)")
        }
        guard regions.isInSubtree(region.code, of: issuer.region) else {
            throw IdentityError(.outsideSubtree, "\(issuer) cannot vouch for a person of \(region.code)")
        }
        return Person(id: claims.sub.value, name: claims.name, role: claims.role, jurisdiction: region, issuer: issuer,
                      expires: claims.exp.value)
    }

    private static func reason(_ error: JWTError) -> String {
        "\(error)".replacingOccurrences(of: "\n", with: " ")
    }
}
