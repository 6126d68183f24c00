import AnlanWire

/// Asks a gateway for a region's summary (or its children's).
@WireMessage
public struct SummaryRequest: Hashable, Codable, Sendable {
    /// The region; empty means the gateway's own.
    @Field(1) public var regionCode: String = ""
    /// The year for training coverage and landing-point targets; 0 means this year.
    @Field(2) public var year: UInt32 = 0
    /// How old an answer the caller accepts, in milliseconds: the gateway may answer from a summary it
    /// composed at most this long ago. Nil: the gateway's `--max-age`; 0: a fan-out for this request.
    @Field(3) public var maxAgeMilliseconds: UInt32?
}
