/// Whom a request was authorized for (主体): a node, or a person its credential names. Handlers record
/// `auditName` where their histories record who acted.
public protocol RPCPrincipal: Sendable, CustomStringConvertible {
    /// The name an audit record keeps, e.g. `张三 (值班员, 330106) via anlan://330106/gateway`.
    var auditName: String { get }
}
