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
        return RepeatedTiming(firstMilliseconds: first, samples: samples)
    }

    /// `callers` tasks at once, each running `body` `each` times; the figures of every call (the
    /// "first" is the first call of whichever caller finished first: not a cold figure).
    public static func measureConcurrent(callers: Int, each: Int,
                                         _ body: @escaping @Sendable () async throws -> Void) async throws -> RepeatedTiming {
        let samples = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<callers {
                group.addTask {
                    var times: [Double] = []
                    for _ in 0..<each {
                        let started = ContinuousClock.now
                        try await body()
                        times.append((ContinuousClock.now - started).seconds * 1000)
                    }
                    return times
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        return RepeatedTiming(firstMilliseconds: samples.first ?? 0, samples: samples)
    }

    private init(firstMilliseconds: Double, samples: [Double]) {
        let sorted = samples.sorted()
        self.firstMilliseconds = firstMilliseconds
        median = sorted[sorted.count / 2]
        p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
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
