import AnlanIdentity
import AnlanRPC
import NIOConcurrencyHelpers

extension ServeOptions {
    /// The node's credentials for `service` from `--pki`; nil without it (plain TCP).
    ///
    /// - Throws: `IdentityError` when a file is missing or the certificate is not this node's.
    public func credentials(service: String) throws -> NodeCredentials? {
        guard let pki else { return nil }
        return try NodeCredentials.load(from: PKIDirectory(pki), name: NodeName(region: region, service: service))
    }

    /// The node's TLS for `service`: what its server requires and what its outgoing calls present, made
    /// once per process and node (the server, the registry client and a gateway's clients share them);
    /// nil without `--pki`.
    public func tls(service: String) throws -> NodeTLS? {
        guard let pki else { return nil }
        let key = "\(pki)\u{0}\(region)\u{0}\(service)"
        if let made = NodeTLS.made.withLockedValue({ $0[key] }) { return made }
        let credentials = try credentials(service: service)!
        let made = NodeTLS(name: credentials.name, server: try credentials.serverTLS(), client: try credentials.clientTLS(),
                           tokens: NodeTLS.tokens(pki: pki, credentials: credentials))
        return NodeTLS.made.withLockedValue { table in
            if let first = table[key] { return first }
            table[key] = made
            return made
        }
    }

    /// What the node's outgoing calls present and check, or nil.
    public func clientTLS(service: String) throws -> RPCTLS? {
        try tls(service: service)?.client
    }
}

/// One node's TLS contexts (节点 TLS): its server's and its clients', with the name they prove, and
/// the checker of the people's tokens its requests carry.
public struct NodeTLS: Sendable {
    public let name: NodeName
    public let server: RPCTLS
    public let client: RPCTLS
    public let tokens: PersonTokenVerifier

    /// Decides each request to this node by `AccessPolicy`, keeping a record of refusals in `audit`.
    public func authorizer(audit: (any RPCAuditSink)?) -> NodeAuthorizer {
        NodeAuthorizer(node: name, tokens: tokens, audit: audit)
    }

    /// Made so far in this process, by PKI directory, region and service.
    static let made = NIOLockedValueBox<[String: NodeTLS]>([:])

    /// One token checker per PKI directory in a process: the nodes of a `serve-group` trust the same
    /// root and revocation list, so a person's token forwarded to 1,359 township gateways of one process
    /// is checked once, not once per node.
    static func tokens(pki: String, credentials: NodeCredentials) -> PersonTokenVerifier {
        verifiers.withLockedValue { table in
            if let made = table[pki] { return made }
            let made = PersonTokenVerifier(root: credentials.root, revocations: credentials.revocations)
            table[pki] = made
            return made
        }
    }

    private static let verifiers = NIOLockedValueBox<[String: PersonTokenVerifier]>([:])
}
