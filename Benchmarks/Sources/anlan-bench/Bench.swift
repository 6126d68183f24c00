import AnlanNode
import AnlanRPC
import AnlanWire
import ArgumentParser
import Foundation
import NIOCore

/// Measures a small request on one loopback connection to an Anlan server in another process:
/// sequentially, and with N requests in flight. Prints a table; never asserts anything.
@main
struct Bench: AsyncParsableCommand {
    @Option(help: "Path of the anlan-echo-server executable (default: beside this one).")
    var server: String?
    @Option(help: "Sequential requests measured (after warm-up).")
    var sequential = 20_000
    @Option(help: "Requests measured per concurrent scenario.")
    var concurrentTotal = 200_000
    @Option(help: "Requests in flight for the concurrent scenario.")
    var inFlight = 64
    @Option(help: "Payload bytes per request.")
    var payload = 100
    @Option(help: "Rounds; the table shows the median round.")
    var rounds = 3

    func run() async throws {
        let serverPath = server ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("anlan-echo-server").path
        let portFile = NSTemporaryDirectory() + "anlan-bench-\(getpid()).port"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: serverPath)
        process.arguments = ["--port-file", portFile]
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: portFile)
        }
        var port = 0
        for _ in 0..<400 where port == 0 {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
            if port == 0 { try await Task.sleep(for: .milliseconds(10)) }
        }
        guard port != 0 else { throw ValidationError("the echo server did not start") }

        let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port))
        let request = Echo(data: ByteBuffer(repeating: UInt8(ascii: "x"), count: payload))
        // Warm-up: connection, allocator, code paths.
        for _ in 0..<2_000 { _ = try await client.call(NodeMethods.echo, request) }

        var sequentialRounds: [LatencySamples] = []
        var concurrentRounds: [LatencySamples] = []
        for _ in 0..<rounds {
            sequentialRounds.append(try await measureSequential(client, request))
            concurrentRounds.append(try await measureConcurrent(client, request))
        }
        await client.close()

        let rss = serverRSSKilobytes(process.processIdentifier)
        func median(_ rounds: [LatencySamples]) -> LatencySamples {
            rounds.sorted { $0.requestsPerSecond < $1.requestsPerSecond }[rounds.count / 2]
        }
        let seq = median(sequentialRounds)
        let con = median(concurrentRounds)
        print("Anlan RPC, node.echo with a \(payload)-byte payload, one loopback connection, server in its own process")
        print("median of \(rounds) rounds; release build; \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("")
        print("scenario              requests      req/s     p50 µs     p99 µs   p99.9 µs")
        for (name, s) in [("sequential", seq), ("\(inFlight) in flight", con)] {
            print(name.padding(toLength: 20, withPad: " ", startingAt: 0)
                  + String(format: "%10d %10.0f %10.1f %10.1f %10.1f", s.nanoseconds.count, s.requestsPerSecond,
                           s.percentile(0.50), s.percentile(0.99), s.percentile(0.999)))
        }
        print("")
        print("server RSS after the run: \(rss.map { "\($0 / 1024) MiB" } ?? "unknown")")
    }

    func measureSequential(_ client: RPCClient, _ request: Echo) async throws -> LatencySamples {
        var samples = LatencySamples()
        samples.nanoseconds.reserveCapacity(sequential)
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<sequential {
            let t0 = clock.now
            _ = try await client.call(NodeMethods.echo, request)
            samples.append(clock.now - t0)
        }
        samples.elapsed = clock.now - start
        return samples
    }

    func measureConcurrent(_ client: RPCClient, _ request: Echo) async throws -> LatencySamples {
        let perWorker = concurrentTotal / inFlight
        let clock = ContinuousClock()
        let start = clock.now
        var all = try await withThrowingTaskGroup(of: LatencySamples.self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    var samples = LatencySamples()
                    samples.nanoseconds.reserveCapacity(perWorker)
                    for _ in 0..<perWorker {
                        let t0 = clock.now
                        _ = try await client.call(NodeMethods.echo, request)
                        samples.append(clock.now - t0)
                    }
                    return samples
                }
            }
            var merged = LatencySamples()
            for try await samples in group { merged.merge(samples) }
            return merged
        }
        all.elapsed = clock.now - start
        return all
    }

    /// Resident set size of a process from /proc, in KiB.
    func serverRSSKilobytes(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }
}
