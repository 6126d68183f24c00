/// Who may call a method (访问级别), declared beside the method (`RPCMethod.access`) and decided by the
/// server's `RPCAuthorizer` before its handler runs. What each level allows, by role and by region,
/// is the identity layer's policy (AnlanIdentity's `AccessPolicy`, listed in docs/ARCHITECTURE.md).
public enum RPCAccess: String, Sendable, Hashable, CaseIterable {
    /// Anyone whose connection is authenticated: the runtime's own methods (echo, info, metrics).
    case connection
    /// Joining the mesh (注册): only a node, for the region and service its certificate names.
    case registration
    /// Finding nodes (服务发现): any authenticated node or person of the province.
    case discovery
    /// Reading records (查询): the node's region itself and its ancestors; a caller inside the region
    /// only for regions within its own jurisdiction.
    case read
    /// Keeping records (维护: create, update, delete, import): administrators and duty officers.
    case maintain
    /// Commanding (指挥: warnings, incidents, dispatch, orders): duty officers.
    case command
    /// Field work (现场: transfer scans, field reports, arrivals, inspections, rectification): cadres,
    /// inspectors and duty officers.
    case field
    /// Confirming a cross-tier dispatch (调度确认): only the dispatching node's own duty officer.
    case confirm
}
