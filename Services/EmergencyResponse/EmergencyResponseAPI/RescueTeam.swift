import AnlanRecords
import AnlanWire

/// A rescue team (救援队伍), held by the node that commands it: only that node changes it.
@WireMessage
public struct RescueTeam: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""
    /// 队伍名称.
    @Field(2) public var name: String = ""
    @Field(3) public var kind: TeamKind = .professional
    /// At least one; sorted, each once.
    @Field(4) public var specialties: [Specialty] = []
    /// 人数.
    @Field(5) public var headcount: Int64 = 0
    /// 装备: counts of the catalogue's kinds.
    @Field(6) public var equipment: [EquipmentCount] = []
    /// Where the team is based (驻地).
    @Field(7) public var latitude: Double = 0
    @Field(8) public var longitude: Double = 0
    /// The region of the base, in the commanding node's subtree.
    @Field(9) public var regionCode: String = ""
    /// 指挥节点: the node that commands the team; set by that node (a record naming another is refused).
    @Field(10) public var commandingNode: String = ""
    @Field(11) public var readiness: Readiness = .standby
    /// 联系人 and phone.
    @Field(12) public var contact: String = ""
    @Field(13) public var phone: String = ""
    /// Aviation teams only: the largest helicopter class the team flies; it can land only where a point accepts it.
    @Field(14) public var helicopterClass: HelicopterClass?
    /// While deployed: the incident, and the deployment's idempotency key.
    @Field(15, .omitDefault) public var deployedTo: String = ""
    @Field(16, .omitDefault) public var deploymentKey: String = ""
}
