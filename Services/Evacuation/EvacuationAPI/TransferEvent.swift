import AnlanRecords
import AnlanWire

/// One recorded step of a person's transfer: who did what, when. Append-only.
@WireMessage
public struct TransferEvent: Hashable, Codable, Sendable {
    @Field(1) public var sequence: Int64 = 0
    @Field(2) public var action: TransferAction = .confirm
    @Field(3) public var fromState: TransferState = .toCall
    @Field(4) public var toState: TransferState = .called
    /// Who recorded it (the cadre's name or id).
    @Field(5) public var actor: String = ""
    /// When the node recorded it (Unix ms).
    @Field(6) public var recordedAtMilliseconds: Int64 = 0
    /// For a move: the shelter ("" for relatives).
    @Field(7) public var shelterID: String = ""
    @Field(8) public var note: String = ""
}
