import AnlanWire

/// Decides, before a handler runs, whether its caller may make the request (授权): the node's identity
/// layer implements it (AnlanIdentity's `NodeAuthorizer`); a router without one lets every request through.
public protocol RPCAuthorizer: Sendable {
    /// Who is calling, when the request may run.
    ///
    /// - Throws: `RPCError(.permissionDenied)` with the reason, when it may not (a credential that is
    ///   not valid included).
    func authorize(_ access: RPCAccess, request: any WireMessage, context: RPCRequestContext) async throws(RPCError) -> (any RPCPrincipal)?
}

/// Whom a request was authorized for (主体): a node, or a person its credential names. Handlers record
/// `auditName` where their histories record who acted.
public protocol RPCPrincipal: Sendable, CustomStringConvertible {
    /// The name an audit record keeps, e.g. `张三 (值班员, 330106) via anlan://330106/gateway`.
    var auditName: String { get }
}

/// A request that names the regions it reads or writes (a record's region, a query's), so that a
/// caller from inside a node's region can be confined to its own jurisdiction.
public protocol RegionScopedRequest {
    /// The region codes it names; "" stands for the node's whole region.
    var scopedRegions: [String] { get }
}

/// A request that says who acts (its `actor`, `requestedBy` or `inspector` field). When the router's
/// authorizer has named the caller, the router writes the caller's `auditName` there before the
/// handler runs, whatever the request said: the histories record who was authenticated, not free text.
public protocol ActorStampedRequest {
    /// The field that names who acts.
    var stampedActor: String { get set }
}
