import AnlanRecords
import AnlanWire

/// Asks for a person's compliance in a year.
public struct ComplianceRequest: WireMessage, Hashable, Codable {
    public var personID: String  // 1
    /// 0: this year.
    public var year: UInt32  // 2

    public init(personID: String = "", year: UInt32 = 0) {
        self.personID = personID
        self.year = year
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: personID = try reader.readString(field)
            case 2: year = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: personID)
        writer.write(2, uint: year)
    }
}
