import BenchSupport
import NIOCore
import NIOPosix
import NIOSSL

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
        // With --pki: mutual TLS 1.3 as a plain NIO server does it (BoringSSL verifies the client's chain).
        let tls = try BenchPKI.argument.map { directory in
            var configuration = TLSConfiguration.makeServerConfigurationWithMTLS(
                certificateChain: try NIOSSLCertificate.fromPEMFile(BenchPKI.certificate(directory, BenchPKI.serverService)).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: BenchPKI.key(directory, BenchPKI.serverService), format: .pem)),
                trustRoots: .file(BenchPKI.root(directory)))
            configuration.minimumTLSVersion = .tlsv13
            return try NIOSSLContext(configuration: configuration)
        }
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try RawFraming.configure(channel.pipeline.syncOperations)
                    try channel.pipeline.syncOperations.addHandler(EchoHandler())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        if let path = PortFile.argument { try PortFile.write(channel.localAddress!.port!, to: path) }
        try await channel.closeFuture.get()
    }
}
