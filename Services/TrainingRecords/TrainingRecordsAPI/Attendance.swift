import AnlanRecords
import AnlanWire

/// A person's attendance at a session. `passed` is derived by the node from the course's pass mark.
public struct Attendance: WireMessage, Hashable, Codable {
    public var personID: String  // 1
    public var sessionID: String  // 2
    /// Hours attended (at most the session's).
    public var hours: Double  // 3
    /// 0…100.
    public var score: Double  // 4
    /// Set by the node.
    public var passed: Bool  // 5

    public init(personID: String = "", sessionID: String = "", hours: Double = 0, score: Double = 0, passed: Bool = false) {
        self.personID = personID
        self.sessionID = sessionID
        self.hours = hours
        self.score = score
        self.passed = passed
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: personID = try reader.readString(field)
            case 2: sessionID = try reader.readString(field)
            case 3: hours = try reader.readDouble(field)
            case 4: score = try reader.readDouble(field)
            case 5: passed = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: personID)
        writer.write(2, string: sessionID)
        writer.write(3, double: hours)
        writer.write(4, double: score)
        if passed { writer.write(5, bool: true) }
    }
}
