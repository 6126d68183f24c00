/// How a registry manages leases. Defaults follow Nacos' field-proven numbers (15 s to suspect, 30 s to
/// removal with a 5 s heartbeat) and Eureka's self-preservation.
public struct RegistryConfiguration: Sendable {
    /// TTL given to registrations that ask for none.
    public var defaultTTL: Duration
    /// Requested TTLs are clamped to this range.
    public var minimumTTL: Duration
    public var maximumTTL: Duration
    /// How often leases are checked.
    public var sweepInterval: Duration
    /// When more than this fraction of leases has lapsed at once, assume a partition and keep them (suspect).
    public var selfPreservationThreshold: Double
    /// Self-preservation applies only with at least this many leases (one lapse of three is not a partition).
    public var selfPreservationMinimumLeases: Int
    /// Self-preservation keeps lapsed leases at most this long: a partition heals or the nodes really
    /// are gone (default 15 minutes).
    public var selfPreservationLimit: Duration
    /// Changes kept for watchers that resume; older watchers get a reset and the full state.
    public var changeLogRetention: Int

    public init(
        defaultTTL: Duration = .seconds(15),
        minimumTTL: Duration = .milliseconds(50),
        maximumTTL: Duration = .seconds(300),
        sweepInterval: Duration = .seconds(1),
        selfPreservationThreshold: Double = 0.5,
        selfPreservationMinimumLeases: Int = 4,
        selfPreservationLimit: Duration = .seconds(900),
        changeLogRetention: Int = 10_000
    ) {
        self.defaultTTL = defaultTTL
        self.minimumTTL = minimumTTL
        self.maximumTTL = maximumTTL
        self.sweepInterval = sweepInterval
        self.selfPreservationThreshold = selfPreservationThreshold
        self.selfPreservationMinimumLeases = selfPreservationMinimumLeases
        self.selfPreservationLimit = selfPreservationLimit
        self.changeLogRetention = changeLogRetention
    }
}
