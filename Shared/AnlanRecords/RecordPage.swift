import AnlanWire

/// One page of a list: the records in order and the cursor for the next page ("" when this is the last).
@WireMessage
public struct RecordPage<Record: WireMessage & Codable & Hashable>: Hashable, Codable, Sendable {
    @Field(1) public var records: [Record] = []
    @Field(2) public var nextCursor: String = ""

    /// The schema has no generics: one message per instance, named after its parameter.
    public static var wireName: String { "\(Record.wireName)Page" }
}
