import AnlanRPC
import ArgumentParser
import Foundation

/// `probe ping`: round-trip time of PING frames to a running node.
public struct PingCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "ping", abstract: "Round-trip time to a running node.")

    @OptionGroup public var options: ProbeOptions

    @Option(help: "How many pings.")
    public var count = 3

    public init() {}

    struct Result: Encodable {
        let host: String
        let port: Int
        let roundTripMicroseconds: [Double]
    }

    public func run() async throws {
        try await options.run { client in
            var samples: [Double] = []
            for _ in 0..<max(1, count) {
                let rtt = try await client.ping(timeout: options.timeoutDuration)
                samples.append(rtt.microseconds)
            }
            let text = samples.map { String(format: "%.0f µs", $0) }.joined(separator: ", ")
            try options.emit(Result(host: options.host, port: options.port, roundTripMicroseconds: samples),
                             text: "pong from \(options.host):\(options.port): \(text)")
        }
    }
}
