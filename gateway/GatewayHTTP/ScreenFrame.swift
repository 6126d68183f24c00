import GatewayAPI
import NIOCore

/// One message of the live feed: the gateway's own summary and its subtree's counties, as the screen
/// colours its map with them, with the server-sent events that carry them rendered once for every
/// screen. The counties (a province's 90 summaries, over a megabyte of JSON) go to a screen only when
/// their figures or freshness changed since it last had them; otherwise the summary goes alone.
public struct ScreenFrame: Sendable {
    public var summary: RegionSummary
    public var counties: [RegionSummary]
    /// `event: summary\ndata: {"summary": …, "counties": […]}\n\n`.
    public var event: ByteBuffer
    /// `event: summary\ndata: {"summary": …}\n\n`, for a screen that has these counties already.
    public var summaryEvent: ByteBuffer
    /// Names the counties' figures and freshness, not when they were composed (FNV-1a over their
    /// encodings, the times of fresh counties and of their fresh parts left out).
    public var countiesKey: UInt64

    /// What the event's `data:` line holds.
    struct Body: Codable {
        var summary: RegionSummary
        var counties: [RegionSummary]?
    }

    public init(summary: RegionSummary, counties: [RegionSummary]) throws {
        self.summary = summary
        self.counties = counties
        var event = ByteBuffer(string: "event: summary\ndata: ")
        event.writeBytes(try JSONBody.encoder.encode(Body(summary: summary, counties: counties)))
        event.writeString("\n\n")
        self.event = event
        var summaryEvent = ByteBuffer(string: "event: summary\ndata: ")
        summaryEvent.writeBytes(try JSONBody.encoder.encode(Body(summary: summary, counties: nil)))
        summaryEvent.writeString("\n\n")
        self.summaryEvent = summaryEvent
        countiesKey = counties.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { key, county in
            // When each part answered is not news; what it said, and whether it answered, is.
            var county = county
            if county.freshness == .fresh { county.asOfMilliseconds = 0 }
            for index in county.children.indices where county.children[index].freshness == .fresh { county.children[index].asOfMilliseconds = 0 }
            for index in county.services.indices where county.services[index].freshness == .fresh { county.services[index].asOfMilliseconds = 0 }
            return county.encoded().readableBytesView.reduce(key) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
    }

    /// Whether this frame says something `previous` did not: a summary composed later, or other
    /// figures, coverage or freshness for the region or a county.
    public func isNews(after previous: ScreenFrame) -> Bool {
        summary.asOfMilliseconds != previous.summary.asOfMilliseconds || !summary.hasSameFigures(as: previous.summary)
            || counties.count != previous.counties.count
            || zip(counties, previous.counties).contains { $0.freshness != $1.freshness || !$0.hasSameFigures(as: $1) }
    }
}
