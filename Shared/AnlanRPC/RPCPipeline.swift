import AnlanWire
import Logging
import NIOCore
import NIOSSL

/// The one place where connection pipelines are put together, for servers and clients alike.
///
/// Order, socket side first: TLS (when configured) → connection handler. The connection handlers decode and
/// encode frames themselves (so only `ByteBuffer`s travel the pipeline) and keep their own idle check.
enum RPCPipeline {
    static func configureServer(
        _ pipeline: ChannelPipeline.SynchronousOperations,
        router: RPCRouter,
        configuration: RPCServerConfiguration,
        stats: ServerStatistics,
        logger: Logger
    ) throws {
        if let tls = configuration.tls {
            try pipeline.addHandler(NIOSSLServerHandler(
                context: tls.context,
                customVerificationCallbackWithMetadata: tls.verificationCallback(logger: logger, onRefused: stats.peerRefused)))
        }
        try pipeline.addHandler(ServerConnectionHandler(router: router, configuration: configuration, stats: stats,
                                                        logger: logger))
    }

    static func configureClient(
        _ pipeline: ChannelPipeline.SynchronousOperations,
        tls: RPCTLS?,
        handler: ClientConnectionHandler,
        logger: Logger
    ) throws {
        if let tls {
            // No host name check: the peer is identified by its certificate's Anlan name, which the
            // verifier checks against the trust root and the region tree.
            try pipeline.addHandler(NIOSSLClientHandler(
                context: tls.context, serverHostname: nil,
                customVerificationCallbackWithMetadata: tls.verificationCallback(logger: logger)))
        }
        try pipeline.addHandler(handler)
    }
}
