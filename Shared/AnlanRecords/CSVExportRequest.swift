import AnlanWire

/// Asks for a region subtree's records of one kind as CSV, streamed in `CSVChunk`s.
@WireMessage
public struct CSVExportRequest<Kind: WireEnum>: Hashable, Codable, Sendable {
    @Field(1) public var kind: Kind = Kind.allCases.first!
    /// "" means the node's own region.
    @Field(2) public var regionCode: String = ""

    /// The schema has no generics: one message per instance, named after its parameter.
    public static var wireName: String { "\(Kind.wireName)ExportRequest" }
}
