import AnlanRPC
import AnlanRegions

/// Whom a node serves a request for (调用者): a node proving its certificate, or a person whose token it
/// carries (forwarded by the gateways between them).
public enum Caller: RPCPrincipal, Hashable {
    case node(NodeName)
    case person(Person)

    /// The region the caller acts for: the node's own, or the person's jurisdiction.
    public var jurisdiction: String {
        switch self {
        case .node(let name): name.region
        case .person(let person): person.jurisdiction.code
        }
    }

    public var auditName: String {
        switch self {
        case .node(let name): name.uri
        case .person(let person): person.description
        }
    }

    public var description: String { auditName }
}
