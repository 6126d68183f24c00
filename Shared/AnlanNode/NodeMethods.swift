import AnlanRPC
import AnlanWire

/// Methods every node answers (ids 0x0001–0x00FF are reserved for these).
@WireMethods
public enum NodeMethods {
    /// What the node is and holds; used by `probe info`.
    public static let info = RPCMethod<EmptyMessage, NodeInfo>(id: 0x0001, name: "node.info", access: .connection)
    /// Answered inline on the event loop: the cheapest round trip a node offers (connectivity checks,
    /// benchmarks). Returns field 1's bytes unchanged: the request is decoded and re-encoded like any
    /// other, so any other field is dropped and the answer is field 1 alone, in canonical encoding.
    public static let echo = RPCMethod<Echo, Echo>(id: 0x0002, name: "node.echo", access: .connection)
    /// The node's swift-metrics figures (the runtime's per-method latency and failures) in Prometheus'
    /// text format; used by `probe metrics`.
    public static let metrics = RPCMethod<EmptyMessage, MetricsText>(id: 0x0003, name: "node.metrics", access: .connection)
    /// The node's audit records (writes let through, requests refused), newest first; used by
    /// `probe audit`. Empty on a plaintext node, which knows no identities. Fails with `invalidArgument`.
    public static let audit = RPCMethod<AuditQuery, AuditPage>(id: 0x0004, name: "node.audit", access: .read)
}
