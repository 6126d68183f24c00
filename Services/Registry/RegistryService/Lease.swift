import AnlanDiscovery

/// A registration held in memory with its lease clock. Heartbeats touch only `lastHeartbeat`.
struct Lease: Sendable {
    var registration: Registration
    let leaseID: UInt64
    var ttl: Duration
    var lastHeartbeat: ContinuousClock.Instant
    var health: LeaseHealth
    var revision: UInt64

    func record(now: ContinuousClock.Instant) -> RegistrationRecord {
        let age = now - lastHeartbeat
        return RegistrationRecord(
            registration: registration, leaseID: leaseID, health: health,
            heartbeatAgeMilliseconds: UInt64(max(0, age.wholeMilliseconds)), ttlMilliseconds: UInt32(clamping: ttl.wholeMilliseconds),
            revision: revision)
    }

    /// Health by the lease clock alone: suspect after one TTL, expired after two.
    func healthByClock(now: ContinuousClock.Instant) -> LeaseHealth {
        let age = now - lastHeartbeat
        if age <= ttl { return .healthy }
        if age <= ttl * 2 { return .suspect }
        return .expired
    }
}
