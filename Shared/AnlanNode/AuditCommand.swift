import AnlanRPC
import AnlanWire
import ArgumentParser
import Foundation

/// `probe audit`: a running node's audit records, newest first — who changed what, when, from where,
/// and what it refused.
public struct AuditCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "A node's audit records (审计): its writes and refusals, newest first.")

    @OptionGroup public var options: ProbeOptions
    @Option(help: "Only the last this many minutes.") var minutes: Int?
    @Option(help: "Only callers whose name contains this text.") var who = ""
    @Option(help: "Only this method, e.g. hazard.hidden.transition.") var method = ""
    @Option(help: "At most this many records (1…1000).") var limit: UInt32 = 50

    public init() {}

    public func run() async throws {
        var query = AuditQuery(who: who, method: method, limit: limit)
        if let minutes { query.since = Int64((Date().timeIntervalSince1970 - Double(minutes) * 60) * 1000) }
        try await options.run { client in
            let page = try await client.call(NodeMethods.audit, query)
            let formatter = ISO8601DateFormatter()
            let lines = page.records.map { record in
                let at = formatter.string(from: Date(timeIntervalSince1970: Double(record.at) / 1000))
                return "\(at)  \(record.method) [\(record.access)] by \(record.who) from \(record.from): \(record.outcome)\n    \(record.request)"
            }
            try options.emit(page, text: lines.isEmpty ? "no audit records" : lines.joined(separator: "\n"))
        }
    }
}
