import AnlanRecords
import AnlanRPC
import Foundation

/// A crash drill (断电演练): a service that accepts writes is killed with SIGKILL at a moment the test
/// does not choose, while writers on their own connections write to it; it is started again on the same
/// database and every write it acknowledged must be there. Rounds follow one another on one database,
/// and after the last every round's acknowledged writes are checked once more.
///
/// `scripts/bench.sh crash` runs the drills with `ANLAN_CRASH_ROUNDS=20`; the suite runs `rounds` (a few).
public struct CrashDrill: Sendable {
    /// What one write was: its key, read back after the restart.
    public typealias Key = String

    /// The executable (`hazard-survey`, …) and its `serve` arguments other than `--database`.
    public var executable: String
    public var arguments: [String]
    /// Writers, each on its own connection.
    public var writers: Int = 8
    /// How long the load runs before the kill, after the first acknowledgement: drawn anew each round.
    public var killAfter: ClosedRange<Int> = 100...500
    /// Done once, before the first round's load (catalogue items, storage points, …).
    public var prepare: @Sendable (RPCClient) async throws -> Void = { _ in }
    /// Writes write number `n` of `writer` in `round` and answers its key; a throw ends that writer's load.
    public var write: @Sendable (_ client: RPCClient, _ round: Int, _ writer: Int, _ n: Int) async throws -> Key
    /// Whether the write with `key` is found after the restart.
    public var isKept: @Sendable (_ client: RPCClient, _ key: Key) async throws -> Bool

    public init(executable: String, arguments: [String],
                write: @escaping @Sendable (_ client: RPCClient, _ round: Int, _ writer: Int, _ n: Int) async throws -> Key,
                isKept: @escaping @Sendable (_ client: RPCClient, _ key: Key) async throws -> Bool) {
        self.executable = executable
        self.arguments = arguments
        self.write = write
        self.isKept = isKept
    }

    /// What the drill found.
    public struct Report: Sendable, CustomStringConvertible {
        public var executable: String
        public var rounds = 0
        /// Writes the service acknowledged before it was killed, over all rounds.
        public var acknowledged = 0
        /// Acknowledged writes not found after a restart (each counted once).
        public var lost: [Key] = []
        /// Rounds in which the kill came after every writer had stopped (the drill proved nothing then).
        public var roundsWithoutLoadAtTheKill = 0

        /// Writes were acknowledged, the kill came under load every round, and nothing was lost.
        public var isClean: Bool { acknowledged > 0 && roundsWithoutLoadAtTheKill == 0 && lost.isEmpty }

        public var description: String {
            "crash drill \(executable): \(rounds) kill -9 under load, \(acknowledged) writes acknowledged, \(lost.count) lost"
                + (lost.isEmpty ? "" : " (\(lost.prefix(5).joined(separator: ", "))…)")
        }
    }

    /// The rounds the suite asks for, or `ANLAN_CRASH_ROUNDS` when set (the benchmark's 20).
    public static func rounds(default rounds: Int) -> Int {
        ProcessInfo.processInfo.environment["ANLAN_CRASH_ROUNDS"].flatMap(Int.init) ?? rounds
    }

    /// Runs `ANLAN_CRASH_ROUNDS` rounds (else `rounds`) in a temporary directory, prints the report
    /// and answers it.
    public func run(rounds: Int) async throws -> Report {
        let report = try await withTemporaryDirectory { directory in
            try await run(rounds: Self.rounds(default: rounds), directory: directory)
        }
        print(report)
        return report
    }

    /// Whether `get` finds its record: `notFound` is no, any other failure is thrown.
    public static func exists<T>(_ get: () async throws(RPCError) -> T) async throws -> Bool {
        do {
            _ = try await get()
            return true
        } catch where error.status == .notFound {
            return false
        }
    }

