import AnlanWire
import MaterialReserveAPI

/// A dispatch plan across tiers: quantities split over storage points of several nodes, nearest first.
public struct TieredPlan: WireMessage, Hashable, Codable {
    /// Names the plan; the orders a confirmation creates are keyed by it (one per node).
    public var planID: String                  // 1
    public var needs: [DispatchLine]           // 2 (repeated)
    public var destinationRegion: String       // 3
    public var destinationLatitude: Double     // 4
    public var destinationLongitude: Double    // 5
    public var targetHours: Double             // 6
    /// Nearest first (by distance, then node and storage point).
    public var lines: [NodePlanLine]           // 7 (repeated)
    /// What no node asked could supply, per item.
    public var unmet: [DispatchLine]           // 8 (repeated)
    /// Everything found, and every line arrives within the target.
    public var targetMet: Bool                 // 9
    public var latestEtaHours: Double          // 10
    /// The nodes asked, and whether each answered (a missing node's stock is not in the plan).
    public var nodes: [PartStatus]             // 11 (repeated)

    public init(planID: String = "", needs: [DispatchLine] = [], destinationRegion: String = "", destinationLatitude: Double = 0,
                destinationLongitude: Double = 0, targetHours: Double = 0, lines: [NodePlanLine] = [], unmet: [DispatchLine] = [],
                targetMet: Bool = false, latestEtaHours: Double = 0, nodes: [PartStatus] = []) {
        self.planID = planID
        self.needs = needs
        self.destinationRegion = destinationRegion
        self.destinationLatitude = destinationLatitude
        self.destinationLongitude = destinationLongitude
        self.targetHours = targetHours
        self.lines = lines
        self.unmet = unmet
        self.targetMet = targetMet
        self.latestEtaHours = latestEtaHours
        self.nodes = nodes
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: planID = try reader.readString(field)
            case 2: needs.append(try reader.readMessage(field))
            case 3: destinationRegion = try reader.readString(field)
            case 4: destinationLatitude = try reader.readDouble(field)
            case 5: destinationLongitude = try reader.readDouble(field)
            case 6: targetHours = try reader.readDouble(field)
            case 7: lines.append(try reader.readMessage(field))
            case 8: unmet.append(try reader.readMessage(field))
            case 9: targetMet = try reader.readBool(field)
            case 10: latestEtaHours = try reader.readDouble(field)
            case 11: nodes.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: planID)
        writer.write(2, messages: needs)
        writer.write(3, string: destinationRegion)
        writer.write(4, double: destinationLatitude)
        writer.write(5, double: destinationLongitude)
        writer.write(6, double: targetHours)
        writer.write(7, messages: lines)
        writer.write(8, messages: unmet)
        writer.write(9, bool: targetMet)
        writer.write(10, double: latestEtaHours)
        writer.write(11, messages: nodes)
    }
}
