import AnlanWire
import Foundation

/// One audit record: who did what, when, from where, and how it ended.
public struct RPCAuditEntry: Sendable, Hashable {
    /// Milliseconds since 1970.
    public var at: Int64
    /// The authenticated caller's `auditName` (or, for a refusal, whom the request claimed to be).
    public var who: String
    public var method: String
    public var access: RPCAccess
    /// The caller's address.
    public var from: String
    /// The request as the handler received it (shortened to `RPCAuditEntry.maxRequestLength`).
    public var request: String
    /// "ok", or the status and message it failed with (a refusal: `permission denied: …`).
    public var outcome: String

    /// The longest request text kept.
    public static let maxRequestLength = 400

    public init(at: Int64, who: String, method: String, access: RPCAccess, from: String, request: String, outcome: String) {
        self.at = at
        self.who = who
        self.method = method
        self.access = access
        self.from = from
        self.request = request.count > Self.maxRequestLength ? String(request.prefix(Self.maxRequestLength)) + "…" : request
        self.outcome = outcome
    }

    /// The record of `request`, received in `context`, made now.
    public init(_ access: RPCAccess, _ request: some WireMessage, _ context: RPCRequestContext, who: String, outcome: String) {
        self.init(at: Int64((Date().timeIntervalSince1970 * 1000).rounded()), who: who, method: context.method, access: access,
                  from: context.remoteAddress.map { "\($0)" } ?? "", request: "\(request)", outcome: outcome)
    }

    /// Whether requests of `access` are audited: the writes (keeping, commanding, field work,
    /// confirming). Reads, discovery and registration heartbeats are not.
    public static func audits(_ access: RPCAccess) -> Bool {
        switch access {
        case .maintain, .command, .field, .confirm: true
        case .connection, .registration, .discovery, .read: false
        }
    }
}
