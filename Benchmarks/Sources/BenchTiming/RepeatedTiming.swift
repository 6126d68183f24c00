/// The figures of a query run many times: the first (cold) run, then the median and p99 of the rest,
/// in milliseconds.
public struct RepeatedTiming: Sendable {
    public var firstMilliseconds: Double
    public var median: Double
    public var p99: Double

    /// Runs `body` once (timed as the first run), then `repetitions` times.
    public static func measure<T>(repetitions: Int, _ body: () async throws -> T) async throws -> RepeatedTiming {
        var started = ContinuousClock.now
        _ = try await body()
        let first = (ContinuousClock.now - started).seconds * 1000
        var samples: [Double] = []
        samples.reserveCapacity(repetitions)
        for _ in 0..<repetitions {
            started = ContinuousClock.now
            _ = try await body()
            samples.append((ContinuousClock.now - started).seconds * 1000)
        }
        samples.sort()
        return RepeatedTiming(firstMilliseconds: first, median: samples[samples.count / 2],
                              p99: samples[min(samples.count - 1, samples.count * 99 / 100)])
    }
}

/// `text` padded with spaces to `width` characters (one space after it when it is longer): table columns.
public func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
