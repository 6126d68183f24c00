import AnlanWire

/// What `node.audit` is asked (审计查询): a node's audit records, newest first.
@WireMessage
public struct AuditQuery: Hashable, Codable, Sendable {
    /// Only records at or after this time (milliseconds since 1970); 0: all.
    @Field(1) public var since: Int64 = 0
    /// Only records whose caller's name contains this text ("": any).
    @Field(2) public var who: String = ""
    /// Only this method's records ("": any).
    @Field(3) public var method: String = ""
    /// At most this many (default 100, at most 1,000).
    @Field(4) public var limit: UInt32 = 0
}
