import AnlanRPC
import ServiceLifecycle

/// What a service brings to the shared node skeleton: its handlers, its counts and any background work.
/// Everything else — configuration, the server, lifecycle, registration, `node.info` — is `NodeServer`'s.
public protocol NodeService: Sendable {
    /// The service kind registered with the registry (the executable's name).
    static var kind: String { get }
    /// Adds the service's methods.
    func register(into router: inout RPCRouter)
    /// Counts for `node.info` (e.g. how many records it holds).
    func counts() async throws -> [NodeCount]
    /// Background services to run beside the server (started before it, stopped after it).
    var backgroundServices: [any Service] { get }
}

extension NodeService {
    public var backgroundServices: [any Service] { [] }
}
