import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import AnlanWire
import Foundation
import Logging
import Metrics
import NIOCore
import Testing

/// `node.metrics` on real nodes: two nodes in one process, as `serve-group` runs them, each on port 0,
/// called over TCP; the figures are the runtime's own, read back in Prometheus' text format.
@Suite(.timeLimit(.minutes(1))) struct NodeMetricsTests {
    /// A node with one method that always fails, beside the runtime's.
    struct FailingNode: NodeService {
        static let kind = "metrics-test"
        static let fail = RPCMethod<Echo, Echo>(id: 0x0F11, name: "test.fail", access: .connection)
        func register(into router: inout RPCRouter) {
            router.inline(Self.fail) { _, _ in throw RecordServiceError(.notFound, "nothing here") }
        }
        func counts() async throws -> [NodeCount] { [] }
    }

    /// Runs a node per region in one group (ids unique to this run, so other tests' nodes in the same
    /// process never share their series) and gives `body` a client of each.
    func withNodes(_ regions: [String], _ body: ([String], [RPCClient]) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let run = UUID().uuidString.prefix(8)
            let ids = regions.map { "\($0)-metrics-\(run)" }
            var nodes: [(service: any NodeService, options: ServeOptions)] = []
            for (region, id) in zip(regions, ids) {
                let options = try ServeOptions.parse([
                    "--region", region, "--node-id", id, "--port-file", "\(directory)/\(id).port",
                    "--log-level", "critical", "--insecure",
                ])
                nodes.append((FailingNode(), options))
            }
            var logger = Logger(label: "node-metrics")
            logger.logLevel = .critical
            let running = Task { [nodes, logger] in try await NodeServer.runGroup(nodes, logger: logger) }
            var clients: [RPCClient] = []
            do {
                for id in ids {
                    let port = try await Self.port(in: "\(directory)/\(id).port")
                    clients.append(RPCClient(host: "127.0.0.1", port: port))
                }
                try await body(ids, clients)
            } catch {
                for client in clients { await client.close() }
                running.cancel()
                _ = await running.result
                throw error
            }
            for client in clients { await client.close() }
            running.cancel()
            _ = await running.result
        }
    }

    static func port(in file: String) async throws -> Int {
        for _ in 0..<400 {
            if let text = try? String(contentsOfFile: file, encoding: .utf8),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        struct NoPort: Error {}
        throw NoPort()
    }

    /// The value of the sample `name` whose labels are exactly `labels`, if the text has it.
    func sample(_ text: String, _ name: String, _ labels: [String: String]) -> Double? {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            let series = line[..<space]
            let open = series.firstIndex(of: "{") ?? series.endIndex
            guard series[..<open] == name else { continue }
            var found: [String: String] = [:]
            if open < series.endIndex {
                let inside = series[series.index(after: open)..<series.index(before: series.endIndex)]
                for pair in inside.split(separator: ",") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    found[String(parts[0])] = String(parts[1].dropFirst().dropLast())
                }
            }
            if found == labels { return Double(line[line.index(after: space)...]) }
        }
        return nil
    }

    @Test func eachNodeCountsItsOwnCallsPerMethod() async throws {
        try await withNodes(["330106", "330110"]) { ids, clients in
            for index in 0..<5 {
                _ = try await clients[0].call(NodeMethods.echo, Echo(data: ByteBuffer(string: "\(index)")))
            }
            for _ in 0..<3 {
                await #expect(throws: RPCError.self) { try await clients[0].call(Self.FailingNode.fail, Echo()) }
            }
            for _ in 0..<2 { _ = try await clients[1].call(NodeMethods.echo, Echo()) }

            let first = try await clients[0].call(NodeMethods.metrics, EmptyMessage()).text
            let a = ids[0]
            #expect(first.contains("# TYPE anlan_rpc_duration histogram\n"))
            #expect(sample(first, "anlan_rpc_duration_count", ["method": "node.echo", "node": a]) == 5)
            #expect(sample(first, "anlan_rpc_duration_bucket", ["method": "node.echo", "node": a, "le": "+Inf"]) == 5)
            #expect((sample(first, "anlan_rpc_duration_sum", ["method": "node.echo", "node": a]) ?? 0) > 0)
            #expect(sample(first, "anlan_rpc_failures_total", ["method": "node.echo", "node": a]) == 0)
            #expect(sample(first, "anlan_rpc_duration_count", ["method": "test.fail", "node": a]) == 3)
            #expect(sample(first, "anlan_rpc_failures_total", ["method": "test.fail", "node": a]) == 3)
            #expect(sample(first, "anlan_rpc_duration_count", ["method": "node.metrics", "node": a]) == 0)
            // The other node of the process is not in this node's answer.
            #expect(!first.contains(ids[1]))

            let again = try await clients[0].call(NodeMethods.metrics, EmptyMessage()).text
            #expect(sample(again, "anlan_rpc_duration_count", ["method": "node.metrics", "node": a]) == 1)

            let second = try await clients[1].call(NodeMethods.metrics, EmptyMessage()).text
            #expect(sample(second, "anlan_rpc_duration_count", ["method": "node.echo", "node": ids[1]]) == 2)
            #expect(sample(second, "anlan_rpc_duration_count", ["method": "test.fail", "node": ids[1]]) == 0)
            #expect(!second.contains(a))

            // The whole process's exposition (what an HTTP /metrics will serve) holds both, one TYPE line each.
            let whole = NodeMetrics.exposition()
            #expect(sample(whole, "anlan_rpc_duration_count", ["method": "node.echo", "node": a]) == 5)
            #expect(sample(whole, "anlan_rpc_duration_count", ["method": "node.echo", "node": ids[1]]) == 2)
            #expect(whole.components(separatedBy: "# TYPE anlan_rpc_duration histogram\n").count == 2)
        }
    }

    @Test func bootstrappingAgainChangesNothing() {
        NodeMetrics.bootstrap()
        NodeMetrics.bootstrap()
        let node = "bootstrap-\(UUID().uuidString.prefix(8))"
        let counter = Counter(label: "anlan_test_events_total", dimensions: [("kind", "probe")],
                              factory: NodeMetrics.factory(labellingNode: node))
        counter.increment(by: 4)
        let text = NodeMetrics.exposition(node: node)
        #expect(sample(text, "anlan_test_events_total", ["kind": "probe", "node": node]) == 4)
    }

    @Test func oneNodesSeriesAreCutFromTheProcesssText() {
        let text = """
            # TYPE rpc_total counter
            rpc_total{method="a",node="x"} 1
            rpc_total{method="a",node="y"} 2
            rpc_total{method="a",node="x\\"y"} 3
            # TYPE only_y gauge
            only_y{node="y"} 4
            # TYPE process_up gauge
            process_up 1
            # TYPE latency histogram
            latency_bucket{node="x",le="+Inf"} 5
            latency_sum{node="x"} 0.5
            latency_count{node="x"} 5

            """
        #expect(PrometheusText.series(of: text, label: "node", value: "x") == """
            # TYPE rpc_total counter
            rpc_total{method="a",node="x"} 1
            # TYPE process_up gauge
            process_up 1
            # TYPE latency histogram
            latency_bucket{node="x",le="+Inf"} 5
            latency_sum{node="x"} 0.5
            latency_count{node="x"} 5

            """)
        #expect(PrometheusText.series(of: text, label: "node", value: "x\"y") == """
            # TYPE rpc_total counter
            rpc_total{method="a",node="x\\"y"} 3
            # TYPE process_up gauge
            process_up 1

            """)
    }
}
