import AnlanRecords
import AnlanWire
import MaterialReserveAPI

/// What a confirmation did at one node.
public struct NodeOrder: WireMessage, Hashable, Codable {
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

    public var node: String              // 1
    public var idempotencyKey: String    // 2
    /// The node's order id ("" when none was created, or it is not known).
    public var orderID: String           // 3
    public var outcome: Outcome          // 4
    public var reason: String            // 5
    public var lines: [DispatchLine]     // 6 (repeated)

    public init(node: String = "", idempotencyKey: String = "", orderID: String = "", outcome: Outcome = .failed, reason: String = "",
                lines: [DispatchLine] = []) {
        self.node = node
        self.idempotencyKey = idempotencyKey
        self.orderID = orderID
        self.outcome = outcome
        self.reason = reason
        self.lines = lines
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: node = try reader.readString(field)
            case 2: idempotencyKey = try reader.readString(field)
            case 3: orderID = try reader.readString(field)
            case 4: outcome = try reader.readEnum(field)
            case 5: reason = try reader.readString(field)
            case 6: lines.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: node)
        writer.write(2, string: idempotencyKey)
        writer.write(3, string: orderID)
        writer.write(4, enum: outcome)
        writer.write(5, string: reason)
        writer.write(6, messages: lines)
    }
}
