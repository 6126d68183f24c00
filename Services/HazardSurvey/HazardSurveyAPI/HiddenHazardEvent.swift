import AnlanRecords
import AnlanWire

/// One step in a hidden hazard's history: who did what, when, and what it left behind.
@WireMessage
public struct HiddenHazardEvent: Hashable, Codable, Sendable {
    /// 1, 2, 3 … per hazard
    @Field(1) public var sequence: Int64 = 0
    @Field(2) public var action: HiddenHazardAction = .discover
    /// Absent for discover
    @Field(3) public var fromState: HiddenHazardState?
    @Field(4) public var toState: HiddenHazardState = .discovered
    @Field(5) public var actor: String = ""
    /// When it was recorded, Unix time in milliseconds.
    @Field(6) public var recordedAtMilliseconds: Int64 = 0
    /// The day it happened (e.g. the closing day; today unless the request said otherwise).
    @Field(7) public var day: CivilDay?
    @Field(8) public var note: String = ""
    /// A reference to the evidence: a document number, a photo id, a file path in the case system.
    @Field(9) public var evidence: String = ""
    /// The supervising tier and deadline after this step.
    @Field(10) public var supervisingTier: UInt8 = 0
    @Field(11) public var deadline: CivilDay?
}
