import AnlanRecords
import AnlanWire

/// A training course: its hours, pass mark, the certificate it grants and the roles it counts for.
public struct Course: WireMessage, Hashable, Codable {
    public var code: String  // 1
    public var name: String  // 2
    public var hours: Double  // 3
    /// Score out of 100 needed to pass (0: attendance passes).
    public var passMark: Double  // 4
    public var grantsCertificate: Bool  // 5
    public var certificateKind: String  // 6
    /// Certificate validity (0: does not expire).
    public var validityMonths: UInt32  // 7
    /// Certificate review interval (0: none), e.g. 36 for special operations.
    public var reviewMonths: UInt32  // 8
    /// The roles whose training hours it counts for.
    public var roles: [PersonRole]  // 9 (repeated)

    public init(code: String = "", name: String = "", hours: Double = 0, passMark: Double = 0,
                grantsCertificate: Bool = false, certificateKind: String = "", validityMonths: UInt32 = 0,
                reviewMonths: UInt32 = 0, roles: [PersonRole] = []) {
        self.code = code
        self.name = name
        self.hours = hours
        self.passMark = passMark
        self.grantsCertificate = grantsCertificate
        self.certificateKind = certificateKind
        self.validityMonths = validityMonths
        self.reviewMonths = reviewMonths
        self.roles = roles
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: code = try reader.readString(field)
            case 2: name = try reader.readString(field)
            case 3: hours = try reader.readDouble(field)
            case 4: passMark = try reader.readDouble(field)
            case 5: grantsCertificate = try reader.readBool(field)
            case 6: certificateKind = try reader.readString(field)
            case 7: validityMonths = try reader.readUInt(field)
            case 8: reviewMonths = try reader.readUInt(field)
            case 9: roles.append(try reader.readEnum(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: code)
        writer.write(2, string: name)
        writer.write(3, double: hours)
        writer.write(4, double: passMark)
        if grantsCertificate { writer.write(5, bool: true) }
        writer.write(6, string: certificateKind)
        writer.write(7, uint: validityMonths)
        writer.write(8, uint: reviewMonths)
        writer.write(9, enums: roles)
    }
}
