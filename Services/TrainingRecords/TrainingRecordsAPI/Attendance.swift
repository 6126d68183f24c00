import AnlanRecords
import AnlanWire

/// A person's attendance at a session. `passed` is derived by the node from the course's pass mark.
@WireMessage
public struct Attendance: Hashable, Codable, Sendable {
    @Field(1) public var personID: String = ""
    @Field(2) public var sessionID: String = ""
    /// Hours attended (at most the session's).
    @Field(3) public var hours: Double = 0
    /// 0…100.
    @Field(4) public var score: Double = 0
    /// Set by the node.
    @Field(5, .omitDefault) public var passed: Bool = false
}
