import AnlanRecords
import AnlanWire

/// A certificate that expires, or is due for review, soon.
public struct ExpiringCertificate: WireMessage, Hashable, Codable {
    public var certificate: Certificate  // 1
    public var personName: String  // 2
    public var regionCode: String  // 3
    /// Expiry or review, whichever comes first.
    public var dueOn: CivilDay?  // 4
    /// Negative: already past.
    public var daysLeft: Int64  // 5
    /// The due day is a review, not the expiry.
    public var review: Bool  // 6

    public init(certificate: Certificate = Certificate(), personName: String = "", regionCode: String = "",
                dueOn: CivilDay? = nil, daysLeft: Int64 = 0, review: Bool = false) {
        self.certificate = certificate
        self.personName = personName
        self.regionCode = regionCode
        self.dueOn = dueOn
        self.daysLeft = daysLeft
        self.review = review
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: certificate = try reader.readMessage(field)
            case 2: personName = try reader.readString(field)
            case 3: regionCode = try reader.readString(field)
            case 4: dueOn = try reader.readDay(field)
            case 5: daysLeft = try reader.readInt64(field)
            case 6: review = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, message: certificate)
        writer.write(2, string: personName)
        writer.write(3, string: regionCode)
        writer.write(4, day: dueOn)
        writer.write(5, int: daysLeft)
        if review { writer.write(6, bool: true) }
    }
}
