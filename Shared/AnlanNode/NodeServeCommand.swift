import ArgumentParser
import Logging

/// A service's `serve` command: it makes its node from its flags, so the same flags can also describe
/// one of many nodes in a `serve-group` process.
public protocol NodeServeCommand: AsyncParsableCommand {
    associatedtype Node: NodeService
    var options: ServeOptions { get }
    /// Opens the node's storage and builds its service.
    func makeNode(logger: Logger) async throws -> Node
}

extension NodeServeCommand {
    /// The node's database file: `--database`, or `<service>-<region>.sqlite` in the working directory.
    public var databasePath: String { options.database ?? "\(Node.kind)-\(options.region).sqlite" }

    /// `serve`'s command: the node these flags describe.
    public func run() async throws { try await serve() }

    /// Runs the one node these flags describe.
    public func serve() async throws {
        let logger = bootstrapLogging(kind: Node.kind, level: options.logLevel)
        try await NodeServer.run(try await makeNode(logger: logger), options: options, logger: logger)
    }
}

/// `serve-group --group-file F`: many nodes of one service in one process, each line of F the flags of
/// one node's `serve` (see `NodeGroupFile`). Each node keeps its own port, database and registration;
/// the whole-province mode runs a tier's 90 counties or 1,359 townships this way.
public struct ServeGroup<Serve: NodeServeCommand>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve-group", abstract: "Run many nodes of this service in one process, one per line of a group file.")
    }

    @Option(help: "The group file: one node per line, each line that node's serve flags.") var groupFile: String
    @Option(help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"

    public init() {}

    public func run() async throws {
        let logger = bootstrapLogging(kind: Serve.Node.kind, level: logLevel)
        var nodes: [(service: any NodeService, options: ServeOptions)] = []
        for (index, words) in try NodeGroupFile.nodes(path: groupFile).enumerated() {
            let serve: Serve
            do {
                serve = try Serve.parse(words)
            } catch {
                throw ValidationError("\(groupFile) node \(index + 1): \(Serve.message(for: error))")
            }
            var nodeLogger = logger
            nodeLogger[metadataKey: "region"] = "\(serve.options.region)"
            nodes.append((try await serve.makeNode(logger: nodeLogger), serve.options))
        }
        guard !nodes.isEmpty else { throw ValidationError("\(groupFile) names no nodes") }
        try await NodeServer.runGroup(nodes, logger: logger)
    }
}

/// Logs to standard error, for a process serving nodes of `kind`, at `level` (info when unknown).
private func bootstrapLogging(kind: String, level: String) -> Logger {
    LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    var logger = Logger(label: "anlan.\(kind)")
    logger.logLevel = Logger.Level(rawValue: level) ?? .info
    return logger
}
