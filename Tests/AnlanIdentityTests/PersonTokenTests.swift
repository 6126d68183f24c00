import AnlanIdentity
import AnlanRegions
import AnlanTestSupport
import Crypto
import Foundation
import JWTKit
import Testing
import X509

/// People's tokens: a gateway signs them in for its own subtree; every node checks the signature,
/// the signer's chain to the root (dates, subtrees, revocation), the signer being a gateway whose
/// region holds the person's, and the expiry.
@Suite struct PersonTokenTests {
    let pki: TestPKI
    let xihu: NodeCredentials

    init() throws {
        pki = try TestPKI()
        xihu = try pki.credentials("330106", "gateway", by: pki.hangzhou)
    }

    func verifier(_ pki: TestPKI? = nil) -> PersonTokenVerifier {
        let trusted = pki ?? self.pki
        return PersonTokenVerifier(root: trusted.root.certificate, revocations: RevocationList(path: trusted.directory.revocationList))
    }

    @Test func aGatewaysTokenNamesItsPersonRoleAndJurisdiction() async throws {
        let token = try await PersonTokenIssuer(credentials: xihu).issue(id: "0042", name: "张三", role: .cadre, region: "330106002000")
        let person = try await verifier().verify(token)
        #expect(person.id == "0042" && person.name == "张三" && person.role == .cadre)
        #expect(person.jurisdiction.code == "330106002000" && person.issuer.uri == "anlan://330106/gateway")
        #expect(person.description == "张三 (干部, 330106002000) via anlan://330106/gateway")
    }

    @Test func onlyAGatewaySignsAndOnlyForItsOwnSubtree() async throws {
        #expect(throws: IdentityError.self) { try PersonTokenIssuer(credentials: try pki.credentials("330106", "hazard-survey", by: pki.hangzhou)) }
        await #expect(throws: IdentityError.self) {
            _ = try await PersonTokenIssuer(credentials: xihu).issue(id: "1", name: "李四", role: .officer, region: "330100")
        }
        await #expect(throws: IdentityError.self) {
            _ = try await PersonTokenIssuer(credentials: xihu).issue(id: "1", name: "李四", role: .officer, region: "330110")
        }
    }

    @Test func anExpiredTokenIsRefused() async throws {
        let token = try await PersonTokenIssuer(credentials: xihu).issue(id: "1", name: "王五", role: .officer, lifetime: .seconds(3600))
        _ = try await verifier().verify(token)
        await #expect { _ = try await verifier().verify(token, now: Date().addingTimeInterval(3601)) } throws: { error in
            (error as? IdentityError)?.message.contains("expired") == true
        }
    }

    @Test func aTokenFromAnotherRootIsRefused() async throws {
        let other = try TestPKI()
        let stranger = try other.credentials("330106", "gateway")
        let token = try await PersonTokenIssuer(credentials: stranger).issue(id: "1", name: "赵六", role: .officer)
        await #expect(throws: IdentityError.self) { _ = try await verifier().verify(token) }
        _ = try await verifier(other).verify(token)
    }

    @Test func aRevokedGatewaysTokensAreRefused() async throws {
        let token = try await PersonTokenIssuer(credentials: xihu).issue(id: "1", name: "钱七", role: .officer)
        try FileManager.default.createDirectory(atPath: pki.directory.path, withIntermediateDirectories: true)
        try RevocationList.line(serial: xihu.chain[0].serialNumber.hex, note: "key lost")
            .write(toFile: pki.directory.revocationList, atomically: true, encoding: .utf8)
        await #expect { _ = try await verifier().verify(token) } throws: { error in
            (error as? IdentityError)?.message.contains("revoked") == true
        }
    }

    @Test func aTokenSignedForARegionOutsideItsSignerIsRefused() async throws {
        // A township gateway's stolen key signs a county officer's token directly (no issuer check).
        let township = try pki.credentials("330106002000", "gateway", by: pki.hangzhou)
        let claims = PersonClaims(id: "X", name: "冒充者", role: .officer, region: "330106", issuer: township.name,
                                  issuedAt: Date(), expires: Date().addingTimeInterval(3600))
        let forged = try await Self.sign(claims, with: township)
        await #expect { _ = try await verifier().verify(forged) } throws: { error in
            (error as? IdentityError)?.code == .outsideSubtree
        }
        // The same signer for its own township passes: the refusal is the region's, not the signature's.
        var own = claims
        own.region = "330106002000"
        _ = try await verifier().verify(try await Self.sign(own, with: township))
    }

    @Test func aTokenWhoseClaimsWereRewrittenIsRefused() async throws {
        let token = try await PersonTokenIssuer(credentials: xihu).issue(id: "1", name: "孙八", role: .cadre, region: "330106002000")
        var parts = token.split(separator: ".").map(String.init)
        // The cadre makes herself the county's officer, keeping the gateway's signature.
        let claims = String(decoding: Self.base64URL(parts[1]), as: UTF8.self)
        let promoted = claims.replacingOccurrences(of: "\"cadre\"", with: "\"officer\"")
            .replacingOccurrences(of: "\"330106002000\"", with: "\"330106\"")
        #expect(promoted != claims)
        parts[1] = Self.base64URLEncode(Data(promoted.utf8))
        await #expect(throws: IdentityError.self) { _ = try await verifier().verify(parts.joined(separator: ".")) }
    }

    static func sign(_ claims: PersonClaims, with credentials: NodeCredentials) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: try ES256PrivateKey(backing: P256.Signing.PrivateKey(derRepresentation: credentials.privateKey.serializeAsPEM().derBytes)))
        var header = JWTHeader()
        header.x5c = try credentials.chain.map { try $0.serializeAsPEM().pemString }
        return try await keys.sign(claims, header: header)
    }

    static func base64URL(_ text: String) -> Data {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)!
    }

    static func base64URLEncode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
