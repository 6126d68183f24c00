import AnlanRecords
import AnlanWire

/// A warning as an OASIS CAP 1.2 `<alert>` document, the format public warning systems exchange.
@WireMessage
public struct CAPDocument: Hashable, Codable, Sendable {
    /// The XML text, UTF-8.
    @Field(1) public var xml: String = ""
}
