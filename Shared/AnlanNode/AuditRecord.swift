import AnlanWire

/// One write a node let through, or one request it refused (审计记录): who, what, when, from where,
/// and how it ended.
@WireMessage
public struct AuditRecord: Hashable, Codable, Sendable {
    /// Milliseconds since 1970.
    @Field(1) public var at: Int64 = 0
    /// The node that kept it (its node id).
    @Field(2) public var node: String = ""
    /// The authenticated caller: `张三 (值班员, 330106) via anlan://330106/gateway`, or a node's `anlan://` name.
    @Field(3) public var who: String = ""
    @Field(4) public var method: String = ""
    /// The method's access level (`maintain`, `command`, `field`, `confirm`; any, for a refusal).
    @Field(5) public var access: String = ""
    /// The caller's address.
    @Field(6) public var from: String = ""
    /// The request as the handler received it, shortened.
    @Field(7) public var request: String = ""
    /// "ok", or the status and message it failed with.
    @Field(8) public var outcome: String = ""
}
