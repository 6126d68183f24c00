import AnlanRecords
import AnlanWire

/// Attendances recorded together: each valid one is kept, each invalid one reported by position.
public struct AttendanceBatch: WireMessage, Hashable, Codable {
    public var attendances: [Attendance]  // 1 (repeated)

    public init(attendances: [Attendance] = []) {
        self.attendances = attendances
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: attendances.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, messages: attendances)
    }
}
