import AnlanDiscovery
import AnlanIdentity
import AnlanRPC
import AnlanTestSupport
import Crypto
import Foundation
import RegistryService
import Testing
import X509

/// Over mutual TLS a node registers only what its certificate names: its own region and service. A
/// stolen county certificate cannot announce itself as another county's service, or as a gateway.
@Suite(.timeLimit(.minutes(1))) struct RegistryIdentityTests {
    @Test(arguments: [
        ("330106", "hazard-survey", "330106", "hazard-survey", true),    // itself
        ("330106", "hazard-survey", "330110", "hazard-survey", false),   // a neighbour county
        ("330106", "hazard-survey", "330106", "gateway", false),         // another service of its own county
        ("330106", "hazard-survey", "330106002000", "hazard-survey", false), // one of its own townships
        ("330100", "gateway", "330106", "gateway", false),               // the city, for a county below it
    ] as [(String, String, String, String, Bool)])
    func aNodeRegistersOnlyWhatItsCertificateNames(certRegion: String, certService: String,
                                                   region: String, service: String, allowed: Bool) async throws {
        let root = try CertificateAuthority.makeRoot()
        func credentials(_ region: String, _ service: String) throws -> NodeCredentials {
            try Self.credentials(region, service, issuedBy: root)
        }
        try await withTemporaryDirectory { dir in
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000", logger: quietLogger)
            try await withRegistryServer(registry: registry, tls: try credentials("330000", "registry").serverTLS()) { port in
                // 10 s for the handshake and HELLO, not 2: the chains are checked on the cooperative threads,
                // which every suite shares on two cores.
                let client = RegistryClient(configuration: RPCClientConfiguration(
                    host: "127.0.0.1", port: port, connectTimeout: .seconds(10), tls: try credentials(certRegion, certService).clientTLS()))
                let attempt = registration(service, region)
                if allowed {
                    #expect(try await client.register(attempt).leaseID != 0)
                    #expect(try await client.lookup(service: service, regionCode: region).response.records.count == 1)
                } else {
                    await #expect { _ = try await client.register(attempt) } throws: { error in
                        guard let error = error as? RPCError else { return false }
                        return error.status == .permissionDenied && error.message.contains("may not register")
                    }
                    #expect(try await client.lookup(service: service, regionCode: region).response.records.isEmpty)
                }
                await client.close()
            }
        }
    }

    @Test func aLeaseIsRenewedAndEndedOnlyByTheNodeItWasGrantedTo() async throws {
        let root = try CertificateAuthority.makeRoot()
        func credentials(_ region: String, _ service: String) throws -> NodeCredentials {
            try Self.credentials(region, service, issuedBy: root)
        }
        try await withTemporaryDirectory { dir in
            let registry = try Registry(databasePath: dir + "/r.sqlite", regionCode: "330000", logger: quietLogger)
            try await withRegistryServer(registry: registry, tls: try credentials("330000", "registry").serverTLS()) { port in
                func client(_ region: String, _ service: String) throws -> RegistryClient {
                    RegistryClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port, connectTimeout: .seconds(10),
                                                                         tls: try credentials(region, service).clientTLS()))
                }
                let owner = try client("330106", "hazard-survey"), neighbour = try client("330110", "hazard-survey")
                let lease = try await owner.register(registration("hazard-survey", "330106")).leaseID
                // The neighbour knows (or guesses) the lease id: it can neither keep it alive nor end it.
                for attempt in [{ _ = try await neighbour.heartbeat(leaseID: lease) },
                                { try await neighbour.deregister(leaseID: lease) }] as [() async throws -> Void] {
                    await #expect { try await attempt() } throws: { error in
                        (error as? RPCError)?.status == .permissionDenied && "\(error)".contains("anlan://330106/hazard-survey's")
                    }
                }
                #expect(try await owner.lookup(service: "hazard-survey", regionCode: "330106").response.records.count == 1)
                _ = try await owner.heartbeat(leaseID: lease)
                try await owner.deregister(leaseID: lease)
                #expect(try await owner.lookup(service: "hazard-survey", regionCode: "330106").response.records.isEmpty)
                await owner.close()
                await neighbour.close()
            }
        }
    }

    /// A node's credentials issued by `root`, trusting it.
    static func credentials(_ region: String, _ service: String, issuedBy root: CertificateAuthority) throws -> NodeCredentials {
        let name = try NodeName(region: region, service: service)
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        return try NodeCredentials(name: name, chain: [root.issue(name, publicKey: key.publicKey)], privateKey: key,
                                   root: root.certificate)
    }
}
