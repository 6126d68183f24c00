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
    /// Names the counties' figures and freshness, not when they were composed (`key(_:)`).
    public var countiesKey: UInt64

    /// What the event's `data:` line holds (written from its parts, read whole).
    struct Body: Codable {
        var summary: RegionSummary
        var counties: [RegionSummary]?
    }

    /// The counties as JSON: kept from the previous frame while their key is unchanged, so a province's
    /// (over a megabyte) are encoded once per change rather than once per frame; a fresh county's time
    /// in it may then be a recomposition or two old, which the screen does not show.
    let countiesJSON: ByteBuffer

    public init(summary: RegionSummary, counties: [RegionSummary], previous: ScreenFrame? = nil) throws {
        self.summary = summary
        self.counties = counties
        countiesKey = Self.key(counties)
        if let previous, previous.countiesKey == countiesKey {
            countiesJSON = previous.countiesJSON
        } else {
            countiesJSON = ByteBuffer(bytes: try JSONBody.encoder.encode(counties))
        }
        let summaryJSON = try JSONBody.encoder.encode(summary)
        var summaryEvent = ByteBuffer(string: "event: summary\ndata: {\"summary\":")
        summaryEvent.writeBytes(summaryJSON)
        var event = summaryEvent
        summaryEvent.writeString("}\n\n")
        self.summaryEvent = summaryEvent
        event.writeString(",\"counties\":")
        event.writeImmutableBuffer(countiesJSON)
        event.writeString("}\n\n")
        self.event = event
    }

    /// FNV-1a over the counties' encodings. When each part answered is not news; what it said, and
    /// whether it answered, is: the times of fresh counties and of their fresh parts are left out.
    static func key(_ counties: [RegionSummary]) -> UInt64 {
        counties.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { key, county in
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
