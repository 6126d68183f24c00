import AnlanRPC
import AnlanRegions

/// Who may do what where (访问策略): the rule every node applies before a handler runs, as a pure
/// function of the method's access level, the caller and the node's own name.
///
/// **Regions.** A caller acts for a region (its jurisdiction: a node's own region, a person's from
/// their token). Against the node's region it is
/// - *the same or an ancestor*: it may read and write there (a county reads and writes its subtree);
/// - *inside* (a township calling its county's services, which keep its records): it reads, and where a
///   query names regions (`RegionScopedRequest`) each must lie within its own jurisdiction; it does field
///   work only by requests that name a region within its jurisdiction (reporting an incident or a hidden
///   hazard of its own township, not its neighbour's); keeping and commanding at that node are the
///   node's own region's (the county keeps the records it holds);
/// - *outside* (a neighbour): refused.
///
/// **Roles.** Keeping records (`maintain`): administrators and officers; commanding (`command`):
/// officers; field work (`field`): cadres, inspectors and officers; confirming a cross-tier dispatch
/// (`confirm`): only an officer of the dispatching node's own region. A node acting for itself (no
/// person's token) reads; a gateway also writes for its region (warnings it redelivers, indices it
/// publishes) but never confirms; registering is for nodes only.
public struct AccessPolicy: Sendable {
    /// What a decision is: allowed, or refused with the reason the caller is told.
    public enum Decision: Hashable, Sendable {
        case allow
        case deny(String)
    }

    /// How the caller's jurisdiction stands to the node's region.
    public enum Relation: Hashable, Sendable {
        case sameOrAncestor
        case inside
        case outside
    }

    public let regions: RegionTree

    public init(regions: RegionTree = .zhejiang) {
        self.regions = regions
    }

    /// The roles that may make writes of each kind.
    public static func roles(for access: RPCAccess) -> Set<Role> {
        switch access {
        case .maintain: [.administrator, .officer]
        case .command, .confirm: [.officer]
        case .field: [.cadre, .inspector, .officer]
        case .connection, .registration, .discovery, .read: Set(Role.allCases)
        }
    }

    public func relation(of jurisdiction: String, to region: String) -> Relation {
        if regions.isInSubtree(region, of: jurisdiction) { return .sameOrAncestor }
        if regions.isInSubtree(jurisdiction, of: region) { return .inside }
        return .outside
    }

    /// Whether `caller` may call a method of `access` on `node`.
    ///
    /// - Parameter scoped: the regions the request names (`RegionScopedRequest`), nil when it names none.
    public func decide(_ access: RPCAccess, caller: Caller, node: NodeName, scoped: [String]?) -> Decision {
        switch access {
        case .connection, .discovery:
            return .allow
        case .registration:
            guard case .node = caller else { return .deny("only a node registers, not a person (\(caller))") }
            return .allow
        case .read:
            return regionRule(caller, node, scoped, access)
        case .maintain, .command, .field:
            switch caller {
            case .person(let person):
                guard Self.roles(for: access).contains(person.role) else {
                    return .deny("\(access.rawValue) needs the role of \(Self.names(Self.roles(for: access))); \(person) is \(person.role.chineseName)")
                }
            case .node(let name):
                guard name.service == "gateway" else {
                    return .deny("\(name) may read but not \(access.rawValue): writes come from a person or a gateway")
                }
            }
            return regionRule(caller, node, scoped, access)
        case .confirm:
            guard case .person(let person) = caller else {
                return .deny("confirming a dispatch needs a duty officer signed in, not a node (\(caller))")
            }
            guard person.role == .officer, person.jurisdiction.code == node.region else {
                return .deny("confirming a dispatch at \(node.region) needs its own 值班员; \(person) is not")
            }
            return .allow
        }
    }

    private func regionRule(_ caller: Caller, _ node: NodeName, _ scoped: [String]?, _ access: RPCAccess) -> Decision {
        let jurisdiction = caller.jurisdiction
        switch relation(of: jurisdiction, to: node.region) {
        case .sameOrAncestor:
            return .allow
        case .outside:
            return .deny("\(caller) acts for \(jurisdiction), which neither contains nor lies within \(node.region)")
        case .inside:
            if access == .maintain || access == .command {
                return .deny("\(caller) acts for \(jurisdiction), inside \(node.region): \(access.rawValue) at \(node.region) is its own tier's")
            }
            guard let scoped else {
                return access == .read ? .allow
                    : .deny("\(caller) acts for \(jurisdiction), inside \(node.region): field work here must name a region within \(jurisdiction)")
            }
            for code in scoped {
                let named = code.isEmpty ? node.region : ((try? regions.canonicalCode(code)) ?? code)
                guard regions.isInSubtree(named, of: jurisdiction) else {
                    return .deny("\(caller) acts for \(jurisdiction); the request names \(code.isEmpty ? "all of \(node.region)" : named), outside it")
                }
            }
            return .allow
        }
    }

    private static func names(_ roles: Set<Role>) -> String {
        Role.allCases.filter(roles.contains).map(\.chineseName).joined(separator: "/")
    }
}
