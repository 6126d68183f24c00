/// Where a node keeps its audit records (审计): every write its router let through (with how it
/// ended) and every request its authorizer refused. AnlanNode's `AuditLog` keeps them in SQLite.
public protocol RPCAuditSink: Sendable {
    /// Keeps `entry` before the caller is answered (a failure to keep it is logged, not answered).
    func record(_ entry: RPCAuditEntry) async
}
