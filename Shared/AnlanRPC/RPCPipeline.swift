import AnlanWire
import Logging
import NIOCore

/// The one place where connection pipelines are put together, for servers and clients alike.
///
/// Order, socket side first: [TLS, to come] → connection handler. The connection handlers decode and
/// encode frames themselves (so only `ByteBuffer`s travel the pipeline) and keep their own idle check.
enum RPCPipeline {
    static func configureServer(
        _ pipeline: ChannelPipeline.SynchronousOperations,
        router: RPCRouter,
        configuration: RPCServerConfiguration,
        stats: ServerStatistics,
        logger: Logger
    ) throws {
        try pipeline.addHandler(ServerConnectionHandler(router: router, configuration: configuration, stats: stats,
                                                        logger: logger))
    }

    static func configureClient(
        _ pipeline: ChannelPipeline.SynchronousOperations,
        handler: ClientConnectionHandler
    ) throws {
        try pipeline.addHandler(handler)
    }
}
