import Foundation

/// A load shape: connections × requests in flight on each, a payload, and whether compression is on.
struct Scenario: Sendable {
    let name: String
    let connections: Int
    let inFlightPerConnection: Int
    let payload: [UInt8]
    let compressed: Bool
    /// Which figures the table shows for it.
    let figures: [Figure]

    enum Figure: String, CaseIterable, Sendable {
        case requestsPerSecond = "req/s"
        case p50 = "p50 µs"
        case p99 = "p99 µs"
        case p999 = "p99.9 µs"
        case wireBytes = "wire bytes/req"
        case rss = "server RSS MiB"
    }

    static func all(smallPayload: Int) -> [Scenario] {
        let small = [UInt8](repeating: UInt8(ascii: "x"), count: smallPayload)
        return [
            Scenario(name: "1 conn, sequential, \(smallPayload) B", connections: 1, inFlightPerConnection: 1, payload: small,
                     compressed: false, figures: [.requestsPerSecond, .p50, .p99, .p999, .wireBytes, .rss]),
            Scenario(name: "1 conn, 64 in flight", connections: 1, inFlightPerConnection: 64, payload: small,
                     compressed: false, figures: [.requestsPerSecond, .p50, .p99, .rss]),
            Scenario(name: "1 conn, 256 in flight", connections: 1, inFlightPerConnection: 256, payload: small,
                     compressed: false, figures: [.requestsPerSecond, .p50, .p99, .rss]),
            Scenario(name: "16 conns x 16 in flight", connections: 16, inFlightPerConnection: 16, payload: small,
                     compressed: false, figures: [.requestsPerSecond, .rss]),
            Scenario(name: "64 KiB JSON-like, compressed", connections: 1, inFlightPerConnection: 1,
                     payload: compressibleJSON(bytes: 64 * 1024), compressed: true,
                     figures: [.requestsPerSecond, .p50, .p99, .wireBytes, .rss]),
        ]
    }

    /// Stock records as JSON text with varying numbers: compressible like real payloads, not trivially.
    static func compressibleJSON(bytes: Int) -> [UInt8] {
        var text = "["
        var i = 0
        let statuses = ["good", "damaged", "expired"]
        while text.utf8.count < bytes - 200 {
            text += #"{"point":"SP-\#(330_100_000 + i * 7919 % 100_000)","item":"\#(2_010_101 + i % 37)","qty":\#(i * 31 % 997),"status":"\#(statuses[i % 3])","expires":"2027-\#(String(format: "%02d", i % 12 + 1))-\#(String(format: "%02d", i % 28 + 1))"},"#
            i += 1
        }
        text += "{}]"
        return Array(text.utf8.prefix(bytes))
    }
}

/// One scenario's figures for one target in one round.
struct Measurement: Sendable {
    var values: [Scenario.Figure: Double] = [:]
}
