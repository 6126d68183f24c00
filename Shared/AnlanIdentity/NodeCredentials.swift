import AnlanRPC
import AnlanRegions
import NIOSSL
import X509

/// What a node proves and trusts (节点凭证): its certificate chain and key, the root it trusts and the
/// revocation list it reloads. The same credentials serve its server and its clients: every connection
/// between nodes is mutual TLS 1.3.
public struct NodeCredentials: Sendable {
    public let name: NodeName
    /// The node's certificate first, then its issuers' (not the root).
    public let chain: [Certificate]
    public let privateKey: Certificate.PrivateKey
    public let root: Certificate
    public let revocations: RevocationList
    let regions: RegionTree

    public init(name: NodeName, chain: [Certificate], privateKey: Certificate.PrivateKey, root: Certificate,
                revocations: RevocationList = RevocationList(path: nil), regions: RegionTree = .zhejiang) throws(IdentityError) {
        guard let leaf = chain.first, (try? leaf.nodeName(regions: regions)) == name else {
            throw IdentityError(.malformedName, "the certificate is not \(name)'s")
        }
        guard leaf.publicKey == privateKey.publicKey else {
            throw IdentityError(.unreadable, "the key does not belong to \(name)'s certificate")
        }
        self.name = name
        self.chain = chain
        self.privateKey = privateKey
        self.root = root
        self.revocations = revocations
        self.regions = regions
    }

    /// Reads `name`'s credentials from a PKI directory (see `PKIDirectory`).
    public static func load(from directory: PKIDirectory, name: NodeName, regions: RegionTree = .zhejiang) throws(IdentityError) -> NodeCredentials {
        let root = try directory.readCertificates(directory.rootCertificate)
        return try NodeCredentials(
            name: name,
            chain: directory.readCertificates(directory.nodeCertificate(name)).filter { $0 != root[0] },
            privateKey: directory.readKey(directory.nodeKey(name)),
            root: root[0],
            revocations: RevocationList(path: directory.revocationList),
            regions: regions)
    }

    public var verifier: AnlanPeerVerifier { AnlanPeerVerifier(root: root, revocations: revocations, regions: regions) }

    /// For the node's server: presents its chain and requires every client's.
    public func serverTLS() throws -> RPCTLS {
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: try certificateSources(),
                                                                     privateKey: try keySource())
        try harden(&configuration)
        return RPCTLS(context: try NIOSSLContext(configuration: configuration), verifier: verifier)
    }

    /// For the node's clients: presents its chain to the servers it calls and checks theirs.
    public func clientTLS() throws -> RPCTLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateChain = try certificateSources()
        configuration.privateKey = try keySource()
        try harden(&configuration)
        return RPCTLS(context: try NIOSSLContext(configuration: configuration), verifier: verifier)
    }

    private func harden(_ configuration: inout TLSConfiguration) throws {
        configuration.minimumTLSVersion = .tlsv13
        // Verification is `AnlanPeerVerifier`'s (the custom callback); this makes it required both ways.
        configuration.certificateVerification = .noHostnameVerification
        configuration.trustRoots = .certificates([try RPCTLS.nioSSL(root)])
    }

    private func certificateSources() throws -> [NIOSSLCertificateSource] {
        try chain.map { .certificate(try RPCTLS.nioSSL($0)) }
    }

    private func keySource() throws -> NIOSSLPrivateKeySource {
        .privateKey(try NIOSSLPrivateKey(bytes: Array(try privateKey.serializeAsPEM().pemString.utf8), format: .pem))
    }
}
