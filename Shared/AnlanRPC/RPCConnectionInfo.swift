import AnlanWire
import Logging
import NIOCore
import X509

/// The facts of one server connection that every request on it shares: who the peer is (its HELLO),
/// where it connects from, the certificate it proved over TLS, the connection's logger and event loop
/// (and a task executor on that loop).
public final class RPCConnectionInfo: Sendable {
    public let peer: Hello
    /// The peer's certificate, validated in the TLS handshake; nil on a plain connection.
    public let peerCertificate: Certificate?
    public let remoteAddress: SocketAddress?
    public let logger: Logger
    public let eventLoop: any EventLoop
    /// Runs the connection's event-loop handlers' tasks (`RPCRouter.async(_:runsOnEventLoop:_:)`).
    let executor: EventLoopTaskExecutor

    init(peer: Hello, peerCertificate: Certificate?, remoteAddress: SocketAddress?, logger: Logger, eventLoop: any EventLoop) {
        self.peer = peer
        self.peerCertificate = peerCertificate
        self.remoteAddress = remoteAddress
        self.logger = logger
        self.eventLoop = eventLoop
        self.executor = EventLoopTaskExecutor(eventLoop: eventLoop)
    }
}
