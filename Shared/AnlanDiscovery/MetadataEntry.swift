import AnlanWire

/// A free-form key and value attached to a registration (e.g. `build=1.0.0`, `zone=coastal`).
@WireMessage
public struct MetadataEntry: Hashable, Codable, Sendable {
    @Field(1) public var key: String = ""
    @Field(2) public var value: String = ""
}
