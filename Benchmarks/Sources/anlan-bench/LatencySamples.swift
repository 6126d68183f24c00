/// Latencies of one scenario, in nanoseconds, and the figures derived from them.
struct LatencySamples {
    var nanoseconds: [Int64] = []
    var elapsed: Duration = .zero

    mutating func append(_ sample: Duration) {
        nanoseconds.append(sample.components.seconds * 1_000_000_000 + sample.components.attoseconds / 1_000_000_000)
    }

    mutating func merge(_ other: LatencySamples) { nanoseconds += other.nanoseconds }

    var requestsPerSecond: Double {
        Double(nanoseconds.count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// The q-quantiles in microseconds (nearest rank), from one sort of the samples.
    func percentiles(_ qs: [Double]) -> [Double] {
        let sorted = nanoseconds.sorted()
        guard !sorted.isEmpty else { return qs.map { _ in .nan } }
        return qs.map { q in
            let rank = min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[rank]) / 1000
        }
    }
}
