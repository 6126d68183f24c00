import AnlanWire
import Logging
import NIOCore

/// The facts of one server connection that every request on it shares: who the peer is (its HELLO),
/// where it connects from, the connection's logger and event loop (and a task executor on that loop).
public final class RPCConnectionInfo: Sendable {
    public let peer: Hello
    public let remoteAddress: SocketAddress?
    public let logger: Logger
    public let eventLoop: any EventLoop
    /// Runs the connection's event-loop handlers' tasks (`RPCRouter.async(_:runsOnEventLoop:_:)`).
    let executor: EventLoopTaskExecutor

    init(peer: Hello, remoteAddress: SocketAddress?, logger: Logger, eventLoop: any EventLoop) {
        self.peer = peer
        self.remoteAddress = remoteAddress
        self.logger = logger
        self.eventLoop = eventLoop
        self.executor = EventLoopTaskExecutor(eventLoop: eventLoop)
    }
}
