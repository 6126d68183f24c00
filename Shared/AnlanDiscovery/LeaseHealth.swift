/// Where a lease stands: renewed within its TTL (healthy), overdue (suspect), or gone (expired).
///
/// A lease turns suspect one TTL after its last heartbeat and expires after two, when the registry removes
/// it — unless self-preservation holds it as suspect because too many leases lapsed at once.
public enum LeaseHealth: UInt8, Sendable, Codable, CustomStringConvertible {
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
}
