import AnlanRecords
import AnlanWire

/// One kind of rescue equipment in the node's catalogue (装备目录), beside the materials' catalogue:
/// equipment goes with its team and comes back; materials are used up.
@WireMessage
public struct EquipmentItem: Hashable, Codable, Sendable {
    /// A short stable code, e.g. `assault-boat`.
    @Field(1) public var code: String = ""
    /// 名称, e.g. 冲锋舟.
    @Field(2) public var name: String = ""
    /// 计量单位, e.g. 艘.
    @Field(3) public var unit: String = ""
}
