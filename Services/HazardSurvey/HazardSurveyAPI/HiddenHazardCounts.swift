import AnlanRecords
import AnlanWire

/// Hidden hazards by where they stand, as of a day. Open + closed = all.
public struct HiddenHazardCounts: WireMessage, Hashable, Codable {
    public var open: Int64          // 1
    /// Open and past their deadline.
    public var overdue: Int64       // 2
    public var closed: Int64        // 3
    /// Closed on or before their deadline.
    public var closedOnTime: Int64  // 4
    /// Open major hazards (重大隐患).
    public var majorOpen: Int64     // 5
    /// Open hazards listed for public supervision (挂牌督办).
    public var listedOpen: Int64    // 6

    public init(open: Int64 = 0, overdue: Int64 = 0, closed: Int64 = 0, closedOnTime: Int64 = 0,
                majorOpen: Int64 = 0, listedOpen: Int64 = 0) {
        self.open = open
        self.overdue = overdue
        self.closed = closed
        self.closedOnTime = closedOnTime
        self.majorOpen = majorOpen
        self.listedOpen = listedOpen
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: open = try reader.readInt64(field)
            case 2: overdue = try reader.readInt64(field)
            case 3: closed = try reader.readInt64(field)
            case 4: closedOnTime = try reader.readInt64(field)
            case 5: majorOpen = try reader.readInt64(field)
            case 6: listedOpen = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, int: open)
        writer.write(2, int: overdue)
        writer.write(3, int: closed)
        writer.write(4, int: closedOnTime)
        writer.write(5, int: majorOpen)
        writer.write(6, int: listedOpen)
    }

    public mutating func merge(_ other: HiddenHazardCounts) {
        open.addSaturating(other.open)
        overdue.addSaturating(other.overdue)
        closed.addSaturating(other.closed)
        closedOnTime.addSaturating(other.closedOnTime)
        majorOpen.addSaturating(other.majorOpen)
        listedOpen.addSaturating(other.listedOpen)
    }
}
