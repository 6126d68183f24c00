import AnlanWire
import Logging
import NIOCore

/// The one place where connection pipelines are put together, for servers and clients alike.
///
/// Order, socket side first: [TLS, to come] → frame decoder → (server: idle timer) → connection handler.
/// Outbound bytes are framed by the connection handlers themselves.
enum RPCPipeline {
    static func configureServer(
        _ pipeline: ChannelPipeline.SynchronousOperations,
        router: RPCRouter,
        configuration: RPCServerConfiguration,
        stats: ServerStatistics,
        logger: Logger
    ) throws {
        try pipeline.addHandler(ByteToMessageHandler(FrameDecoder(maxFrameSize: configuration.limits.maxFrameSize)))
        try pipeline.addHandler(IdleStateHandler(allTimeout: configuration.idleTimeout))
        try pipeline.addHandler(ServerConnectionHandler(router: router, configuration: configuration, stats: stats,
                                                        logger: logger))
    }

    static func configureClient(
        _ pipeline: ChannelPipeline.SynchronousOperations,
        handler: ClientConnectionHandler,
        limits: WireLimits
    ) throws {
        try pipeline.addHandler(ByteToMessageHandler(FrameDecoder(maxFrameSize: limits.maxFrameSize)))
        try pipeline.addHandler(handler)
    }
}
