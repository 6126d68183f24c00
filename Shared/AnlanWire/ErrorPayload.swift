/// The payload of an ERROR frame: a human-readable message (the status is in the header).
@WireMessage
public struct ErrorPayload: Hashable, Sendable {
    /// Human-readable description. Always written by Swift nodes (even when empty).
    @Field(1) public var message: String = ""
    /// Optional machine-oriented detail, e.g. the field at fault
    @Field(2) public var detail: String?
}
