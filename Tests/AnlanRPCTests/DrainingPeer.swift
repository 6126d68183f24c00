import AnlanWire
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A bare TCP server that plays a draining node: on its first connection it answers HELLO, then meets
/// the first REQUEST with GOAWAY (last request id 0: the request was never taken) and closes; every later
/// connection echoes each request's payload back. It counts connections and requests.
final class DrainingPeer: Sendable {
    let channel: any Channel
    private let counts = NIOLockedValueBox((connections: 0, requests: 0))

    var connections: Int { counts.withLockedValue { $0.connections } }
    var requests: Int { counts.withLockedValue { $0.requests } }
    var port: Int { channel.localAddress!.port! }

    private final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = Frame
        typealias OutboundOut = ByteBuffer
        let drains: Bool
        let peer: DrainingPeer
        init(drains: Bool, peer: DrainingPeer) { self.drains = drains; self.peer = peer }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let frame = unwrapInboundIn(data)
            switch frame.kind {
            case .hello:
                write(Frame(.hello, payload: Hello().encoded()), context: context)
            case .request:
                peer.counts.withLockedValue { $0.requests += 1 }
                if drains {
                    write(Frame(.goAway, payload: GoAway(lastRequestID: 0, reason: "idle").encoded()), context: context)
                    context.close(promise: nil)
                } else {
                    write(Frame(.response, requestID: frame.requestID, method: frame.header.method, payload: frame.payload),
                          context: context)
                }
            default:
                break
            }
        }

        private func write(_ frame: Frame, context: ChannelHandlerContext) {
            guard let bytes = try? FrameEncoder.encode(frame) else { return }
            context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
        }
    }

    init() async throws {
        let box = NIOLockedValueBox<DrainingPeer?>(nil)
        self.channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let peer = box.withLockedValue { $0! }
                    let first = peer.counts.withLockedValue { counts in
                        counts.connections += 1
                        return counts.connections == 1
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(Handler(drains: first, peer: peer))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        box.withLockedValue { $0 = self }
    }

    func close() async { try? await channel.close() }
}
