import AnlanWire
import EmergencyResponseAPI

/// A release (or undo) of a deployment, passed down to the node that commands the team.
@WireMessage
public struct NodeRelease: Hashable, Codable, Sendable {
    @Field(1) public var node: String = ""
    @Field(2) public var release: ReleaseRequest = ReleaseRequest()
}
