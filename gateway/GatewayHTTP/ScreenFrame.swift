import GatewayAPI
import NIOCore

/// One message of the live feed: the gateway's own summary and its subtree's counties, as the screen
/// colours its map with them, with the server-sent event that carries them rendered once for every screen.
public struct ScreenFrame: Sendable {
    public var summary: RegionSummary
    public var counties: [RegionSummary]
    /// `event: summary\ndata: {"summary": …, "counties": […]}\n\n`.
    public var event: ByteBuffer

    /// What the event's `data:` line holds.
    struct Body: Codable {
        var summary: RegionSummary
        var counties: [RegionSummary]
    }

    public init(summary: RegionSummary, counties: [RegionSummary]) throws {
        self.summary = summary
        self.counties = counties
        var event = ByteBuffer(string: "event: summary\ndata: ")
        event.writeBytes(try JSONBody.encoder.encode(Body(summary: summary, counties: counties)))
        event.writeString("\n\n")
        self.event = event
    }

    /// Whether this frame says something `previous` did not: a summary composed later, or other
    /// figures, coverage or freshness for the region or a county.
    public func isNews(after previous: ScreenFrame) -> Bool {
        summary.asOfMilliseconds != previous.summary.asOfMilliseconds || !summary.hasSameFigures(as: previous.summary)
            || counties.count != previous.counties.count
            || zip(counties, previous.counties).contains { $0.freshness != $1.freshness || !$0.hasSameFigures(as: $1) }
    }
}
