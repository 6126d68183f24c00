import X509

/// Checks the certificate chain a peer presents in the TLS handshake (证书校验): the trust root, the
/// validity dates, what each issuer may issue for, revocation.
///
/// The RPC runtime calls it once per connection, before any frame is read; a chain it refuses ends the
/// handshake, so an untrusted peer never reaches a handler. `AnlanIdentity` provides Anlan's own.
public protocol RPCPeerVerifier: Sendable {
    /// The validated chain, the peer's certificate first and the trusted root last.
    ///
    /// - Throws: an error whose description says why the chain was refused (it is logged).
    func validate(presented chain: [Certificate]) async throws -> [Certificate]
}
