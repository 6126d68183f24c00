import AnlanIdentity
import AnlanRPC
import AnlanTestSupport
import AnlanWire
import Crypto
import Foundation
import Logging
import X509

/// What the test server answers: the name the caller proved (empty on a plain connection).
@WireMessage
struct CallerSeen: Hashable, Sendable {
    @Field(1, .omitDefault) var uri: String = ""
}

enum TestIdentityMethods {
    static let whoAmI = RPCMethod<CallerSeen, CallerSeen>(id: 0x7F01, name: "test.whoAmI", access: .connection)
}

/// A province PKI made afresh for a test: the root, 杭州市's intermediate, and node credentials.
struct TestPKI {
    let root: CertificateAuthority
    let hangzhou: CertificateAuthority
    let directory: PKIDirectory

    init() throws {
        root = try .makeRoot()
        hangzhou = try root.issueAuthority(for: "330100")
        directory = PKIDirectory(NSTemporaryDirectory() + "anlan-pki-\(UUID().uuidString)")
    }

    /// Credentials for `name` issued by `authority` (the root by default).
    /// Credentials for `name` issued by `authority` (the root by default) that trust `trusting`'s root
    /// (this PKI's by default).
    func credentials(_ region: String, _ service: String, by authority: CertificateAuthority? = nil,
                     trusting: TestPKI? = nil) throws -> NodeCredentials {
        let issuer = authority ?? root
        let name = try NodeName(region: region, service: service)
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let certificate = try issuer.issue(name, publicKey: key.publicKey)
        return try credentials(name, certificate, key, by: issuer, trusting: trusting)
    }

    func credentials(_ name: NodeName, _ certificate: Certificate, _ key: Certificate.PrivateKey,
                     by issuer: CertificateAuthority, trusting: TestPKI? = nil) throws -> NodeCredentials {
        let trusted = trusting ?? self
        return try NodeCredentials(name: name, chain: [certificate] + issuer.chain.dropLast(), privateKey: key,
                                   root: trusted.root.certificate,
                                   revocations: RevocationList(path: trusted.directory.revocationList))
    }
}

/// Runs a TLS server answering `test.whoAmI` with the caller's proved name, for the length of `body`.
func withTLSServer<T>(_ credentials: NodeCredentials?, _ body: (Int, ServerStatistics) async throws -> T) async throws -> T {
    var logger = Logger(label: "tls-test")
    logger.logLevel = .critical
    var router = RPCRouter()
    router.inline(TestIdentityMethods.whoAmI) { _, context in CallerSeen(uri: context.callerName?.uri ?? "") }
    let configuration = RPCServerConfiguration(tls: try credentials?.serverTLS())
    let server = RPCServer(configuration: configuration, router: router, logger: logger)
    return try await withServiceGroup([server], logger: logger) {
        try await body(try await server.port, server.statistics)
    }
}

/// A client of 127.0.0.1:`port` with `credentials` (nil: plain TCP).
///
/// It waits up to 10 s for the handshake and HELLO (the default is 2 s): both sides check chains in tasks
/// on the cooperative threads, which the whole suite shares on two cores; the tests tell outcomes apart,
/// not speeds.
func tlsClient(_ port: Int, _ credentials: NodeCredentials?) throws -> RPCClient {
    RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port, connectTimeout: .seconds(10),
                                                    tls: try credentials?.clientTLS()))
}
