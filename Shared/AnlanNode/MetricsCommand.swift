import AnlanRPC
import AnlanWire
import ArgumentParser

/// `probe metrics`: a running node's metrics in Prometheus' text format (the runtime's latency and
/// failures per method), or `{"text": …}` with `--json`.
public struct MetricsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "A running node's metrics, in Prometheus' text format.")

    @OptionGroup public var options: ProbeOptions

    public init() {}

    public func run() async throws {
        try await options.run { client in
            let metrics = try await client.call(NodeMethods.metrics, EmptyMessage())
            let text = metrics.text.hasSuffix("\n") ? String(metrics.text.dropLast()) : metrics.text
            try options.emit(metrics, text: text.isEmpty ? "no metrics recorded" : text)
        }
    }
}
