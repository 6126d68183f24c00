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
