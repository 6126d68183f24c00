/// The payload of a GOAWAY frame: the sender drains.
///
/// Requests with ids up to `lastRequestID` that the sender already accepted will be answered; any
/// REQUEST arriving after the GOAWAY is answered with `notProcessed` (safe to retry elsewhere).
@WireMessage
public struct GoAway: Hashable, Sendable {
    /// Server → client: the highest request id the server had received on this connection when it began
    /// draining.
    @Field(1) public var lastRequestID: UInt32 = 0
    /// Human-readable, e.g. `server shutting down`.
    @Field(2, .omitDefault) public var reason: String = ""
}
