import AnlanRecords
import AnlanWire

/// Attendances recorded together: each valid one is kept, each invalid one reported by position.
@WireMessage
public struct AttendanceBatch: Hashable, Codable, Sendable {
    @Field(1) public var attendances: [Attendance] = []
}
