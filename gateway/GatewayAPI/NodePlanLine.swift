import AnlanWire
import MaterialReserveAPI

/// A plan line and the node whose storage point it draws on.
public struct NodePlanLine: WireMessage, Hashable, Codable {
    /// The region code of the node holding the storage point.
    public var node: String     // 1
    public var line: PlanLine   // 2

    public init(node: String = "", line: PlanLine = PlanLine()) {
        self.node = node
        self.line = line
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: node = try reader.readString(field)
            case 2: line = try reader.readMessage(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: node)
        writer.write(2, message: line)
    }
}
