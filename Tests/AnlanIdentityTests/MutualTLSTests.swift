import AnlanIdentity
import AnlanRPC
import AnlanWire
import Crypto
import Foundation
import NIOSSL
import Testing
import X509

/// Mutual TLS between real processes' runtimes over real TCP: who is let in, who is refused, and that
/// the caller's proved name reaches the handler.
@Suite(.timeLimit(.minutes(1))) struct MutualTLSTests {
    let pki: TestPKI
    let server: NodeCredentials

    init() throws {
        pki = try TestPKI()
        // 西湖区's hazard-survey, issued by 杭州市's intermediate.
        server = try pki.credentials("330106", "hazard-survey", by: pki.hangzhou)
    }

    @Test func aCallOverMutualTLSCarriesTheCallersProvedName() async throws {
        let caller = try pki.credentials("330100", "gateway")
        try await withTLSServer(server) { port, _ in
            let client = try tlsClient(port, caller)
            #expect(try await client.call(TestIdentityMethods.whoAmI, CallerSeen()).uri == "anlan://330100/gateway")
            await client.close()
        }
    }

    @Test func aCallerIssuedByTheCitysIntermediateIsLetIn() async throws {
        let caller = try pki.credentials("330102", "gateway", by: pki.hangzhou)
        try await withTLSServer(server) { port, _ in
            let client = try tlsClient(port, caller)
            #expect(try await client.call(TestIdentityMethods.whoAmI, CallerSeen()).uri == "anlan://330102/gateway")
            await client.close()
        }
    }

    @Test func aCallerFromAnotherRootIsRefused() async throws {
        // It trusts the province's root, but its own certificate comes from a root of its own making.
        let stranger = try TestPKI().credentials("330100", "gateway", trusting: pki)
        try await expectRefused(stranger)
    }

    @Test func anExpiredCertificateIsRefused() async throws {
        let name = try NodeName(region: "330100", service: "gateway")
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let expired = try pki.root.forge(name, publicKey: key.publicKey, notValidBefore: Date() - 86_400 * 30,
                                                 notValidAfter: Date() - 86_400)
        try await expectRefused(try pki.credentials(name, expired, key, by: pki.root))
    }

    @Test func anIntermediateCannotVouchOutsideItsSubtree() async throws {
        // 杭州市's authority refuses to issue for 宁波市海曙区 …
        let ningbo = try NodeName(region: "330203", service: "gateway")
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        #expect(throws: IdentityError.self) { try pki.hangzhou.issue(ningbo, publicKey: key.publicKey) }
        // … and a certificate it signed anyway (a compromised city key) is refused at the peer.
        let forged = try pki.hangzhou.forge(ningbo, publicKey: key.publicKey, notValidBefore: Date() - 60,
                                                    notValidAfter: Date() + 86_400)
        try await expectRefused(try pki.credentials(ningbo, forged, key, by: pki.hangzhou))
    }

    @Test func aRevokedCertificateIsRefusedFromItsNextConnection() async throws {
        let caller = try pki.credentials("330100", "gateway")
        try await withTLSServer(server) { port, statistics in
            let before = try tlsClient(port, caller)
            #expect(try await before.call(TestIdentityMethods.whoAmI, CallerSeen()).uri == "anlan://330100/gateway")
            await before.close()

            try FileManager.default.createDirectory(atPath: pki.directory.path, withIntermediateDirectories: true)
            let line = RevocationList.line(serial: caller.chain[0].serialNumber.hex, note: "330100 gateway, key lost")
            try line.write(toFile: pki.directory.revocationList, atomically: true, encoding: .utf8)

            let after = try tlsClient(port, caller)
            await #expect(throws: RPCError.self) { _ = try await after.call(TestIdentityMethods.whoAmI, CallerSeen()) }
            #expect(statistics.peersRefused.count == 1)
            #expect(statistics.requests.count == 1)
            await after.close()
        }
    }

    @Test func aClientWithoutACertificateIsRefused() async throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv13
        configuration.certificateVerification = .noHostnameVerification
        let tls = RPCTLS(context: try NIOSSLContext(configuration: configuration),
                         verifier: AnlanPeerVerifier(root: pki.root.certificate))
        try await withTLSServer(server) { port, statistics in
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port, tls: tls))
            await #expect(throws: RPCError.self) { _ = try await client.call(TestIdentityMethods.whoAmI, CallerSeen()) }
            #expect(statistics.requests.count == 0)  // BoringSSL ends it: no certificate, nothing to verify
            await client.close()
        }
    }

    @Test func aPlainClientGetsNothingFromATLSServer() async throws {
        try await withTLSServer(server) { port, statistics in
            let client = try tlsClient(port, nil)
            // It is told why, in words: the server's TLS alert is recognised, not reported as bad framing.
            await #expect {
                _ = try await client.call(TestIdentityMethods.whoAmI, CallerSeen(), timeout: .seconds(2))
            } throws: { error in
                (error as? RPCError)?.message.contains("the server speaks TLS and this client does not") == true
            }
            #expect(statistics.requests.count == 0)
            await client.close()
        }
    }

    /// The client checks the server too: a server with another root's certificate gets no request.
    @Test func aServerFromAnotherRootIsRefusedByTheClient() async throws {
        let impostor = try TestPKI().credentials("330106", "hazard-survey")
        let caller = try pki.credentials("330100", "gateway")
        try await withTLSServer(impostor) { port, _ in
            let client = try tlsClient(port, caller)
            await #expect(throws: RPCError.self) { _ = try await client.call(TestIdentityMethods.whoAmI, CallerSeen()) }
            await client.close()
        }
    }

    /// The server refuses `caller`'s chain in the handshake: the call fails, no handler runs.
    private func expectRefused(_ caller: NodeCredentials) async throws {
        try await withTLSServer(server) { port, statistics in
            let client = try tlsClient(port, caller)
            await #expect { _ = try await client.call(TestIdentityMethods.whoAmI, CallerSeen()) } throws: { error in
                (error as? RPCError)?.status == .unavailable
            }
            #expect(statistics.peersRefused.count == 1)
            #expect(statistics.requests.count == 0)
            await client.close()
        }
    }
}
