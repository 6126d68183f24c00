import AnlanIdentity
import AnlanRPC

extension ServeOptions {
    /// The node's credentials for `service` from `--pki`; nil without it (plain TCP).
    ///
    /// - Throws: `IdentityError` when a file is missing or the certificate is not this node's.
    public func credentials(service: String) throws -> NodeCredentials? {
        guard let pki else { return nil }
        return try NodeCredentials.load(from: PKIDirectory(pki), name: NodeName(region: region, service: service))
    }

    /// What the node's outgoing calls present and check: its credentials' client side, or nil.
    public func clientTLS(service: String) throws -> RPCTLS? {
        try credentials(service: service)?.clientTLS()
    }
}
