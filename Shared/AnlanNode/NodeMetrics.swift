import Metrics
import Prometheus

/// The process's metrics backend: every swift-metrics figure recorded in the process lands in one
/// Prometheus registry, which `node.metrics` (and later the gateway's HTTP `/metrics`) renders as text.
///
/// A `serve-group` process runs many nodes, so the figures a node's server makes carry the label
/// `node` (its node id): its `anlan_rpc_duration{method="node.info",node="330106-gateway"}` and its
/// neighbour's stay apart, and `exposition(node:)` shows one node's alone.
public enum NodeMetrics {
    /// The process's registry.
    public static let registry = PrometheusCollectorRegistry()

    /// The label naming the node a figure belongs to.
    public static let nodeLabel = "node"

    /// Latency buckets for the runtime's timers: a node answers from memory in microseconds, from SQLite
    /// in milliseconds, a province-wide fan-out in about 125 ms, and deadlines are seconds (swift-prometheus'
    /// defaults start at 5 ms, where most answers would all fall in the first bucket).
    public static let durationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .milliseconds(1), .microseconds(2500), .milliseconds(10),
        .milliseconds(25), .milliseconds(100), .milliseconds(250), .seconds(1), .milliseconds(2500), .seconds(10),
    ]

    /// Makes `registry` swift-metrics' backend. The metrics system can be bootstrapped once per process, so
    /// only the first call does it and later ones do nothing: every `serve`, `serve-group` and test may call
    /// it. (A process that bootstraps swift-metrics with another backend itself must not call it.)
    public static func bootstrap() {
        _ = bootstrapped
    }

    private static let bootstrapped: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = durationBuckets
        MetricsSystem.bootstrap(factory)
    }()

    /// The process's factory, adding `node="<nodeID>"` to every figure made through it (unless it names
    /// its node itself). Bind it with `withMetricsFactory` while building what a node records with.
    public static func factory(labellingNode nodeID: String) -> any MetricsFactory {
        func labelling(_ upstream: some MetricsFactory) -> any MetricsFactory {
            upstream.withLabelAndDimensionsMapping { label, dimensions in
                let named = dimensions.contains { $0.0 == nodeLabel }
                return (label, named ? dimensions : dimensions + [(nodeLabel, nodeID)])
            }
        }
        return labelling(MetricsSystem.factory)
    }

    /// Every figure of the process in Prometheus' text format 0.0.4 (what an HTTP `/metrics` serves).
    public static func exposition() -> String {
        registry.emitToString()
    }

    /// One node's figures, with the process-wide ones (those without a `node` label), in Prometheus' text
    /// format 0.0.4: what `node.metrics` answers.
    public static func exposition(node nodeID: String) -> String {
        PrometheusText.series(of: registry.emitToString(), label: nodeLabel, value: nodeID)
    }
}
