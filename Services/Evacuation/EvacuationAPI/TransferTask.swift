import AnlanRecords
import AnlanWire

/// One person to move under one warning, created once when the warning reaches the person's node.
@WireMessage
public struct TransferTask: Hashable, Codable, Sendable {
    @Field(1) public var warningID: String = ""
    @Field(2) public var transferCode: String = ""
    @Field(3) public var name: String = ""
    @Field(4) public var regionCode: String = ""
    @Field(5) public var village: String = ""
    @Field(6) public var cadre: String = ""
    @Field(7) public var phone: String = ""
    /// Has a need: moved first.
    @Field(8) public var vulnerable: Bool = false
    @Field(9) public var needs: [PersonNeed] = []
    @Field(10) public var state: TransferState = .toCall
    /// Where the person went when moved ("" for relatives, or not moved).
    @Field(11) public var shelterID: String = ""
    /// The last change (Unix ms).
    @Field(12) public var updatedAtMilliseconds: Int64 = 0
    /// Every step, oldest first (in `transfer.get` answers).
    @Field(13) public var history: [TransferEvent] = []
}
