import AnlanIdentity
import ArgumentParser
import BenchSupport
import Crypto
import Foundation
import X509

/// Anlan's runtime side by side with grpc-swift-2 and raw SwiftNIO, in one run: the servers run
/// alternately (A B C A B C …), each in its own process, over loopback; the table shows medians and ratios.
/// A benchmark program, not a test: it prints figures and asserts nothing.
@main
struct Bench: AsyncParsableCommand {
    @Option(help: "Rounds (A B C per round); the table shows medians.")
    var rounds = 3
    @Option(help: "Seconds measured per scenario (after a short warm-up).")
    var seconds = 2.0
    @Option(help: "Bytes of the small payload.")
    var payload = 100
    @Option(help: "Only these targets (comma-separated: anlan,grpc,nio).")
    var only: String?
    @Flag(help: "Mutual TLS 1.3 on every connection, for all three (a PKI is made for the run).")
    var tls = false
    @Option(help: "Also time this many fresh connections per target, one after another: connect, handshakes, first call, close.")
    var handshakes = 0

    func run() async throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let scenarios = Scenario.all(smallPayload: payload)
        let targets = Target.allCases.filter { only == nil || only!.lowercased().contains($0.serverExecutable.split(separator: "-")[0]) }
        var results: [Target: [Int: [Measurement]]] = [:]
        let pki = tls ? try Self.makePKI() : nil
        for round in 1...rounds {
            for target in targets {
                FileHandle.standardError.write(Data("round \(round): \(target.rawValue)…\n".utf8))
                let server = try await ServerProcess(executable: directory.appendingPathComponent(target.serverExecutable), pki: pki)
                do {
                    for (index, scenario) in scenarios.enumerated() {
                        let measurement = try await measure(target, scenario, server, pki: pki)
                        results[target, default: [:]][index, default: []].append(measurement)
                    }
                } catch {
                    await server.stop()
                    throw error
                }
                await server.stop()
            }
        }
        printTable(scenarios, targets, results)
        if handshakes > 0 {
            print("")
            print("fresh connections, \(handshakes) one after another (connect\(tls ? ", TLS handshake" : ""), first 100-byte call, close):")
            for target in targets {
                let server = try await ServerProcess(executable: directory.appendingPathComponent(target.serverExecutable), pki: pki)
                var samples = LatencySamples()
                let small = [UInt8](repeating: UInt8(ascii: "x"), count: 100)
                let clock = ContinuousClock()
                for _ in 0..<handshakes {
                    let t0 = clock.now
                    let client = try await target.connect(port: server.port, payload: small, compressed: false, pki: pki)
                    _ = try await client.echo()
                    samples.append(clock.now - t0)
                    await client.close()
                }
                await server.stop()
                let quantiles = samples.percentiles([0.50, 0.99])
                print(target.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                      + "p50 \(String(format: "%.0f", quantiles[0])) µs   p99 \(String(format: "%.0f", quantiles[1])) µs")
            }
        }
        if let pki { try? FileManager.default.removeItem(atPath: pki) }
    }

    /// The run's PKI: a root and, under it, the servers' and the clients' certificates (`BenchPKI`).
    static func makePKI() throws -> String {
        let directory = PKIDirectory(NSTemporaryDirectory() + "anlan-bench-pki-\(getpid())")
        let root = try CertificateAuthority.makeRoot(days: 2)
        try directory.write([root.certificate], to: directory.rootCertificate)
        for service in [BenchPKI.serverService, BenchPKI.clientService] {
            let name = try NodeName(region: BenchPKI.serverRegion, service: service)
            let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
            try directory.write([try root.issue(name, publicKey: key.publicKey, days: 2)], to: directory.nodeCertificate(name))
            try directory.write(key, to: directory.nodeKey(name))
        }
        return directory.path
    }

    func measure(_ target: Target, _ scenario: Scenario, _ server: ServerProcess, pki: String?) async throws -> Measurement {
        var clients: [any EchoClient] = []
        for _ in 0..<scenario.connections {
            clients.append(try await target.connect(port: server.port, payload: scenario.payload, compressed: scenario.compressed, pki: pki))
        }
        // Warm-up, then measure for a fixed time.
        _ = try await run(clients, scenario, for: .milliseconds(300))
        let ioBefore = server.ioBytes
        var samples = try await run(clients, scenario, for: .milliseconds(Int(seconds * 1000)))
        let ioAfter = server.ioBytes
        for client in clients { await client.close() }
        var measurement = Measurement()
        measurement.values[.requestsPerSecond] = samples.requestsPerSecond
        let quantiles = samples.percentiles([0.50, 0.99, 0.999])
        measurement.values[.p50] = quantiles[0]
        measurement.values[.p99] = quantiles[1]
        measurement.values[.p999] = quantiles[2]
        measurement.values[.wireBytes] = Double(ioAfter - ioBefore) / Double(max(1, samples.nanoseconds.count))
        measurement.values[.rss] = Double(server.residentKilobytes) / 1024
        samples.nanoseconds.removeAll()
        return measurement
    }

    func run(_ clients: [any EchoClient], _ scenario: Scenario, for duration: Duration) async throws -> LatencySamples {
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + duration
        var all = try await withThrowingTaskGroup(of: LatencySamples.self) { group in
            for client in clients {
                for _ in 0..<scenario.inFlightPerConnection {
                    group.addTask {
                        var samples = LatencySamples()
                        samples.nanoseconds.reserveCapacity(16_384)
                        while clock.now < end {
                            let t0 = clock.now
                            _ = try await client.echo()
                            samples.append(clock.now - t0)
                        }
                        return samples
                    }
                }
            }
            var merged = LatencySamples()
            for try await samples in group { merged.merge(samples) }
            return merged
        }
        all.elapsed = clock.now - start
        return all
    }

    func printTable(_ scenarios: [Scenario], _ targets: [Target], _ results: [Target: [Int: [Measurement]]]) {
        func median(_ target: Target, _ index: Int, _ figure: Scenario.Figure) -> Double? {
            guard let values = results[target]?[index]?.compactMap({ $0.values[figure] }), !values.isEmpty else { return nil }
            return values.sorted()[values.count / 2]
        }
        func format(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "—" }
            return value >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
        }
        func ratio(_ a: Double?, _ b: Double?) -> String {
            guard let a, let b, b > 0, a.isFinite, b.isFinite else { return "—" }
            return String(format: "%.2f", a / b)
        }
        let processInfo = ProcessInfo.processInfo
        print("Anlan vs grpc-swift-2 vs raw SwiftNIO — loopback, each server in its own process, release builds"
              + (tls ? ", mutual TLS 1.3 (P-256) on every connection" : ""))
        print("\(rounds) rounds alternating \(targets.map(\.rawValue).joined(separator: " ")), \(seconds) s per scenario, medians; "
              + "\(processInfo.activeProcessorCount) cores, \(processInfo.physicalMemory / (1 << 30)) GiB")
        print("")
        let header = "scenario".padding(toLength: 32, withPad: " ", startingAt: 0)
            + "figure".padding(toLength: 16, withPad: " ", startingAt: 0)
            + targets.map { $0.rawValue.leftPadded(11) }.joined()
            + "Anlan/gRPC".leftPadded(12) + "Anlan/NIO".leftPadded(11)
        print(header)
        print(String(repeating: "-", count: header.count))
        for (index, scenario) in scenarios.enumerated() {
            for (row, figure) in scenario.figures.enumerated() {
                let name = row == 0 ? scenario.name : ""
                var line = name.padding(toLength: 32, withPad: " ", startingAt: 0)
                    + figure.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                line += targets.map { format(median($0, index, figure)).leftPadded(11) }.joined()
                line += ratio(median(.anlan, index, figure), median(.grpc, index, figure)).leftPadded(12)
                line += ratio(median(.anlan, index, figure), median(.nio, index, figure)).leftPadded(11)
                print(line)
            }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
