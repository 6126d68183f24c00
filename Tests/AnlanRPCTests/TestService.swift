import AnlanRPC
import AnlanTestSupport
import AnlanWire
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// A request or answer of the test methods: bytes, an optional delay and an optional answer size.
struct Blob: WireMessage, Hashable {
    var data = ByteBuffer()
    var delayMilliseconds: UInt32 = 0
    var answerSize: UInt32 = 0

    init(data: ByteBuffer = ByteBuffer(), delayMilliseconds: UInt32 = 0, answerSize: UInt32 = 0) {
        self.data = data
        self.delayMilliseconds = delayMilliseconds
        self.answerSize = answerSize
    }

    init(_ text: String, delay: UInt32 = 0) { self.init(data: ByteBuffer(string: text), delayMilliseconds: delay) }

    init(from reader: inout WireReader) throws(WireError) {
        while let field = try reader.nextField() {
            switch field.number {
            case 1: data = try reader.readBytes(field)
            case 2: delayMilliseconds = try reader.readUInt(field)
            case 3: answerSize = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    func encode(to writer: inout WireWriter) {
        writer.write(1, bytes: data)
        if delayMilliseconds != 0 { writer.write(2, uint: delayMilliseconds) }
        if answerSize != 0 { writer.write(3, uint: answerSize) }
    }

    var text: String { String(buffer: data) }
}

enum TestMethods {
    static let echo = RPCMethod<Blob, Blob>(id: 0x0F01, name: "test.echo", access: .connection)
    static let slowEcho = RPCMethod<Blob, Blob>(id: 0x0F02, name: "test.slowEcho", access: .connection)
    static let sized = RPCMethod<Blob, Blob>(id: 0x0F03, name: "test.sized", access: .connection)
    static let count = RPCMethod<Blob, Blob>(id: 0x0F04, name: "test.count", access: .connection)
    static let hold = RPCMethod<Blob, Blob>(id: 0x0F05, name: "test.hold", access: .connection)
    static let whereRun = RPCMethod<Blob, Blob>(id: 0x0F06, name: "test.whereRun", access: .connection)
    static let whereRunOnLoop = RPCMethod<Blob, Blob>(id: 0x0F07, name: "test.whereRunOnLoop", access: .connection)
    static let credential = RPCMethod<Blob, Blob>(id: 0x0F08, name: "test.credential", access: .read)
    static let missing = RPCMethod<Blob, Blob>(id: 0x0FFF, name: "test.missing", access: .connection)
}

/// What the test handlers observed.
final class Observations: Sendable {
    let running = Atomic<Int>(0)
    let maxRunning = Atomic<Int>(0)
    let cancelled = Atomic<Int>(0)
    let completed = Atomic<Int>(0)
}

func testRouter(_ seen: Observations) -> RPCRouter {
    var router = RPCRouter()
    router.inline(TestMethods.echo) { request, _ in request }
    router.async(TestMethods.slowEcho) { request, _ in
        let now = seen.running.wrappingAdd(1, ordering: .relaxed).newValue
        _ = seen.maxRunning.max(now, ordering: .relaxed)
        defer { seen.running.wrappingSubtract(1, ordering: .relaxed) }
        do {
            try await Task.sleep(for: .milliseconds(Int(request.delayMilliseconds)))
        } catch {
            seen.cancelled.wrappingAdd(1, ordering: .relaxed)
            throw error
        }
        seen.completed.wrappingAdd(1, ordering: .relaxed)
        return request
    }
    // Whether the handler runs on its connection's event loop, before and after it awaits.
    let whereRun: @Sendable (Blob, RPCRequestContext) async throws -> Blob = { _, context in
        let before = context.eventLoop.inEventLoop
        try await Task.sleep(for: .milliseconds(5))
        return Blob("\(before) \(context.eventLoop.inEventLoop)")
    }
    router.async(TestMethods.whereRun, whereRun)
    router.async(TestMethods.whereRunOnLoop, runsOnEventLoop: true, whereRun)
    // The credential the request carried, the one this task's own calls would carry, and the request's size.
    router.async(TestMethods.credential) { request, context in
        Blob("\(context.credential?.token ?? "-") \(RPCCredential.current?.token ?? "-") \(request.data.readableBytes)")
    }
    router.inline(TestMethods.sized) { request, _ in
        Blob(data: ByteBuffer(repeating: UInt8(ascii: "a"), count: Int(request.answerSize)))
    }
    router.stream(TestMethods.hold) { request, _, writer in
        try await writer.send(request)
        try await Task.sleep(for: .seconds(60))  // like a watch: until the caller goes away
    }
    router.stream(TestMethods.count) { request, _, writer in
        for i in 0..<Int(request.answerSize) {
            try await writer.send(Blob("\(i)"))
        }
    }
    return router
}

/// Runs a real server on 127.0.0.1 port 0 in a `ServiceGroup`, hands its port to `body`, then shuts down.
func withTestServer<T>(
    configuration: RPCServerConfiguration = RPCServerConfiguration(),
    seen: Observations = Observations(),
    _ body: (RPCServer, Int) async throws -> T
) async throws -> T {
    var logger = Logger(label: "test-server")
    logger.logLevel = .critical
    let server = RPCServer(configuration: configuration, router: testRouter(seen), logger: logger)
    return try await withServiceGroup([server], logger: logger) {
        try await body(server, try await server.port)
    }
}

/// A bare TCP peer that sends raw bytes and collects the frames it receives until the server closes.
final class RawPeer: Sendable {
    let channel: any Channel
    let frames: AsyncStream<Frame>

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = Frame
        let continuation: AsyncStream<Frame>.Continuation
        init(_ continuation: AsyncStream<Frame>.Continuation) { self.continuation = continuation }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { continuation.yield(unwrapInboundIn(data)) }
        func channelInactive(context: ChannelHandlerContext) { continuation.finish() }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
    }

    init(port: Int) async throws {
        let (frames, continuation) = AsyncStream<Frame>.makeStream()
        self.frames = frames
        self.channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(Collector(continuation))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
    }

    func send(_ bytes: ByteBuffer) async throws {
        try await channel.writeAndFlush(bytes)
    }

    func send(_ frame: Frame) async throws {
        try await send(try FrameEncoder.encode(frame))
    }

    func hello() async throws -> Frame? {
        try await send(Frame(.hello, payload: Hello().encoded()))
        var iterator = frames.makeAsyncIterator()
        return await iterator.next()
    }

    /// All frames received until the server closes the connection.
    func collectUntilClosed() async -> [Frame] {
        var all: [Frame] = []
        for await frame in frames { all.append(frame) }
        return all
    }
}
