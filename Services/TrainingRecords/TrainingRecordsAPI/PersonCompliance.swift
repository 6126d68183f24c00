import AnlanRecords
import AnlanWire

/// The training rules that apply to a person in a year, and whether each is met.
public struct PersonCompliance: WireMessage, Hashable, Codable {
    public var personID: String  // 1
    public var year: UInt32  // 2
    public var results: [RuleResult]  // 3 (repeated)
    /// Every rule met.
    public var compliant: Bool  // 4

    public init(personID: String = "", year: UInt32 = 0, results: [RuleResult] = [], compliant: Bool = false) {
        self.personID = personID
        self.year = year
        self.results = results
        self.compliant = compliant
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: personID = try reader.readString(field)
            case 2: year = try reader.readUInt(field)
            case 3: results.append(try reader.readMessage(field))
            case 4: compliant = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: personID)
        writer.write(2, uint: year)
        writer.write(3, messages: results)
        if compliant { writer.write(4, bool: true) }
    }
}
