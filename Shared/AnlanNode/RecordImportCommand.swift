import AnlanRecords
import ArgumentParser
import Logging

/// A record service's `import` command: it loads a CSV file straight into a node's database (the node
/// may be running) and prints what every service's import prints — the report's summary, the time
/// it took and its rate — failing with exit code 3 when a row was rejected.
public protocol RecordImportCommand: AsyncParsableCommand {
    /// The node kind whose database is loaded (its name labels the log).
    associatedtype Node: NodeService
    associatedtype Records: CSVImporting
    /// Opens the node's database and builds its service (with the command's rule flags).
    func open(logger: Logger) async throws -> Records
    /// Runs the import into the opened service.
    func load(into records: Records) async throws -> ImportReport
    /// Whether a rejected row fails the command (exit code 3); true unless a service says otherwise.
    var failsOnRejectedRows: Bool { get }
}

extension RecordImportCommand {
    public var failsOnRejectedRows: Bool { true }

    public func run() async throws {
        let records = try await open(logger: .localCommand(Node.kind))
        let started = ContinuousClock.now
        let report = try await load(into: records)
        print(report.summary(elapsed: ContinuousClock.now - started))
        if failsOnRejectedRows && !report.rejected.isEmpty { throw ExitCode(3) }
    }
}
