import AnlanWire

/// What `node.metrics` answers: the node's metrics in Prometheus' text exposition format.
@WireMessage
public struct MetricsText: Hashable, Codable, Sendable {
    /// Prometheus text format 0.0.4.
    @Field(1) public var text: String = ""
}
