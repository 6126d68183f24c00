import AnlanWire

/// How a client reaches one server.
public struct RPCClientConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Time allowed for TCP connect plus the HELLO exchange (default 2 s).
    public var connectTimeout: Duration
    /// Deadline for calls that do not give their own (default 10 s).
    public var defaultTimeout: Duration
    /// First wait after a failed connect; doubles per failure up to `maxBackoff` (defaults 50 ms, 5 s).
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    public var limits: WireLimits
    public var compressionThreshold: Int
    /// What this client says of itself in its HELLO.
    public var hello: Hello
    /// Mutual TLS: this client's certificate and the check of the server's; nil: plain TCP.
    public var tls: RPCTLS?

    public init(
        host: String,
        port: Int,
        connectTimeout: Duration = .seconds(2),
        defaultTimeout: Duration = .seconds(10),
        initialBackoff: Duration = .milliseconds(50),
        maxBackoff: Duration = .seconds(5),
        limits: WireLimits = .defaults,
        compressionThreshold: Int = 1024,
        hello: Hello = Hello(),
        tls: RPCTLS? = nil
    ) {
        self.host = host
        self.port = port
        self.connectTimeout = connectTimeout
        self.defaultTimeout = defaultTimeout
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.limits = limits
        self.compressionThreshold = compressionThreshold
        self.hello = hello
        self.tls = tls
    }
}
