import AnlanRecords
import AnlanWire

/// One entry in an enterprise's grade history: the grade it got, the one before (none for the first), when, who, why.
public struct GradeChange: WireMessage, Hashable, Codable {
    public var grade: RiskGrade        // 1
    public var previous: RiskGrade?    // 2 (absent for the first grade)
    public var changedOn: CivilDay?    // 3
    public var changedBy: String       // 4
    public var reason: String          // 5

    public init(grade: RiskGrade = .blue, previous: RiskGrade? = nil, changedOn: CivilDay? = nil,
                changedBy: String = "", reason: String = "") {
        self.grade = grade
        self.previous = previous
        self.changedOn = changedOn
        self.changedBy = changedBy
        self.reason = reason
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: grade = try reader.readEnum(field)
            case 2: previous = try reader.readEnum(field)
            case 3: changedOn = try reader.readDay(field)
            case 4: changedBy = try reader.readString(field)
            case 5: reason = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, enum: grade)
        if let previous { writer.write(2, enum: previous) }
        writer.write(3, day: changedOn)
        writer.write(4, string: changedBy)
        writer.write(5, string: reason)
    }
}
