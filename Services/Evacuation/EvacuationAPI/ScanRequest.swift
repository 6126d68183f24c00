import AnlanRPC
import AnlanRecords
import AnlanWire

/// 码上转: a cadre's record of one action for one person, by transfer code (typed, or a QR payload).
///
/// Idempotent: the same action again changes nothing and answers the task as it is.
@WireMessage
public struct ScanRequest: Hashable, Codable, Sendable {
    /// The person's code, or the QR payload `ANLAN-TC:<code>`.
    @Field(1) public var transferCode: String = ""
    /// The warning; "" for the person's most recent active warning.
    @Field(2) public var warningID: String = ""
    @Field(3) public var action: TransferAction = .confirm
    /// For a move: the shelter ("" for relatives).
    @Field(4) public var shelterID: String = ""
    /// Who records it.
    @Field(5) public var actor: String = ""
    @Field(6) public var note: String = ""
}

extension ScanRequest: ActorStampedRequest {
    public var stampedActor: String {
        get { actor }
        set { actor = newValue }
    }
}
