import AnlanRecords
import AnlanWire

/// A node's teams that could answer, nearest first.
@WireMessage
public struct TeamCandidates: Hashable, Codable, Sendable {
    @Field(1) public var candidates: [TeamCandidate] = []
    /// More teams matched than the limit.
    @Field(2, .omitDefault) public var truncated: Bool = false
}
