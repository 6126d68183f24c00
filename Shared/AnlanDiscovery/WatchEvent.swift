import AnlanWire

/// One numbered change pushed to a watcher.
///
/// `put` adds or replaces a record (also a health change), `delete` removes it. `reset` says the watcher's
/// revision is older than the registry's change log reaches: drop what you hold; the current state follows
/// as `put`s, then live changes.
@WireMessage
public struct WatchEvent: Hashable, Sendable {
    public enum Kind: UInt8, Sendable, CaseIterable, WireEnumeration {
        case put = 1
        case delete = 2
        case reset = 3

        public static var kindName: String { "watch event kind" }
    }

    @Field(1) public var revision: UInt64 = 0
    /// 1 `put` (a record added or changed, health included), 2 `delete`, 3 `reset`
    @Field(2) public var kind: Kind = .put
    @Field(3) public var record: RegistrationRecord?
}
