import BenchSupport
import NIOCore
import NIOPosix
import NIOSSL

/// Matches answers to calls in order (the raw echo has no request ids) and coalesces flushes per tick,
/// the same client shape as Anlan's, so the comparison measures the protocol and runtime, not the driver.
final class NIOClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var waiting = CircularBuffer<EventLoopPromise<Int>>()
    private var context: ChannelHandlerContext!
    private var flushScheduled = false

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func send(_ payload: ByteBuffer, promise: EventLoopPromise<Int>) {
        waiting.append(promise)
        context.write(wrapOutboundOut(payload), promise: nil)
        guard !flushScheduled else { return }
        flushScheduled = true
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            handler.value.flushScheduled = false
            handler.value.context.flush()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        waiting.popFirst()?.succeed(unwrapInboundIn(data).readableBytes)
    }

    func channelInactive(context: ChannelHandlerContext) {
        while let promise = waiting.popFirst() { promise.fail(ChannelError.ioOnClosedChannel) }
    }
}

/// One raw length-prefixed connection.
struct NIOEchoClient: EchoClient {
    let channel: any Channel
    let handler: NIOLoopBoundBox<NIOClientHandler?>
    let payload: ByteBuffer

    init(port: Int, payload: [UInt8], pki: String?) async throws {
        let tls = try pki.map { directory in
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(
                BenchPKI.certificate(directory, BenchPKI.clientService)).map { .certificate($0) }
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: BenchPKI.key(directory, BenchPKI.clientService), format: .pem))
            configuration.trustRoots = .file(BenchPKI.root(directory))
            configuration.certificateVerification = .noHostnameVerification
            configuration.minimumTLSVersion = .tlsv13
            return try NIOSSLContext(configuration: configuration)
        }
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        let box = NIOLoopBoundBox.makeEmptyBox(valueType: NIOClientHandler.self, eventLoop: eventLoop)
        channel = try await ClientBootstrap(group: eventLoop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: nil))
                    }
                    try RawFraming.configure(channel.pipeline.syncOperations)
                    let handler = NIOClientHandler()
                    box.value = handler
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        handler = box
        self.payload = ByteBuffer(bytes: payload)
    }

    func echo() async throws -> Int {
        let promise = channel.eventLoop.makePromise(of: Int.self)
        let handler = self.handler, payload = self.payload
        channel.eventLoop.execute { handler.value!.send(payload, promise: promise) }
        return try await promise.futureResult.get()
    }

    func close() async { try? await channel.close() }
}
