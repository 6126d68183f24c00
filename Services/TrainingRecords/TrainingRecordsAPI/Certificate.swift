import AnlanRecords
import AnlanWire

/// A certificate a person holds.
public struct Certificate: WireMessage, Hashable, Codable {
    public var personID: String  // 1
    public var kind: String  // 2
    public var number: String  // 3
    public var issuedOn: CivilDay?  // 4
    /// Absent: does not expire.
    public var expiresOn: CivilDay?  // 5
    /// The next review (special operations: every 3 years).
    public var reviewDueOn: CivilDay?  // 6

    public init(personID: String = "", kind: String = "", number: String = "", issuedOn: CivilDay? = nil,
                expiresOn: CivilDay? = nil, reviewDueOn: CivilDay? = nil) {
        self.personID = personID
        self.kind = kind
        self.number = number
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.reviewDueOn = reviewDueOn
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: personID = try reader.readString(field)
            case 2: kind = try reader.readString(field)
            case 3: number = try reader.readString(field)
            case 4: issuedOn = try reader.readDay(field)
            case 5: expiresOn = try reader.readDay(field)
            case 6: reviewDueOn = try reader.readDay(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: personID)
        writer.write(2, string: kind)
        writer.write(3, string: number)
        writer.write(4, day: issuedOn)
        writer.write(5, day: expiresOn)
        writer.write(6, day: reviewDueOn)
    }
}
