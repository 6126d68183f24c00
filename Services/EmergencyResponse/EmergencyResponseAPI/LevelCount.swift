import AnlanRecords
import AnlanWire

/// Open incidents at one response level.
@WireMessage
public struct LevelCount: Hashable, Codable, Sendable {
    @Field(1) public var level: ResponseLevel = .four
    @Field(2) public var open: Int64 = 0
}
