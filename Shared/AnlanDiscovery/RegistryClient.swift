import AnlanRPC
import AnlanRegions
import AnlanWire
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A node's view of its registry: leases, lookups that follow referrals down the tiers, watches, and a
/// persistent snapshot used — with its age — when the registry cannot be reached.
public final class RegistryClient: Sendable {
    public let rpc: RPCClient
    private let snapshotPath: String?
    private let snapshot: NIOLockedValueBox<[String: RegistrySnapshot.Entry]>
    private let referralClients = NIOLockedValueBox<[String: RegistryClient]>([:])
    /// Snapshot writes that failed (disk full, unwritable path): the live answers stood, but a later outage
    /// would be answered from an older snapshot.
    public let snapshotFailures = NIOLockedValueBox(0)
    private let group: any EventLoopGroup

    public init(configuration: RPCClientConfiguration, snapshotPath: String? = nil,
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.rpc = RPCClient(configuration: configuration, group: group)
        self.snapshotPath = snapshotPath
        self.group = group
        let loaded = snapshotPath.map(RegistrySnapshot.load(path:)) ?? RegistrySnapshot()
        self.snapshot = NIOLockedValueBox(Dictionary(loaded.entries.map { ($0.key, $0) }, uniquingKeysWith: { $1 }))
    }

    public convenience init(host: String, port: Int, snapshotPath: String? = nil) {
        self.init(configuration: RPCClientConfiguration(host: host, port: port, defaultTimeout: .seconds(3)),
                  snapshotPath: snapshotPath)
    }

    public func register(_ registration: Registration, ttl: Duration? = nil) async throws(RPCError) -> LeaseGrant {
        let ttlMilliseconds = ttl.map { UInt32(clamping: $0.wholeMilliseconds) } ?? 0
        return try await rpc.call(RegistryMethods.register, RegisterRequest(registration: registration, ttlMilliseconds: ttlMilliseconds))
    }

    public func heartbeat(leaseID: UInt64) async throws(RPCError) -> LeaseGrant {
        try await rpc.call(RegistryMethods.heartbeat, LeaseRequest(leaseID: leaseID))
    }

    public func deregister(leaseID: UInt64, timeout: Duration = .seconds(1)) async throws(RPCError) {
        _ = try await rpc.call(RegistryMethods.deregister, LeaseRequest(leaseID: leaseID), timeout: timeout)
    }

    public func list(service: String = "", subtreeOf: String = "") async throws(RPCError) -> ListResponse {
        try await rpc.call(RegistryMethods.list, ListRequest(service: service, subtreeOf: subtreeOf))
    }

    public func watch(fromRevision: UInt64 = 0, service: String = "") async throws(RPCError)
        -> AsyncThrowingMapSequence<AsyncThrowingStream<ByteBuffer, any Error>, WatchEvent>
    {
        try await rpc.stream(RegistryMethods.watch, WatchRequest(fromRevision: fromRevision, service: service))
    }

    /// The instances of `service` serving `regionCode`, following referrals to child tiers' registries.
    ///
    /// When the registry is unreachable, the last answer for the same question is returned from the snapshot,
    /// marked with the time it was fetched; with no such answer, the registry's error is thrown.
    public func lookup(service: String, regionCode: String, timeout: Duration? = nil) async throws(RPCError) -> Discovery {
        do {
            let response = try await lookupLive(service: service, regionCode: regionCode, timeout: timeout, hops: 3)
            remember(RegistrySnapshot.Entry(service: service, regionCode: regionCode, response: response,
                                            fetchedAtMilliseconds: Int64(Date().timeIntervalSince1970 * 1000)))
            return Discovery(response: response, source: .live)
        } catch where [.unavailable, .deadlineExceeded, .notProcessed].contains(error.status) {
            let key = RegistrySnapshot.Entry.key(service: service, regionCode: regionCode)
            guard let entry = snapshot.withLockedValue({ $0[key] }) else { throw error }
            let fetchedAt = Date(timeIntervalSince1970: Double(entry.fetchedAtMilliseconds) / 1000)
            return Discovery(response: entry.response, source: .snapshot(fetchedAt: fetchedAt))
        }
    }

    private func lookupLive(service: String, regionCode: String, timeout: Duration?, hops: Int) async throws(RPCError) -> LookupResponse {
        let response = try await rpc.call(RegistryMethods.lookup, LookupRequest(service: service, regionCode: regionCode),
                                          timeout: timeout)
        guard hops > 0, let referral = response.referral else { return response }
        let child = referralClient(referral.registration)
        do {
            let deeper = try await child.lookupLive(service: service, regionCode: regionCode, timeout: timeout, hops: hops - 1)
            return deeper.records.isEmpty ? response : deeper
        } catch {
            // A child registry that is cut off must not hide what this tier knows.
            return response
        }
    }

    private func referralClient(_ registration: Registration) -> RegistryClient {
        referralClients.withLockedValue { clients in
            if let client = clients[registration.address] { return client }
            let client = RegistryClient(configuration: RPCClientConfiguration(
                host: registration.host, port: Int(registration.port), defaultTimeout: rpc.configuration.defaultTimeout,
                tls: rpc.configuration.tls),
                group: group)
            clients[registration.address] = client
            return client
        }
    }

    private func remember(_ entry: RegistrySnapshot.Entry) {
        guard let snapshotPath else { return }
        let changed = snapshot.withLockedValue { entries -> [RegistrySnapshot.Entry]? in
            // Heartbeat ages differ on every answer; the file is rewritten only when the instances do.
            if let known = entries[entry.key], known.response.sameInstances(as: entry.response) { return nil }
            entries[entry.key] = entry
            return Array(entries.values)
        }
        if let changed {
            do {
                try RegistrySnapshot(entries: changed.sorted { $0.key < $1.key }).save(path: snapshotPath)
            } catch {
                // The live answer still stands; only the fallback for a later outage is stale.
                snapshotFailures.withLockedValue { $0 += 1 }
            }
        }
    }

    /// Closes this client's connections.
    public func close() async {
        await rpc.close()
        for client in referralClients.withLockedValue({ Array($0.values) }) { await client.close() }
    }
}
