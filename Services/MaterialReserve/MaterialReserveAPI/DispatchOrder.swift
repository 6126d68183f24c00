import AnlanRecords
import AnlanWire

/// 调拨单: items from this node's storage points to a destination, with its reservations.
public struct DispatchOrder: WireMessage, Hashable, Codable {
    /// Assigned by the node (`DO-<n>`); "" in a create request.
    public var id: String                   // 1
    /// The caller's key: a create repeated with the same key returns the first order, not a second.
    public var idempotencyKey: String       // 2
    /// The storage points stock may come from ("" none: any of this node's).
    public var sourcePointIDs: [String]     // 3 (repeated)
    public var destinationRegion: String    // 4
    public var destinationLatitude: Double  // 5
    public var destinationLongitude: Double // 6
    public var lines: [DispatchLine]        // 7 (repeated)
    public var state: DispatchState         // 8 (answers only)
    /// What approval reserved, first expiring first (answers only).
    public var allocations: [Allocation]    // 9 (repeated)
    public var requestedBy: String          // 10
    public var note: String                 // 11

    public init(id: String = "", idempotencyKey: String = "", sourcePointIDs: [String] = [], destinationRegion: String = "",
                destinationLatitude: Double = 0, destinationLongitude: Double = 0, lines: [DispatchLine] = [],
                state: DispatchState = .requested, allocations: [Allocation] = [], requestedBy: String = "", note: String = "") {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.sourcePointIDs = sourcePointIDs
        self.destinationRegion = destinationRegion
        self.destinationLatitude = destinationLatitude
        self.destinationLongitude = destinationLongitude
        self.lines = lines
        self.state = state
        self.allocations = allocations
        self.requestedBy = requestedBy
        self.note = note
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: idempotencyKey = try reader.readString(field)
            case 3: sourcePointIDs.append(try reader.readString(field))
            case 4: destinationRegion = try reader.readString(field)
            case 5: destinationLatitude = try reader.readDouble(field)
            case 6: destinationLongitude = try reader.readDouble(field)
            case 7: lines.append(try reader.readMessage(field))
            case 8: state = try reader.readEnum(field)
            case 9: allocations.append(try reader.readMessage(field))
            case 10: requestedBy = try reader.readString(field)
            case 11: note = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, string: idempotencyKey)
        writer.write(3, strings: sourcePointIDs)
        writer.write(4, string: destinationRegion)
        writer.write(5, double: destinationLatitude)
        writer.write(6, double: destinationLongitude)
        writer.write(7, messages: lines)
        writer.write(8, enum: state)
        writer.write(9, messages: allocations)
        writer.write(10, string: requestedBy)
        writer.write(11, string: note)
    }
}
