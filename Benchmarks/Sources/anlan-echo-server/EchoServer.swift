import AnlanNode
import AnlanRPC
import AnlanWire
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

/// Serves `node.echo` on the Anlan runtime until SIGTERM; prints the bound port on stdout.
@main
struct EchoServer: AsyncParsableCommand {
    @Option var port = 0
    @Option var portFile: String?

    func run() async throws {
        var logger = Logger(label: "anlan-echo-server")
        logger.logLevel = .warning
        var router = RPCRouter()
        router.inline(NodeMethods.echo) { request, _ in request }
        let server = RPCServer(configuration: RPCServerConfiguration(port: port), router: router, logger: logger)
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let bound = try await server.port
            if let portFile { try "\(bound)\n".write(toFile: portFile, atomically: true, encoding: .utf8) }
            try await tasks.waitForAll()
        }
    }
}
