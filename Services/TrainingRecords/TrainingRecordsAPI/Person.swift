import AnlanRecords
import AnlanWire

/// Someone in emergency work whose training is recorded.
/// 
/// The national ID number is stored in full by the owning node and sent masked (first 6 and last 4
/// characters) in every answer: only the node's local CLI shows it whole.
public struct Person: WireMessage, Hashable, Codable {
    public var id: String  // 1
    public var name: String  // 2
    /// 18 characters, GB 11643 check character.
    public var nationalID: String  // 3
    public var role: PersonRole  // 4
    /// Village-level officers carry their township's code and a `village`.
    public var regionCode: String  // 5
    /// The village (行政村) for village-level people; "" otherwise.
    public var village: String  // 6
    public var employer: String  // 7
    /// Mining, hazardous chemicals, fireworks or metal smelting.
    public var highRiskSector: Bool  // 8
    /// When the person took up the role.
    public var joinedOn: CivilDay?  // 9

    public init(id: String = "", name: String = "", nationalID: String = "", role: PersonRole = .employee,
                regionCode: String = "", village: String = "", employer: String = "", highRiskSector: Bool = false,
                joinedOn: CivilDay? = nil) {
        self.id = id
        self.name = name
        self.nationalID = nationalID
        self.role = role
        self.regionCode = regionCode
        self.village = village
        self.employer = employer
        self.highRiskSector = highRiskSector
        self.joinedOn = joinedOn
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: name = try reader.readString(field)
            case 3: nationalID = try reader.readString(field)
            case 4: role = try reader.readEnum(field)
            case 5: regionCode = try reader.readString(field)
            case 6: village = try reader.readString(field)
            case 7: employer = try reader.readString(field)
            case 8: highRiskSector = try reader.readBool(field)
            case 9: joinedOn = try reader.readDay(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, string: name)
        writer.write(3, string: nationalID)
        writer.write(4, enum: role)
        writer.write(5, string: regionCode)
        writer.write(6, string: village)
        writer.write(7, string: employer)
        if highRiskSector { writer.write(8, bool: true) }
        writer.write(9, day: joinedOn)
    }
}
