import AnlanRecords
import AnlanWire

/// One run of a course.
public struct TrainingSession: WireMessage, Hashable, Codable {
    public var id: String  // 1
    public var courseCode: String  // 2
    public var startsOn: CivilDay?  // 3
    public var endsOn: CivilDay?  // 4
    /// 0: the course's hours.
    public var hours: Double  // 5
    public var location: String  // 6
    public var instructor: String  // 7

    public init(id: String = "", courseCode: String = "", startsOn: CivilDay? = nil, endsOn: CivilDay? = nil,
                hours: Double = 0, location: String = "", instructor: String = "") {
        self.id = id
        self.courseCode = courseCode
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.hours = hours
        self.location = location
        self.instructor = instructor
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: courseCode = try reader.readString(field)
            case 3: startsOn = try reader.readDay(field)
            case 4: endsOn = try reader.readDay(field)
            case 5: hours = try reader.readDouble(field)
            case 6: location = try reader.readString(field)
            case 7: instructor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, string: courseCode)
        writer.write(3, day: startsOn)
        writer.write(4, day: endsOn)
        writer.write(5, double: hours)
        writer.write(6, string: location)
        writer.write(7, string: instructor)
    }
}
