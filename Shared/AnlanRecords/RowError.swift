import AnlanWire

/// A CSV row that was not imported: its 1-based line in the file and why.
@WireMessage
public struct RowError: Hashable, Codable, Sendable {
    @Field(1) public var line: Int64 = 0
    @Field(2) public var reason: String = ""
}
