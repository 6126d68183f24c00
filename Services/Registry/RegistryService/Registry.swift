import AnlanDiscovery
import AnlanRegions
import AnlanWire
import Logging

/// One tier's registry: which node serves which region and service, under leases.
///
/// Every change gets the next revision and is written to SQLite before it is acknowledged or pushed to
/// watchers; heartbeats only move a lease's clock in memory. After a restart, persisted leases come back
/// *suspect* with one TTL of grace, so nodes that are still up turn healthy with their next heartbeat and
/// nodes that died with the registry expire.
public actor Registry {
    public let configuration: RegistryConfiguration
    /// The region this registry is authoritative for.
    public let regionCode: String
    private let store: RegistryStore
    private let regions: RegionTree
    private let logger: Logger
    /// The lease clock; tests pass a manual one.
    private let now: @Sendable () -> ContinuousClock.Instant

    private var leases: [UInt64: Lease] = [:]
    private var leaseByInstance: [String: UInt64] = [:]
    /// service → region code → lease ids.
    private var index: [String: [String: Set<UInt64>]] = [:]
    private var revision: UInt64
    private var oldestLoggedRevision: UInt64
    private var watchers: [Int: (service: String, continuation: AsyncThrowingStream<WatchEvent, any Error>.Continuation)] = [:]
    private var nextWatcherID = 0
    /// True while lapsed leases are being kept because too many lapsed at once.
    public private(set) var selfPreservation = false
    private var selfPreservationSince: ContinuousClock.Instant?

    public init(databasePath: String, regionCode: String, configuration: RegistryConfiguration = .init(),
                regions: RegionTree = .zhejiang, logger: Logger,
                now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) throws {
        self.now = now
        self.configuration = configuration
        self.regionCode = regionCode
        self.regions = regions
        self.logger = logger
        self.store = try RegistryStore(path: databasePath)
        let (records, revision, oldest) = try store.load()
        self.revision = revision
        self.oldestLoggedRevision = oldest ?? revision + 1
        let now = self.now()
        for record in records {
            let ttl = Duration.milliseconds(Int64(record.ttlMilliseconds))
            let lease = Lease(registration: record.registration, leaseID: record.leaseID, ttl: ttl,
                              lastHeartbeat: now - ttl, health: .suspect, revision: record.revision)
            leases[lease.leaseID] = lease
            leaseByInstance[record.registration.instanceID] = lease.leaseID
            index[record.registration.service, default: [:]][record.registration.regionCode, default: []].insert(lease.leaseID)
        }
        if !records.isEmpty {
            logger.info("restored registrations as suspect until they heartbeat", metadata: ["count": "\(records.count)"])
        }
    }

    // MARK: Leases

    /// Registers (or renews) `request`'s instance. `provenAs`: the region and service the caller proved
    /// with its certificate (nil on a plain connection); a registration for anything else is refused.
    public func register(_ request: RegisterRequest, provenAs registrant: (region: String, service: String)? = nil) throws -> LeaseGrant {
        var registration = request.registration
        guard !registration.service.isEmpty else { throw RegistryError.invalidArgument("registration needs a service") }
        guard !registration.instanceID.isEmpty else { throw RegistryError.invalidArgument("registration needs an instance id") }
        guard !registration.host.isEmpty, registration.port != 0 else {
            throw RegistryError.invalidArgument("registration needs a host and a port, got \(registration.address)")
        }
        let region: Region
        do {
            region = try regions.region(registration.regionCode)
        } catch {
            throw RegistryError.invalidArgument("\(error)")
        }
        if let registrant, registrant.region != region.code || registrant.service != registration.service {
            throw RegistryError(.permissionDenied, registrant.region.isEmpty
                ? "the caller's certificate names no node; it may not register"
                : "anlan://\(registrant.region)/\(registrant.service) may not register \(registration.service) at \(region.code)")
        }
        registration.regionCode = region.code
        registration.tier = region.tier.rawValue
        let requested = request.ttlMilliseconds == 0 ? configuration.defaultTTL : .milliseconds(Int64(request.ttlMilliseconds))
        let ttl = min(max(requested, configuration.minimumTTL), configuration.maximumTTL)

        var events: [WatchEvent] = []
        let leaseID: UInt64
        if let existing = leaseByInstance[registration.instanceID], let old = leases[existing],
           old.registration.service == registration.service, old.registration.regionCode == registration.regionCode {
            leaseID = existing  // the same instance registering again keeps its lease
            leases[existing]?.lastHeartbeat = now()
        } else {
            if let existing = leaseByInstance[registration.instanceID], let old = leases[existing] {
                events.append(WatchEvent(revision: revision + 1, kind: .delete, record: old.record(now: now())))
            }
            leaseID = revision + UInt64(events.count) + 1
        }
        let newRevision = revision + UInt64(events.count) + 1
        let lease = Lease(registration: registration, leaseID: leaseID, ttl: ttl, lastHeartbeat: now(),
                          health: .healthy, revision: newRevision)
        events.append(WatchEvent(revision: newRevision, kind: .put, record: lease.record(now: now())))
        try commit(events)
        logger.info("registered", metadata: ["service": "\(registration.service)", "region": "\(registration.regionCode)",
                                             "address": "\(registration.address)", "lease": "\(leaseID)"])
        return LeaseGrant(leaseID: leaseID, ttlMilliseconds: UInt32(clamping: ttl.wholeMilliseconds), revision: newRevision)
    }

    /// Renews lease `leaseID`. `provenAs`: the caller's proven region and service (nil on a plain
    /// connection); a lease is renewed only by the node it was granted to.
    public func heartbeat(_ leaseID: UInt64, provenAs registrant: (region: String, service: String)? = nil) throws -> LeaseGrant {
        guard var lease = leases[leaseID] else {
            throw RegistryError.notFound("lease \(leaseID) is unknown or expired; register again")
        }
        try Self.check(lease, heldBy: registrant)
        lease.lastHeartbeat = now()
        leases[leaseID] = lease
        if lease.health != .healthy {
            lease.health = .healthy
            lease.revision = revision + 1
            try commit([WatchEvent(revision: lease.revision, kind: .put, record: lease.record(now: now()))])
        }
        return LeaseGrant(leaseID: leaseID, ttlMilliseconds: UInt32(clamping: lease.ttl.wholeMilliseconds),
                          revision: revision, health: .healthy)
    }

    /// Ends lease `leaseID`; over TLS only the node it was granted to may (`provenAs`, as for `heartbeat`).
    public func deregister(_ leaseID: UInt64, provenAs registrant: (region: String, service: String)? = nil) throws {
        guard let lease = leases[leaseID] else { throw RegistryError.notFound("lease \(leaseID) is unknown or expired") }
        try Self.check(lease, heldBy: registrant)
        try commit([WatchEvent(revision: revision + 1, kind: .delete, record: lease.record(now: now()))])
        logger.info("deregistered", metadata: ["service": "\(lease.registration.service)",
                                               "region": "\(lease.registration.regionCode)"])
    }

    /// Refuses a caller that proved another name than the lease's registration.
    private static func check(_ lease: Lease, heldBy registrant: (region: String, service: String)?) throws {
        guard let registrant else { return }
        let registration = lease.registration
        guard registrant.region == registration.regionCode, registrant.service == registration.service else {
            throw RegistryError(.permissionDenied, "lease \(lease.leaseID) is anlan://\(registration.regionCode)/\(registration.service)'s, "
                                + "not \(registrant.region.isEmpty ? "a caller without a node name" : "anlan://\(registrant.region)/\(registrant.service)")'s")
        }
    }

    /// Moves leases along healthy → suspect → expired; expired ones are removed unless self-preservation holds.
    public func sweep() throws {
        let now = self.now()
        guard !leases.isEmpty else { return }
        var lapsed = 0
        var transitions: [(Lease, LeaseHealth)] = []
        for lease in leases.values {
            let health = lease.healthByClock(now: now)
            if health != .healthy { lapsed += 1 }
            if health != lease.health { transitions.append((lease, health)) }
        }
        let manyLapsed = leases.count >= configuration.selfPreservationMinimumLeases
            && Double(lapsed) / Double(leases.count) > configuration.selfPreservationThreshold
        if manyLapsed, selfPreservationSince == nil { selfPreservationSince = now }
        if !manyLapsed { selfPreservationSince = nil }
        // Kept at most `selfPreservationLimit`: after that, lapsed leases expire as usual.
        let preserve = manyLapsed && now - selfPreservationSince! < configuration.selfPreservationLimit
        if preserve != selfPreservation {
            selfPreservation = preserve
            if preserve {
                logger.warning("self-preservation: \(lapsed) of \(leases.count) leases lapsed at once; keeping them as suspect")
            } else {
                logger.notice("self-preservation ended")
            }
        }
        var events: [WatchEvent] = []
        for (lease, health) in transitions.sorted(by: { $0.0.leaseID < $1.0.leaseID }) {
            var changed = lease
            let next = revision + UInt64(events.count) + 1
            switch health {
            case .expired where preserve:
                guard lease.health != .suspect else { continue }
                changed.health = .suspect
                changed.revision = next
                events.append(WatchEvent(revision: next, kind: .put, record: changed.record(now: now)))
            case .expired:
                events.append(WatchEvent(revision: next, kind: .delete, record: lease.record(now: now)))
                logger.notice("lease expired", metadata: ["service": "\(lease.registration.service)",
                                                          "region": "\(lease.registration.regionCode)"])
            case .healthy, .suspect:
                changed.health = health
                changed.revision = next
                events.append(WatchEvent(revision: next, kind: .put, record: changed.record(now: now)))
            }
        }
        if !events.isEmpty { try commit(events) }
    }

    // MARK: Reads

    /// Instances of `service` for the region or its nearest served ancestor, plus a referral to a child
    /// tier's registry that covers the region more closely.
    public func lookup(_ request: LookupRequest) throws -> LookupResponse {
        let chain: [Region]
        do {
            let region = try regions.region(request.regionCode)
            chain = [region] + (try regions.ancestors(of: region.code))
        } catch {
            throw RegistryError.invalidArgument("\(error)")
        }
        let now = self.now()
        var response = LookupResponse(records: [], matchedRegion: "", revision: revision)
        let byRegion = index[request.service] ?? [:]
        for region in chain {
            guard let ids = byRegion[region.code], !ids.isEmpty else { continue }
            let all = ids.compactMap { leases[$0] }.sorted { $0.leaseID < $1.leaseID }
            let healthy = all.filter { $0.health == .healthy }
            let chosen = (healthy.isEmpty || request.includeSuspect) ? all.sorted { $0.health.rawValue < $1.health.rawValue } : healthy
            response.records = chosen.map { $0.record(now: now) }
            response.matchedRegion = region.code
            break
        }
        if request.service != ServiceKind.registry {
            // The chain runs from the region up; candidates are the regions below the matched one, nearest first.
            let matched = chain.firstIndex { $0.code == response.matchedRegion } ?? chain.count
            let childRegistries = index[ServiceKind.registry] ?? [:]
            for region in chain.prefix(matched) where region.code != regionCode {
                guard let ids = childRegistries[region.code] else { continue }
                if let id = ids.first(where: { leases[$0]?.health == .healthy }) ?? ids.first, let lease = leases[id] {
                    response.referral = lease.record(now: now)
                    break
                }
            }
        }
        return response
    }

    public func list(_ request: ListRequest) throws -> ListResponse {
        if !request.subtreeOf.isEmpty, !regions.contains(request.subtreeOf) {
            throw RegistryError.invalidArgument("unknown region code \"\(request.subtreeOf)\"")
        }
        let now = self.now()
        let records = leases.values
            .filter { request.service.isEmpty || $0.registration.service == request.service }
            .filter { request.subtreeOf.isEmpty || regions.isInSubtree($0.registration.regionCode, of: request.subtreeOf) }
            .sorted { ($0.registration.regionCode, $0.registration.instanceID) < ($1.registration.regionCode, $1.registration.instanceID) }
            .map { $0.record(now: now) }
        return ListResponse(records: records, revision: revision, selfPreservation: selfPreservation)
    }

    /// Subscribes to changes after `fromRevision`: the backlog to send first, then the live stream.
    /// A watcher that falls more than 100,000 events behind gets an error (`resourceExhausted`) instead of a
    /// silent gap; it watches again from its last revision and receives the backlog or a reset.
    public func watch(_ request: WatchRequest) throws -> (backlog: [WatchEvent], live: AsyncThrowingStream<WatchEvent, any Error>) {
        var backlog: [WatchEvent]
        if request.fromRevision > 0, request.fromRevision + 1 >= oldestLoggedRevision, request.fromRevision <= revision {
            backlog = try store.changes(after: request.fromRevision, service: request.service)
        } else {
            let now = self.now()
            backlog = request.fromRevision == 0 ? [] : [WatchEvent(revision: revision, kind: .reset, record: nil)]
            backlog += leases.values
                .filter { request.service.isEmpty || $0.registration.service == request.service }
                .sorted { $0.revision < $1.revision }
                .map { WatchEvent(revision: $0.revision, kind: .put, record: $0.record(now: now)) }
        }
        let (stream, continuation) = AsyncThrowingStream<WatchEvent, any Error>.makeStream(bufferingPolicy: .bufferingOldest(100_000))
        let id = nextWatcherID
        nextWatcherID += 1
        watchers[id] = (request.service, continuation)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeWatcher(id) }
        }
        return (backlog, stream)
    }

    private func removeWatcher(_ id: Int) {
        watchers[id] = nil
    }

    /// Counts for `node.info`.
    public func counts() -> [(String, Int64)] {
        let healthy = leases.values.filter { $0.health == .healthy }.count
        return [
            ("registrations", Int64(leases.count)),
            ("healthy", Int64(healthy)),
            ("suspect", Int64(leases.count - healthy)),
            ("watchers", Int64(watchers.count)),
            ("revision", Int64(revision)),
            ("self-preservation", selfPreservation ? 1 : 0),
        ]
    }

    // MARK: Changes

    /// Persists `events` (one transaction), then applies them in memory and pushes them to watchers.
    private func commit(_ events: [WatchEvent]) throws {
        let last = events.last!.revision
        // Prune every 100 revisions (a commit of several events may step over the multiple of 100).
        let prune = last / 100 > revision / 100 && last > UInt64(configuration.changeLogRetention)
            ? last - UInt64(configuration.changeLogRetention) : nil
        do {
            try store.apply(events, pruneBelow: prune)
        } catch {
            logger.error("could not persist registry change", metadata: ["error": "\(error)"])
            throw RegistryError.unavailable("registry storage failed: \(error)", cause: error)
        }
        if let prune { oldestLoggedRevision = max(oldestLoggedRevision, prune) }
        if oldestLoggedRevision > events[0].revision { oldestLoggedRevision = events[0].revision }
        for event in events {
            guard let record = event.record else { continue }
            let registration = record.registration
            switch event.kind {
            case .put:
                if let previous = leases[record.leaseID] {
                    index[previous.registration.service]?[previous.registration.regionCode]?.remove(record.leaseID)
                }
                // The lease clock is the caller's to move (register and heartbeat set it before committing).
                let lastHeartbeat = leases[record.leaseID]?.lastHeartbeat ?? now()
                leases[record.leaseID] = Lease(registration: registration, leaseID: record.leaseID,
                                               ttl: .milliseconds(Int64(record.ttlMilliseconds)),
                                               lastHeartbeat: lastHeartbeat, health: record.health, revision: event.revision)
                leaseByInstance[registration.instanceID] = record.leaseID
                index[registration.service, default: [:]][registration.regionCode, default: []].insert(record.leaseID)
            case .delete:
                leases[record.leaseID] = nil
                if leaseByInstance[registration.instanceID] == record.leaseID { leaseByInstance[registration.instanceID] = nil }
                index[registration.service]?[registration.regionCode]?.remove(record.leaseID)
            case .reset:
                break
            }
            for (id, watcher) in watchers where watcher.service.isEmpty || watcher.service == registration.service {
                if case .dropped = watcher.continuation.yield(event) {
                    watcher.continuation.finish(throwing: RegistryError(.resourceExhausted,
                        "watcher fell behind at revision \(event.revision); watch again from your last revision"))
                    watchers[id] = nil
                }
            }
        }
        revision = last
    }
}
