import AnlanRecords
import AnlanWire

/// Changes an enterprise's risk grade and records who did it and why.
public struct RegradeRequest: WireMessage, Hashable, Codable {
    public var id: String            // 1
    public var grade: RiskGrade      // 2
    public var changedBy: String     // 3 (required)
    public var reason: String        // 4
    /// The day of the change; absent means today at the node.
    public var changedOn: CivilDay?  // 5

    public init(id: String = "", grade: RiskGrade = .blue, changedBy: String = "", reason: String = "", changedOn: CivilDay? = nil) {
        self.id = id
        self.grade = grade
        self.changedBy = changedBy
        self.reason = reason
        self.changedOn = changedOn
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: grade = try reader.readEnum(field)
            case 3: changedBy = try reader.readString(field)
            case 4: reason = try reader.readString(field)
            case 5: changedOn = try reader.readDay(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, enum: grade)
        writer.write(3, string: changedBy)
        writer.write(4, string: reason)
        writer.write(5, day: changedOn)
    }
}
