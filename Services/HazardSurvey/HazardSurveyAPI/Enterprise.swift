import AnlanRecords
import AnlanWire

/// An enterprise in the safety risk survey (企业安全风险普查) with its four-colour risk grade.
public struct Enterprise: WireMessage, Hashable, Codable {
    public var id: String                    // 1
    public var name: String                  // 2
    /// 统一社会信用代码, validated (18 characters, check character).
    public var creditCode: String            // 3
    /// The county or township it is registered in.
    public var regionCode: String            // 4
    public var sector: IndustrySector        // 5
    /// Whether it holds a major hazard source (重大危险源).
    public var majorHazardSource: Bool       // 6
    public var grade: RiskGrade              // 7
    /// Every grade it has had, oldest first (answers only; ignored in requests).
    public var gradeHistory: [GradeChange]   // 8 (repeated)

    public init(id: String = "", name: String = "", creditCode: String = "", regionCode: String = "",
                sector: IndustrySector = .industryAndMining, majorHazardSource: Bool = false, grade: RiskGrade = .blue,
                gradeHistory: [GradeChange] = []) {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.regionCode = regionCode
        self.sector = sector
        self.majorHazardSource = majorHazardSource
        self.grade = grade
        self.gradeHistory = gradeHistory
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: name = try reader.readString(field)
            case 3: creditCode = try reader.readString(field)
            case 4: regionCode = try reader.readString(field)
            case 5: sector = try reader.readEnum(field)
            case 6: majorHazardSource = try reader.readBool(field)
            case 7: grade = try reader.readEnum(field)
            case 8: gradeHistory.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, string: name)
        writer.write(3, string: creditCode)
        writer.write(4, string: regionCode)
        writer.write(5, enum: sector)
        writer.write(6, bool: majorHazardSource)
        writer.write(7, enum: grade)
        writer.write(8, messages: gradeHistory)
    }
}
