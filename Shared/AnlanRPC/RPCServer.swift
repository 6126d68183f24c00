import AnlanWire
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle

/// A TCP server for Anlan frames, run as a swift-service-lifecycle `Service`.
///
/// `run()` binds, serves until graceful shutdown (SIGTERM/SIGINT through the `ServiceGroup`), then drains:
/// it stops accepting, sends GOAWAY on every connection, lets in-flight requests finish (up to
/// `drainTimeout`) and closes.
public final class RPCServer: Service, Sendable {
    public let configuration: RPCServerConfiguration
    public let statistics: ServerStatistics
    private let router: RPCRouter
    private let group: any EventLoopGroup
    private let logger: Logger
    private let bound: EventLoopPromise<SocketAddress>
    private let connections = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])

    public init(
        configuration: RPCServerConfiguration,
        router: RPCRouter,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.configuration = configuration
        self.router = router
        self.group = group
        self.logger = logger
        self.statistics = ServerStatistics(methods: router.methods)
        self.bound = group.any().makePromise(of: SocketAddress.self)
    }

    /// The address the server listens on, once bound (awaits the bind).
    public var localAddress: SocketAddress {
        get async throws { try await bound.futureResult.get() }
    }

    /// The port the server listens on, once bound.
    public var port: Int {
        get async throws { try await localAddress.port ?? 0 }
    }

    /// Connections open right now.
    public var connectionCount: Int { connections.withLockedValue { $0.count } }

    public func run() async throws {
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.maxMessagesPerRead, value: 16)
                .childChannelInitializer { [self] child in
                    child.eventLoop.makeCompletedFuture {
                        try RPCPipeline.configureServer(child.pipeline.syncOperations, router: router,
                                                        configuration: configuration, stats: statistics, logger: logger)
                        self.track(child)
                    }
                }
                .bind(host: configuration.host, port: configuration.port)
                .get()
        } catch {
            bound.fail(error)
            throw error
        }
        bound.succeed(channel.localAddress!)
        logger.info("listening", metadata: ["address": "\(channel.localAddress!)"])

        try await withTaskCancellationOrGracefulShutdownHandler {
            try await channel.closeFuture.get()
        } onCancelOrGracefulShutdown: {
            channel.close(promise: nil)
        }
        await drain(reason: "server shutting down")
        logger.info("stopped")
    }

    private func track(_ child: any Channel) {
        statistics.connectionsAccepted.add(1)
        let key = ObjectIdentifier(child)
        connections.withLockedValue { $0[key] = child }
        child.closeFuture.whenComplete { [connections] _ in
            connections.withLockedValue { _ = $0.removeValue(forKey: key) }
        }
    }

    /// GOAWAY on every connection, wait for them to finish, close what is left after `drainTimeout`.
    private func drain(reason: String) async {
        let open = connections.withLockedValue { Array($0.values) }
        for connection in open {
            connection.pipeline.fireUserInboundEventTriggered(ServerDrainEvent(reason: reason))
        }
        let clock = ContinuousClock()
        let giveUp = clock.now + configuration.drainTimeout
        while connectionCount > 0, clock.now < giveUp, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(10))
        }
        let stragglers = connections.withLockedValue { Array($0.values) }
        if !stragglers.isEmpty {
            logger.warning("closing connections that did not drain in time", metadata: ["count": "\(stragglers.count)"])
            for connection in stragglers { connection.close(promise: nil) }
        }
    }
}
