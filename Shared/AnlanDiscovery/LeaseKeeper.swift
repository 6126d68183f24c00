import AnlanRPC
import Logging
import ServiceLifecycle

/// Keeps one registration alive: registers, heartbeats every third of the TTL, registers again if the
/// registry forgot the lease (e.g. it expired during a partition), retries while the registry is down,
/// and deregisters on graceful shutdown so peers stop routing here at once.
public final class LeaseKeeper: Service, Sendable {
    private let client: RegistryClient
    private let registration: @Sendable () async throws -> Registration
    private let ttl: Duration
    private let logger: Logger

    /// `registration` is asked once, after the node's server is bound (so the port is known).
    public init(client: RegistryClient, ttl: Duration = .seconds(15), logger: Logger,
                registration: @escaping @Sendable () async throws -> Registration) {
        self.client = client
        self.registration = registration
        self.ttl = ttl
        self.logger = logger
    }

    public func run() async throws {
        let registration = try await self.registration()
        let leaseID = await cancelWhenGracefulShutdown { await self.keepAlive(registration) }
        if let leaseID {
            do {
                try await client.deregister(leaseID: leaseID)
                logger.info("deregistered", metadata: ["lease": "\(leaseID)"])
            } catch {
                logger.warning("could not deregister", metadata: ["error": "\(error)"])
            }
        }
        await client.close()
    }

    /// Registers and heartbeats until cancelled; returns the lease held at that moment.
    private func keepAlive(_ registration: Registration) async -> UInt64? {
        var leaseID: UInt64?
        var failures = 0
        while !Task.isCancelled {
            do {
                if let lease = leaseID {
                    _ = try await client.heartbeat(leaseID: lease)
                } else {
                    // Not cancelled by shutdown: a registration the registry may already have committed must
                    // come back with its lease id, so that the shutdown that follows can deregister it.
                    let client = self.client, ttl = self.ttl
                    let grant = try await Task { try await client.register(registration, ttl: ttl) }.value
                    leaseID = grant.leaseID
                    logger.info("registered", metadata: [
                        "service": "\(registration.service)", "region": "\(registration.regionCode)",
                        "lease": "\(grant.leaseID)",
                        "registry": "\(client.rpc.configuration.host):\(client.rpc.configuration.port)"])
                }
                failures = 0
                try await Task.sleep(for: ttl / 3)
            } catch let error as RPCError where error.status == .notFound {
                logger.warning("registry forgot the lease; registering again")
                leaseID = nil
            } catch let error as RPCError {
                failures += 1
                if failures == 1 || failures % 20 == 0 {
                    logger.warning("registry unreachable", metadata: ["error": "\(error)", "attempts": "\(failures)"])
                }
                try? await Task.sleep(for: min(ttl / 3, .milliseconds(250) * failures))
            } catch {
                break  // cancelled: graceful shutdown
            }
        }
        return leaseID
    }
}
