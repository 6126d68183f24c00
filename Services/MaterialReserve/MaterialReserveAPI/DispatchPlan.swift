import AnlanWire

/// A nearest-first plan: the lines, what could not be found, and whether the target time is met.
public struct DispatchPlan: WireMessage, Hashable, Codable {
    public var lines: [PlanLine]          // 1 (repeated; nearest first per item)
    /// Quantities no storage point of this node could supply, per item.
    public var unmet: [DispatchLine]      // 2 (repeated)
    public var targetHours: Double        // 3
    /// Everything found, and every line arrives within the target.
    public var targetMet: Bool            // 4
    /// The latest arrival of any line, hours.
    public var latestEtaHours: Double     // 5

    public init(lines: [PlanLine] = [], unmet: [DispatchLine] = [], targetHours: Double = 0, targetMet: Bool = false,
                latestEtaHours: Double = 0) {
        self.lines = lines
        self.unmet = unmet
        self.targetHours = targetHours
        self.targetMet = targetMet
        self.latestEtaHours = latestEtaHours
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: lines.append(try reader.readMessage(field))
            case 2: unmet.append(try reader.readMessage(field))
            case 3: targetHours = try reader.readDouble(field)
            case 4: targetMet = try reader.readBool(field)
            case 5: latestEtaHours = try reader.readDouble(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, messages: lines)
        writer.write(2, messages: unmet)
        writer.write(3, double: targetHours)
        writer.write(4, bool: targetMet)
        writer.write(5, double: latestEtaHours)
    }
}
