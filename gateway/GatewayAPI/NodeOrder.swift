import AnlanRecords
import AnlanWire
import MaterialReserveAPI

/// What a confirmation did at one node.
@WireMessage
public struct NodeOrder: Hashable, Codable, Sendable {
    public enum Outcome: UInt8, WireEnum {
        /// Created and approved: its stock is reserved.
        case approved = 1
        /// Created (perhaps approved), then cancelled because another node failed: nothing reserved.
        case cancelled = 2
        /// This node refused or could not be reached; no order of the plan stands here.
        case failed = 3
        /// The node could not be reached to learn whether its order exists, nor to cancel it.
        case unknown = 4

        public static let kindName = "order outcome"

        public var name: String {
            switch self {
            case .approved: "approved"
            case .cancelled: "cancelled"
            case .failed: "failed"
            case .unknown: "unknown"
            }
        }
    }

    @Field(1) public var node: String = ""
    @Field(2) public var idempotencyKey: String = ""
    /// The node's order id ("" when none was created, or it is not known).
    @Field(3) public var orderID: String = ""
    @Field(4) public var outcome: Outcome = .failed
    @Field(5) public var reason: String = ""
    @Field(6) public var lines: [DispatchLine] = []
}
