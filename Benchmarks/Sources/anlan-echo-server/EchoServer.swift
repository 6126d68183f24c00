import AnlanNode
import AnlanRPC
import AnlanWire
import BenchSupport
import Logging
import ServiceLifecycle

/// Serves `node.echo` on the Anlan runtime until SIGTERM; writes its port to `--port-file`.
@main
struct EchoServer {
    static func main() async throws {
        var logger = Logger(label: "anlan-echo-server")
        logger.logLevel = .warning
        var router = RPCRouter()
        router.inline(NodeMethods.echo) { request, _ in request }
        let server = RPCServer(configuration: RPCServerConfiguration(port: 0), router: router, logger: logger)
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            if let path = PortFile.argument { try PortFile.write(try await server.port, to: path) }
            try await tasks.waitForAll()
        }
    }
}
