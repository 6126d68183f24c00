import AnlanWire

/// Subscribes to registry changes after `fromRevision` (0: the whole current state first).
@WireMessage
public struct WatchRequest: Hashable, Sendable {
    /// 0: send the whole current state first
    @Field(1, .omitDefault) public var fromRevision: UInt64 = 0
    /// Empty: all services
    @Field(2, .omitDefault) public var service: String = ""
}
