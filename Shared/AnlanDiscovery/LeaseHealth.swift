import AnlanWire

/// Where a lease stands: renewed within its TTL (healthy), overdue (suspect), or gone (expired).
///
/// A lease turns suspect one TTL after its last heartbeat and expires after two, when the registry removes
/// it — unless self-preservation holds it as suspect because too many leases lapsed at once.
///
/// A number this node does not know reads as `suspect`: a peer's newer state is never taken as healthy.
public enum LeaseHealth: UInt8, Sendable, Codable, CaseIterable, CustomStringConvertible, WireEnumeration {
    case healthy = 1
    case suspect = 2
    case expired = 3

    public var description: String {
        switch self {
        case .healthy: "healthy"
        case .suspect: "suspect"
        case .expired: "expired"
        }
    }

    public static var kindName: String { "lease health" }
    public static var unknownWireValue: LeaseHealth? { .suspect }
}
