import AnlanWire

/// Publishes a month's indices (月度发布): the node's region and each region below it down to its
/// counties, from the figures it has now, kept on disk. A published month is never rewritten.
@WireMessage
public struct PublishRequest: Hashable, Codable, Sendable {
    /// `2026-11`; empty: the previous calendar month.
    @Field(1) public var month: String = ""

    public init(month: String = "") {
        self.month = month
    }
}
