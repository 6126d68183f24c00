import AnlanRecords
import AnlanWire

/// One person's transfer under one warning, with its history.
@WireMessage
public struct TransferQuery: Hashable, Codable, Sendable {
    /// The person's code, or the QR payload.
    @Field(1) public var transferCode: String = ""
    /// The warning; "" for the person's most recent active warning.
    @Field(2) public var warningID: String = ""
}
