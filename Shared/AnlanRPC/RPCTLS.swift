import Logging
import NIOCore
import NIOSSL
import SwiftASN1
import X509

/// Mutual TLS for a server's or a client's connections (双向 TLS): this side's certificate chain and key
/// (in `context`) and the check every peer's chain must pass (`verifier`).
///
/// Both sides present a certificate and both verify the other's; the frames inside are the same bytes
/// as over plain TCP. The verifier replaces BoringSSL's own chain building, so what a peer is trusted
/// with is decided in one place, in Swift.
public struct RPCTLS: Sendable {
    public var context: NIOSSLContext
    public var verifier: any RPCPeerVerifier

    public init(context: NIOSSLContext, verifier: any RPCPeerVerifier) {
        self.context = context
        self.verifier = verifier
    }

    /// The callback NIOSSL runs with the presented chain: the verifier runs off the event loop and the
    /// validated chain is kept by the TLS handler, where the connection reads the peer's certificate.
    func verificationCallback(
        logger: Logger, onRefused: @escaping @Sendable () -> Void = {}
    ) -> NIOSSLCustomVerificationCallbackWithMetadata {
        let verifier = self.verifier
        return { presented, promise in
            Task {
                do {
                    let chain = try await verifier.validate(presented: try presented.map(Self.x509))
                    promise.succeed(.certificateVerified(VerificationMetadata(
                        ValidatedCertificateChain(try chain.map(Self.nioSSL)))))
                } catch {
                    logger.warning("peer certificate refused", metadata: ["reason": "\(error)"])
                    onRefused()
                    promise.succeed(.failed)
                }
            }
        }
    }

    static func x509(_ certificate: NIOSSLCertificate) throws -> Certificate {
        try Certificate(derEncoded: certificate.toDERBytes())
    }

    /// A certificate as NIOSSL holds it (DER, re-parsed by BoringSSL).
    public static func nioSSL(_ certificate: Certificate) throws -> NIOSSLCertificate {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return try NIOSSLCertificate(bytes: serializer.serializedBytes, format: .der)
    }
}
