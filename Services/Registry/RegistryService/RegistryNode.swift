import AnlanDiscovery
import AnlanIdentity
import AnlanNode
import AnlanRPC
import AnlanWire
import Logging
import ServiceLifecycle

/// The registry as a node: its methods on the shared server skeleton, and its lease sweeper.
public struct RegistryNode: NodeService {
    public static let kind = ServiceKind.registry
    public let registry: Registry
    private let logger: Logger

    public init(registry: Registry, logger: Logger) {
        self.registry = registry
        self.logger = logger
    }

    public func register(into router: inout RPCRouter) {
        let registry = self.registry
        // Over TLS a node registers only what its certificate names: its own region and service.
        // … and renews or ends only the leases granted to that name.
        router.async(RegistryMethods.register) { request, context in
            try await answering { try await registry.register(request, provenAs: Self.proven(context)) }
        }
        router.async(RegistryMethods.heartbeat) { request, context in
            try await answering { try await registry.heartbeat(request.leaseID, provenAs: Self.proven(context)) }
        }
        router.async(RegistryMethods.deregister) { request, context in
            try await answering { try await registry.deregister(request.leaseID, provenAs: Self.proven(context)) }
            return EmptyMessage()
        }
        router.async(RegistryMethods.lookup) { request, _ in try await answering { try await registry.lookup(request) } }
        router.async(RegistryMethods.list) { request, _ in try await answering { try await registry.list(request) } }
        router.stream(RegistryMethods.watch) { request, _, writer in
            try await answering {
                let (backlog, live) = try await registry.watch(request)
                var last: UInt64 = 0
                for event in backlog {
                    try await writer.send(event)
                    last = max(last, event.revision)
                }
                for try await event in live where event.revision > last {
                    try await writer.send(event)
                }
            }
        }
    }

    /// Plain connection: nothing proven (nil). Over TLS: the certificate's name ("" if it has none).
    private static func proven(_ context: RPCRequestContext) -> (region: String, service: String)? {
        guard context.peerCertificate != nil else { return nil }
        let caller = context.callerName
        return (region: caller?.region ?? "", service: caller?.service ?? "")
    }

    public func counts() async throws -> [NodeCount] {
        await registry.counts().map { NodeCount($0.0, $0.1) }
    }

    public var backgroundServices: [any Service] { [RegistrySweeper(registry: registry, logger: logger)] }
}

/// Runs a handler's body and answers a `RegistryError` it throws as the client sees it: the wire status of
/// the same name and the same message; anything else passes through.
private func answering<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as RegistryError {
        throw RPCError(error.code.wireStatus, error.message, cause: error.cause)
    }
}

extension RegistryError.Code {
    /// The wire status a client sees for this code.
    public var wireStatus: WireStatus {
        switch self {
        case .invalidArgument: .invalidArgument
        case .notFound: .notFound
        case .unavailable: .unavailable
        case .resourceExhausted: .resourceExhausted
        case .permissionDenied: .permissionDenied
        }
    }
}
