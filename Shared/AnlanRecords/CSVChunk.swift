import AnlanWire

/// A piece of a streamed CSV export: the first chunk starts with the header line, each ends at a row end.
@WireMessage
public struct CSVChunk: Hashable, Codable, Sendable {
    @Field(1) public var text: String = ""
    /// Data rows in this chunk
    @Field(2) public var rows: Int64 = 0
}
