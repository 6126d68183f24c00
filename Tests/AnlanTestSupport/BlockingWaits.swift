import NIOPosix

/// Where the tests' blocking waits run — for a child process to exit, for its output to reach its end.
///
/// Swift concurrency has as many cooperative threads as cores: two here. A test that blocks one of them
/// stalls every other suite's tasks; with two tests waiting on processes at once, calls to in-process
/// servers in other suites ran past their deadlines. These waits run on a thread pool of their own.
public enum BlockingWaits {
    /// More threads than tests that wait at once: a wait never queues behind another.
    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    /// Runs `body` on the pool and returns what it returns.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
