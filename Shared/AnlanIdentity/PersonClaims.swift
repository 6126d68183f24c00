import Foundation
import JWTKit

/// What a person's signed token says (令牌声明): who they are, their role and jurisdiction, which node
/// issued it and until when it holds. Signed with the issuing gateway's key (ES256), its certificate
/// chain in the token's `x5c` header, so any node can check it against the province's root.
public struct PersonClaims: JWTPayload, Equatable {
    /// The person's id within the issuing node (e.g. a staff number).
    public var sub: SubjectClaim
    /// Their name, as histories and the audit list show it.
    public var name: String
    public var role: Role
    /// The region whose records they act for (管辖区域): its code.
    public var region: String
    /// The issuing node, `anlan://REGION/gateway`.
    public var iss: IssuerClaim
    public var iat: IssuedAtClaim
    public var exp: ExpirationClaim

    public init(id: String, name: String, role: Role, region: String, issuer: NodeName, issuedAt: Date, expires: Date) {
        self.sub = SubjectClaim(value: id)
        self.name = name
        self.role = role
        self.region = region
        self.iss = IssuerClaim(value: issuer.uri)
        self.iat = IssuedAtClaim(value: issuedAt)
        self.exp = ExpirationClaim(value: expires)
    }

    public func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
