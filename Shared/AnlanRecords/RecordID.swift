import AnlanWire

/// Names one record by its id: the request of every `get` and `delete`.
@WireMessage
public struct RecordID: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""

    public init(_ id: String) {
        self.id = id
    }
}
