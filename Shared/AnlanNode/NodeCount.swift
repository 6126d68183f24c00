import AnlanWire

/// A named count a service reports in `node.info` (e.g. `registrations`, `hazard points`).
@WireMessage
public struct NodeCount: Hashable, Codable, Sendable {
    @Field(1) public var name: String = ""
    @Field(2) public var value: Int64 = 0

    public init(_ name: String, _ value: Int64) {
        self.name = name
        self.value = value
    }
}
