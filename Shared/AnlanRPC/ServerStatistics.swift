import Metrics
import NIOCore
import Synchronization

/// Counters of one server, kept as atomics for `node.info` and reported through swift-metrics.
public final class ServerStatistics: Sendable {
    public let requests = Counting()
    public let failures = Counting()
    public let cancelled = Counting()
    public let deadlineExceeded = Counting()
    public let malformedFrames = Counting()
    public let connectionsAccepted = Counting()
    /// Connections whose certificate chain the TLS handshake refused (also `anlan_tls_refused_total`).
    public let peersRefused = Counting()
    private let refusedCounter = Counter(label: "anlan_tls_refused_total", dimensions: [("check", "certificate chain")])

    private let latency: [UInt16: Metrics.Timer]
    private let failureCounters: [UInt16: Counter]

    init(methods: [UInt16: String]) {
        var latency: [UInt16: Metrics.Timer] = [:]
        var failures: [UInt16: Counter] = [:]
        for (id, name) in methods {
            latency[id] = Metrics.Timer(label: "anlan_rpc_duration", dimensions: [("method", name)])
            failures[id] = Counter(label: "anlan_rpc_failures_total", dimensions: [("method", name)])
        }
        self.latency = latency
        self.failureCounters = failures
    }

    func record(method: UInt16, latency elapsed: TimeAmount, failed: Bool) {
        latency[method]?.recordNanoseconds(elapsed.nanoseconds)
        if failed { failureCounters[method]?.increment() }
    }

    func peerRefused() {
        peersRefused.add(1)
        refusedCounter.increment()
    }

    /// A lock-free counter.
    public final class Counting: Sendable {
        private let value = Atomic<Int>(0)
        func add(_ n: Int) { value.wrappingAdd(n, ordering: .relaxed) }
        public var count: Int { value.load(ordering: .relaxed) }
    }
}
