import AnlanWire
import Logging
import NIOCore

/// What a handler knows about the request it is serving.
public struct RPCRequestContext: Sendable {
    /// The method's name.
    public let method: String
    public let requestID: UInt32
    /// When the caller stops waiting; pass it on to downstream calls so each hop gets what is left.
    public let deadline: NIODeadline?
    /// Who is calling, as it said in its HELLO.
    public let peer: Hello
    public let remoteAddress: SocketAddress?
    public let logger: Logger
    /// The connection's event loop: inline handlers run on it, async ones may use it for timers.
    public let eventLoop: any EventLoop

    /// Milliseconds left before the deadline (nil: no deadline; 0: already passed).
    public var remainingBudgetMilliseconds: UInt32? {
        guard let deadline else { return nil }
        let left = (deadline - .now()).nanoseconds / 1_000_000
        return UInt32(clamping: max(0, left))
    }
}
