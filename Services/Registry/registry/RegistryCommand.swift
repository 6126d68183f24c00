import AnlanDiscovery
import AnlanNode
import AnlanRegions
import ArgumentParser
import Foundation
import Logging
import RegistryService

/// `registry`: which node serves which region and service, for one tier of government.
@main
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Anlan registry: leases, lookups by region and service, watches, and the per-tier hierarchy.",
        subcommands: [Serve.self, ServeGroup<Serve>.self, Probe.self])

    struct Serve: NodeServeCommand {
        static let configuration = CommandConfiguration(abstract: "Run a registry for a region (its tier's jurisdiction).")

        @OptionGroup var options: ServeOptions

        @Option(help: "Seconds between lease sweeps.")
        var sweepInterval: Double = 1

        func makeNode(logger: Logger) async throws -> RegistryNode {
            var configuration = RegistryConfiguration()
            configuration.sweepInterval = .milliseconds(Int(sweepInterval * 1000))
            let registry = try Registry(databasePath: databasePath, regionCode: options.region,
                                        configuration: configuration, logger: logger)
            return RegistryNode(registry: registry, logger: logger)
        }
    }

    struct Probe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask a running registry.",
            subcommands: [PingCommand.self, InfoCommand.self, MetricsCommand.self, AuditCommand.self, Lookup.self, List.self, Watch.self])
    }

    struct Lookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Which instances serve a service for a region.")
        @OptionGroup var options: ProbeOptions
        @Option(help: "Service kind, e.g. material-reserve.") var service: String
        @Option(help: "Region code.") var region: String

        func run() async throws {
            try await options.run { client in
                let registry = RegistryClient(configuration: client.configuration)
                let discovery = try await registry.lookup(service: service, regionCode: region, timeout: options.timeoutDuration)
                await registry.close()
                let response = discovery.response
                var lines = response.records.isEmpty
                    ? ["no \(service) serves \(region)"]
                    : ["\(service) for \(region): matched \(response.matchedRegion) \(ProbeText.regionName(response.matchedRegion))"]
                lines += response.records.map(describe)
                try options.emit(response, text: lines.joined(separator: "\n"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "All registrations, optionally filtered.")
        @OptionGroup var options: ProbeOptions
        @Option(help: "Only this service kind.") var service = ""
        @Option(help: "Only regions in this region's subtree.") var subtree = ""

        func run() async throws {
            try await options.run { client in
                let response = try await client.call(RegistryMethods.list, ListRequest(service: service, subtreeOf: subtree))
                var lines = ["\(response.records.count) registrations at revision \(response.revision)"
                             + (response.selfPreservation ? " (self-preservation: lapsed leases kept)" : "")]
                lines += response.records.map(describe)
                try options.emit(response.records, text: lines.joined(separator: "\n"))
            }
        }
    }

    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print registry changes as they happen.")
        @OptionGroup var options: ProbeOptions
        @Option(help: "Resume after this revision (0: current state first).") var fromRevision: UInt64 = 0
        @Option(help: "Only this service kind.") var service = ""
        @Option(help: "Stop after this many events (0: until interrupted).") var count = 0

        func run() async throws {
            try await options.run { client in
                var seen = 0
                for try await event in try await client.stream(RegistryMethods.watch,
                                                               WatchRequest(fromRevision: fromRevision, service: service)) {
                    let what = event.record.map(describe) ?? ""
                    print("r\(event.revision) \(event.kind) \(what)")
                    seen += 1
                    if count > 0 && seen >= count { break }
                }
            }
        }
    }
}

private func describe(_ record: RegistrationRecord) -> String {
    let r = record.registration
    return "  \(r.service) \(r.regionCode) \(ProbeText.regionName(r.regionCode)) at \(r.address) [\(record.health), heartbeat \(record.heartbeatAgeMilliseconds) ms ago, lease \(record.leaseID)]"
}

extension WatchEvent.Kind: CustomStringConvertible {
    public var description: String {
        switch self {
        case .put: "put"
        case .delete: "delete"
        case .reset: "reset"
        }
    }
}
