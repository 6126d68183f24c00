import AnlanIdentity
import AnlanNode
import AnlanRPC
import AnlanWire
import BenchSupport
import Logging
import Metrics
import ServiceLifecycle

/// Serves `node.echo` on the Anlan runtime until SIGTERM; writes its port to `--port-file`. Its metrics
/// go to Prometheus, labelled with the node, as a real node's do (`NodeServer`).
@main
struct EchoServer {
    static func main() async throws {
        var logger = Logger(label: "anlan-echo-server")
        logger.logLevel = .warning
        var router = RPCRouter()
        router.inline(NodeMethods.echo) { request, _ in request }
        NodeMetrics.bootstrap()
        // With --pki: mutual TLS as every node runs it (the chain checked by AnlanPeerVerifier).
        let tls = try BenchPKI.argument.map { directory in
            try NodeCredentials.load(from: PKIDirectory(directory),
                                     name: NodeName(region: BenchPKI.serverRegion, service: BenchPKI.serverService)).serverTLS()
        }
        let server = withMetricsFactory(NodeMetrics.factory(labellingNode: "bench-echo")) {
            RPCServer(configuration: RPCServerConfiguration(port: 0, tls: tls), router: router, logger: logger)
        }
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            if let path = PortFile.argument { try PortFile.write(try await server.port, to: path) }
            try await tasks.waitForAll()
        }
    }
}
