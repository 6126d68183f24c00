import AnlanRPC
import Logging
import NIOConcurrencyHelpers

/// One node's audit (审计): what its router and authorizer report (`RPCAuditSink`), kept in the
/// `AuditStore` beside its database before the caller is answered, and listed by `node.audit`.
public struct AuditLog: RPCAuditSink {
    public let node: String
    let store: AuditStore
    let logger: Logger

    /// The audit log of `node`, whose database is `databasePath` (nodes sharing a database share one
    /// store, opened once per process).
    public static func open(node: String, databasePath: String, logger: Logger) throws -> AuditLog {
        let path = (databasePath.hasSuffix(".sqlite") ? String(databasePath.dropLast(7)) : databasePath) + ".audit.sqlite"
        let store = try opened.withLockedValue { stores in
            if let store = stores[path] { return store }
            let store = try AuditStore(path: path)
            stores[path] = store
            return store
        }
        return AuditLog(node: node, store: store, logger: logger)
    }

    private static let opened = NIOLockedValueBox<[String: AuditStore]>([:])

    public func record(_ entry: RPCAuditEntry) async {
        do {
            try await store.append(AuditRecord(at: entry.at, node: node, who: entry.who, method: entry.method,
                                               access: entry.access.rawValue, from: entry.from, request: entry.request,
                                               outcome: entry.outcome))
        } catch {
            logger.error("audit record not kept", metadata: ["method": "\(entry.method)", "who": "\(entry.who)", "error": "\(error)"])
        }
    }

    public func records(_ query: AuditQuery) async throws -> AuditPage {
        AuditPage(records: try await store.records(of: node, query))
    }
}
