import AnlanDiscovery
import AnlanRPC
import AnlanTestSupport
import Foundation
import NIOConcurrencyHelpers
import Logging
import RegistryService
import ServiceLifecycle

var quietLogger: Logger {
    var logger = Logger(label: "registry-test")
    logger.logLevel = .critical
    return logger
}

/// A registry served over real TCP on port 0, with its sweeper, until `body` returns.
func withRegistryServer<T>(
    registry: Registry,
    tls: RPCTLS? = nil,
    _ body: (Int) async throws -> T
) async throws -> T {
    let node = RegistryNode(registry: registry, logger: quietLogger)
    var router = RPCRouter()
    node.register(into: &router)
    let server = RPCServer(configuration: RPCServerConfiguration(tls: tls), router: router, logger: quietLogger)
    return try await withServiceGroup(node.backgroundServices + [server], logger: quietLogger) {
        try await body(try await server.port)
    }
}

func registration(_ service: String, _ region: String, port: UInt16 = 7000, instance: String? = nil) -> Registration {
    Registration(instanceID: instance ?? "\(region)-\(service)-\(port)", service: service, regionCode: region, tier: 0,
                 host: "127.0.0.1", port: port)
}

/// Configuration with short leases and no background sweeping surprises (tests call `sweep()` themselves).
func fastLeases(ttl: Duration = .milliseconds(100), sweep: Duration = .seconds(3600)) -> RegistryConfiguration {
    RegistryConfiguration(defaultTTL: ttl, minimumTTL: .milliseconds(10), sweepInterval: sweep)
}

/// A lease clock the test moves by hand, so lease tests do not depend on how busy the machine is.
final class ManualClock: Sendable {
    private let start = ContinuousClock.now
    private let offset = NIOLockedValueBox(Duration.zero)

    var now: @Sendable () -> ContinuousClock.Instant {
        { [start, offset] in start + offset.withLockedValue { $0 } }
    }

    func advance(_ duration: Duration) {
        offset.withLockedValue { $0 += duration }
    }
}
