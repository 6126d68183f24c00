import AnlanWire
import EmergencyResponseAPI

/// Between gateways: a deployment passed down to the node that commands the team.
@WireMessage
public struct NodeDeployment: Hashable, Codable, Sendable {
    @Field(1) public var node: String = ""
    @Field(2) public var deployment: Deployment = Deployment()
}
