import AnlanNode
import Foundation
import GatewayAPI
import GatewayService
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle

/// A gateway's HTTP port (`gateway serve --http-port`): the duty-room screen (`/`), the phone page
/// (`/phone`), their JSON API (`/api/…`) and the live feed, `/metrics` and `/openapi.yaml`
/// (docs/SCREEN.md). Hummingbird on the node's own event loops, run as one of the node's background
/// services: it starts and stops with the node, and its open live feeds end when the node drains.
///
/// Every route calls the same `Gateway` functions the binary methods call; the only state it adds is
/// the live feed's list of connected screens.
public struct GatewayHTTPServer: Service {
    let gateway: Gateway
    /// The node id whose metrics `/metrics` shows (`<region>-gateway` unless `--node-id` says).
    let nodeID: String
    let host: String
    let port: Int
    /// Where the bound port is written once listening (for tests and scripts that bind port 0).
    let portFile: String?
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger
    /// The one live feed every screen of this gateway shares.
    let feed: LiveFeed<ScreenFrame>
    let assets: ScreenAssets
    /// Signs people in and makes every API request act for one (nil: the screen is open, as on a
    /// plaintext node).
    let signIn: ScreenSignIn?

    /// - Parameter eventLoopGroup: the loops the node's RPC server runs on (NodeServer's: the singleton).
    public init(gateway: Gateway, nodeID: String, host: String = "127.0.0.1", port: Int, portFile: String? = nil,
                eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, feedInterval: Duration = .milliseconds(500),
                signIn: ScreenSignIn? = nil, logger: Logger) {
        self.gateway = gateway
        self.nodeID = nodeID
        self.host = host
        self.port = port
        self.portFile = portFile
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        let last = NIOLockedValueBox<ScreenFrame?>(nil)
        feed = LiveFeed(interval: feedInterval, compose: { await Self.frame(of: gateway, last: last) }, isNews: { $0.isNews(after: $1) })
        assets = ScreenAssets()
        self.signIn = signIn
    }

    public func run() async throws {
        let router = Router()
        let declared = DeclaredRoutes(openAPI: String(buffer: try ScreenAssets.openAPI()))
        router.add(middleware: APIErrorMiddleware<BasicRequestContext>(declared: declared))
        if let signIn { router.add(middleware: SessionMiddleware<BasicRequestContext>(signIn: signIn)) }
        addScreen(to: router)
        addSession(to: router)
        addAPI(to: router)
        let portFile = portFile
        let logger = logger
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "anlan-gateway"),
            onServerRunning: { channel in
                guard let portFile, let port = channel.localAddress?.port else { return }
                do {
                    try "\(port)\n".write(toFile: portFile + ".tmp", atomically: false, encoding: .utf8)
                    _ = rename(portFile + ".tmp", portFile)
                } catch {
                    logger.error("cannot write the HTTP port file", metadata: ["path": "\(portFile)", "error": "\(error)"])
                }
            },
            eventLoopGroupProvider: .shared(eventLoopGroup), logger: logger)
        let feed = feed
        defer { feed.close() }
        // Open live feeds never end by themselves: ended here, so the server's drain does not wait on them.
        try await withGracefulShutdownHandler {
            try await application.run()
        } onGracefulShutdown: {
            feed.close()
        }
    }

    /// The live feed's next frame: the gateway's own summary and its counties, both at the default max
    /// age (from the standing summaries); nil when the summary cannot be had. The counties (a province's
    /// are a request to each city) are asked only when the summary was recomposed since `last`.
    static func frame(of gateway: Gateway, last: NIOLockedValueBox<ScreenFrame?>) async -> ScreenFrame? {
        guard let summary = try? await gateway.summary(SummaryRequest(), deadline: nil) else { return nil }
        let previous = last.withLockedValue { $0 }
        if let previous, previous.summary.asOfMilliseconds == summary.asOfMilliseconds { return previous }
        let counties = (try? await gateway.counties(deadline: nil)) ?? []
        guard let frame = try? ScreenFrame(summary: summary, counties: counties, previous: previous) else { return nil }
        last.withLockedValue { $0 = frame }
        return frame
    }
}
