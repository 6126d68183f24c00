import AnlanWire
import NIOCore

/// How an RPC server listens and what it allows each connection. Command-line flags map onto it.
public struct RPCServerConfiguration: Sendable {
    /// Address to bind (default 127.0.0.1).
    public var host: String
    /// Port to bind; 0 picks a free one (tests).
    public var port: Int
    /// Frame and payload limits for what peers send.
    public var limits: WireLimits
    /// Requests one connection may have running at once before the server stops reading (default 256).
    public var maxConcurrentRequests: Int
    /// A connection with no requests and nothing running for this long is drained and closed (checked
    /// every `idleTimeout`, so it closes after 1–2 × this; default 5 minutes).
    public var idleTimeout: TimeAmount
    /// How long a graceful shutdown waits for in-flight requests before closing connections (default 10 s).
    public var drainTimeout: Duration
    /// Payloads at least this long are compressed for peers that accept zlib (default 1 KiB).
    public var compressionThreshold: Int
    /// This node's identity as sent in its HELLO.
    public var hello: Hello
    /// Mutual TLS on every connection; nil: plain TCP (only with a node's `--insecure`).
    public var tls: RPCTLS?

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        limits: WireLimits = .defaults,
        maxConcurrentRequests: Int = 256,
        idleTimeout: TimeAmount = .minutes(5),
        drainTimeout: Duration = .seconds(10),
        compressionThreshold: Int = 1024,
        hello: Hello = Hello(),
        tls: RPCTLS? = nil
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.maxConcurrentRequests = maxConcurrentRequests
        self.idleTimeout = idleTimeout
        self.drainTimeout = drainTimeout
        self.compressionThreshold = compressionThreshold
        self.hello = hello
        self.tls = tls
    }

    /// The HELLO this server sends: `hello` with the limits and threshold it actually enforces.
    var advertisedHello: Hello {
        var mine = hello
        mine.maxConcurrentRequests = UInt32(clamping: maxConcurrentRequests)
        mine.maxFrameSize = UInt32(clamping: limits.maxFrameSize)
        mine.compressionThreshold = UInt32(clamping: compressionThreshold)
        return mine
    }
}
