import AnlanWire

/// What `node.audit` answers: the matching records, newest first.
@WireMessage
public struct AuditPage: Hashable, Codable, Sendable {
    @Field(1) public var records: [AuditRecord] = []
}
