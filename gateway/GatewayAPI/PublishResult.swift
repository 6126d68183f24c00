import AnlanWire

/// What a publication kept.
@WireMessage
public struct PublishResult: Hashable, Codable, Sendable {
    @Field(1) public var month: String = ""
    /// Regions whose snapshot was written now.
    @Field(2) public var published: UInt32 = 0
    /// Regions whose snapshot for the month already existed and was kept as it was.
    @Field(3) public var alreadyPublished: UInt32 = 0
    @Field(4) public var configurationVersion: String = ""

    public init() {}
}
