import AnlanWire

/// A CSV file of one kind of record (`Kind`, a service's `WireEnum` of record kinds), whole, in one
/// request — up to the frame limit; larger files go through a service's local `import` command.
@WireMessage
public struct CSVImportRequest<Kind: WireEnum>: Hashable, Codable, Sendable {
    @Field(1) public var kind: Kind = Kind.allCases.first!
    /// The file's text, header first
    @Field(2) public var csv: String = ""
    /// Where it came from, for the logs (e.g. the file name).
    @Field(3) public var source: String = ""

    /// The schema has no generics: one message per instance, named after its parameter.
    public static var wireName: String { "\(Kind.wireName)ImportRequest" }
}
