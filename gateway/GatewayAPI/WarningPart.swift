import AnlanRecords
import AnlanWire

/// What became of a warning (or its lifting) at one part of a gateway's node: its own evacuation
/// service, or a child region's gateway.
@WireMessage
public struct WarningPart: Hashable, Codable, Sendable {
    public enum Outcome: UInt8, WireEnum {
        /// The node's own evacuation service recorded it (or had already: issuing is idempotent).
        case recorded = 1
        /// The child's gateway took it, and passed it on below as its own answer says.
        case delivered = 2
        /// Not reachable now: kept on disk and delivered again in the background until it is taken.
        case queued = 3
        /// The part answered that it will not take it (the reason says why); it is not delivered again.
        case refused = 4

        public static let kindName = "warning outcome"

        public var name: String {
            switch self {
            case .recorded: "recorded"
            case .delivered: "delivered"
            case .queued: "queued"
            case .refused: "refused"
            }
        }
    }

    /// The service's kind (`evacuation`), or the child's region code.
    @Field(1) public var name: String = ""
    @Field(2) public var outcome: Outcome = .queued
    /// Transfer tasks the warning has at the nodes this part reached (its count as recorded at each,
    /// so the same when it is issued again).
    @Field(3) public var tasks: Int64 = 0
    /// Deliveries queued at this part and below it.
    @Field(4) public var queued: Int64 = 0
    /// Why it was queued or refused.
    @Field(5) public var reason: String = ""
}
