import AnlanRecords
import AnlanWire

/// Certificates due within the window, soonest first.
public struct ExpiringReport: WireMessage, Hashable, Codable {
    public var asOf: CivilDay?  // 1
    public var through: CivilDay?  // 2
    public var certificates: [ExpiringCertificate]  // 3 (repeated)

    public init(asOf: CivilDay? = nil, through: CivilDay? = nil, certificates: [ExpiringCertificate] = []) {
        self.asOf = asOf
        self.through = through
        self.certificates = certificates
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: asOf = try reader.readDay(field)
            case 2: through = try reader.readDay(field)
            case 3: certificates.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, day: asOf)
        writer.write(2, day: through)
        writer.write(3, messages: certificates)
    }
}
