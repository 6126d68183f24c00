import AnlanRecords
import AnlanWire

/// One run of a course.
@WireMessage
public struct TrainingSession: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""
    @Field(2) public var courseCode: String = ""
    @Field(3) public var startsOn: CivilDay?
    @Field(4) public var endsOn: CivilDay?
    /// 0: the course's hours.
    @Field(5) public var hours: Double = 0
    @Field(6) public var location: String = ""
    @Field(7) public var instructor: String = ""
}
