import AnlanWire
import Logging
import NIOCore
import X509

/// What a handler knows about the request it is serving.
public struct RPCRequestContext: Sendable {
    /// The method's name.
    public let method: String
    public let requestID: UInt32
    /// When the caller stops waiting; pass it on to downstream calls so each hop gets what is left.
    public let deadline: NIODeadline?
    /// What is the same for every request of the connection (shared, so a context costs one reference).
    public let connection: RPCConnectionInfo
    /// The person's credential the request carried (`FrameFlags.credential`), if any.
    public let credential: RPCCredential?
    /// Whom the router's authorizer authorized the request for; nil without an authorizer.
    public internal(set) var principal: (any RPCPrincipal)?

    init(method: String, requestID: UInt32, deadline: NIODeadline?, connection: RPCConnectionInfo,
         credential: RPCCredential? = nil) {
        self.method = method
        self.requestID = requestID
        self.deadline = deadline
        self.connection = connection
        self.credential = credential
        self.principal = nil
    }

    /// Who is calling, as it said in its HELLO.
    public var peer: Hello { connection.peer }
    /// The caller's certificate, validated in the TLS handshake; nil on a plain connection.
    public var peerCertificate: Certificate? { connection.peerCertificate }
    public var remoteAddress: SocketAddress? { connection.remoteAddress }
    public var logger: Logger { connection.logger }
    /// The connection's event loop: inline handlers run on it, async ones may use it for timers.
    public var eventLoop: any EventLoop { connection.eventLoop }

    /// Milliseconds left before the deadline (nil: no deadline; 0: already passed).
    public var remainingBudgetMilliseconds: UInt32? {
        guard let deadline else { return nil }
        let left = (deadline - .now()).nanoseconds / 1_000_000
        return UInt32(clamping: max(0, left))
    }
}
