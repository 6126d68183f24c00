import AnlanNode
import Foundation
import GatewayService
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// A gateway's HTTP port (`gateway serve --http-port`): the duty-room screen (`/`), the phone page
/// (`/phone`), their JSON API (`/api/…`) and the live feed, `/metrics` and `/openapi.yaml`
/// (docs/SCREEN.md). Hummingbird on the node's own event loops, run as one of the node's background
/// services: it starts and stops with the node.
///
/// Every route calls the same `Gateway` functions the binary methods call.
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
    let assets: ScreenAssets

    /// - Parameter eventLoopGroup: the loops the node's RPC server runs on (NodeServer's: the singleton).
    public init(gateway: Gateway, nodeID: String, host: String = "127.0.0.1", port: Int, portFile: String? = nil,
                eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger) {
        self.gateway = gateway
        self.nodeID = nodeID
        self.host = host
        self.port = port
        self.portFile = portFile
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        assets = ScreenAssets()
    }

    public func run() async throws {
        let router = Router()
        router.add(middleware: APIErrorMiddleware<BasicRequestContext>())
        addScreen(to: router)
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
        try await application.run()
    }
}
