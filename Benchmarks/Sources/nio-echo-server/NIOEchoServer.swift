import BenchSupport
import NIOCore
import NIOPosix

/// Writes every frame back; flushes once per read burst.
final class EchoHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }
}

/// A length-prefixed echo on raw SwiftNIO; writes its port to `--port-file`.
@main
struct NIOEchoServer {
    static func main() async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try RawFraming.configure(channel.pipeline.syncOperations)
                    try channel.pipeline.syncOperations.addHandler(EchoHandler())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        if let path = PortFile.argument { try PortFile.write(channel.localAddress!.port!, to: path) }
        try await channel.closeFuture.get()
    }
}