    /// Runs `rounds` rounds in `directory` and answers what was acknowledged and lost.
    public func run(rounds: Int, directory: String) async throws -> Report {
        var report = Report(executable: executable)
        let database = directory + "/\(executable)-drill.sqlite"
        var everyKey: [Key] = []
        var process = try NodeProcess(executable, arguments + ["--database", database], directory: directory, name: "drill-0")
        var port = try await process.port()
        try await withClient(port) { try await prepare($0) }
        for round in 0..<rounds {
            let (acknowledged, writing) = try await load(round: round, port: port, process: process)
            guard process.process.terminationReason == .uncaughtSignal else {
                throw NodeProcessError(message: "\(executable) ended by itself before the kill (status \(process.process.terminationStatus))")
            }
            if writing == 0 { report.roundsWithoutLoadAtTheKill += 1 }
            report.rounds += 1
            report.acknowledged += acknowledged.count
            everyKey += acknowledged
            process = try NodeProcess(executable, arguments + ["--database", database], directory: directory, name: "drill-\(round + 1)")
            port = try await process.port()
            report.lost += try await missing(acknowledged, port: port)
        }
        // Every round's writes, once more, on the last start: a later round must not have undone an earlier one.
        let lostBefore = Set(report.lost)
        report.lost += try await missing(everyKey, port: port).filter { !lostBefore.contains($0) }
        await process.stop(signal: SIGTERM)
        return report
    }

    /// Writers write until the kill; answers the acknowledged keys and how many writers were still
    /// writing at the kill.
    private func load(round: Int, port: Int, process: NodeProcess) async throws -> ([Key], Int) {
        let firstAcknowledged = AsyncStream<Void>.makeStream()
        let clients = (0..<writers).map { _ in
            RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port, defaultTimeout: .seconds(5)))
        }
        let result = try await withThrowingTaskGroup(of: ([Key], Bool).self) { group in
            for writer in 0..<writers {
                let client = clients[writer]
                group.addTask {
                    var keys: [Key] = []
                    var n = 0
                    while n < 1_000_000 {
                        do {
                            keys.append(try await write(client, round, writer, n))
                            if keys.count == 1 { firstAcknowledged.continuation.yield() }
                        } catch {
                            return (keys, true)
                        }
                        n += 1
                    }
                    return (keys, false)
                }
            }
            var first = firstAcknowledged.stream.makeAsyncIterator()
            _ = await first.next()
            try await Task.sleep(for: .milliseconds(Int.random(in: killAfter)))
            await process.stop(signal: SIGKILL)
            var keys: [Key] = []
            var writing = 0
            for try await (part, stoppedByTheKill) in group {
                keys += part
                if stoppedByTheKill { writing += 1 }
            }
            return (keys, writing)
        }
        for client in clients { await client.close() }
        return result
    }

    /// The keys among `keys` not found, asked on eight connections at once.
    private func missing(_ keys: [Key], port: Int) async throws -> [Key] {
        let lanes = 8
        return try await withThrowingTaskGroup(of: [Key].self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    try await withClient(port) { client in
                        var missing: [Key] = []
                        for (index, key) in keys.enumerated() where index % lanes == lane {
                            if try await !isKept(client, key) { missing.append(key) }
                        }
                        return missing
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    /// A valid 18-digit ID number (居民身份证号码) of `county`, different for every `n` below 23 million:
    /// writers of a drill each need people of their own.
    public static func nationalID(_ n: Int, county: String = "330106") -> String {
        let day = n / 1000
        let body = county + String(1940 + day / 336 % 70) + String(format: "%02d%02d%03d", 1 + day / 28 % 12, 1 + day % 28, n % 1000)
        return body + String(NationalID.checkCharacter(for: body)!)
    }

    /// A unique number for write `n` of `writer` in `round` (below 23 million for 20 rounds of 8 writers).
    public static func serial(round: Int, writer: Int, n: Int) -> Int {
        (round * 8 + writer) * 100_000 + n
    }

    private func withClient<T>(_ port: Int, _ body: (RPCClient) async throws -> T) async throws -> T {
        let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port, defaultTimeout: .seconds(10)))
        do {
            let answer = try await body(client)
            await client.close()
            return answer
        } catch {
            await client.close()
            throw error
        }
    }
}
