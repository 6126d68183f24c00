import AnlanWire
import MaterialReserveAPI

/// Between gateways: plan a need from a node's subtree, either starting at the destination's own node
/// and widening only as far as needed, or over the whole subtree (the destination lies elsewhere).
public struct SubtreePlanRequest: WireMessage, Hashable, Codable {
    /// Needs, destination coordinates (always given) and target hours.
    public var request: PlanRequest   // 1
    public var wholeSubtree: Bool     // 2

    public init(request: PlanRequest = PlanRequest(), wholeSubtree: Bool = false) {
        self.request = request
        self.wholeSubtree = wholeSubtree
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: request = try reader.readMessage(field)
            case 2: wholeSubtree = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, message: request)
        writer.write(2, bool: wholeSubtree)
    }
}
