import AnlanRPC
import AnlanWire

/// The registry's methods (ids 0x0100–0x01FF).
@WireMethods
public enum RegistryMethods {
    /// Fails with `invalidArgument` (unknown region, missing service/instance id/host/port), `unavailable` (storage),
    /// `permissionDenied` (over TLS: the caller's certificate names another region or service than it registers).
    public static let register = RPCMethod<RegisterRequest, LeaseGrant>(id: 0x0101, name: "registry.register", access: .registration)
    /// Fails with `notFound`: the lease expired or is unknown — register again.
    public static let heartbeat = RPCMethod<LeaseRequest, LeaseGrant>(id: 0x0102, name: "registry.heartbeat", access: .registration)
    /// Fails with `notFound`.
    public static let deregister = RPCMethod<LeaseRequest, EmptyMessage>(id: 0x0103, name: "registry.deregister", access: .registration)
    /// Fails with `invalidArgument`.
    public static let lookup = RPCMethod<LookupRequest, LookupResponse>(id: 0x0104, name: "registry.lookup", access: .discovery)
    /// Fails with `invalidArgument`.
    public static let list = RPCMethod<ListRequest, ListResponse>(id: 0x0105, name: "registry.list", access: .discovery)
    /// Streamed: `WatchEvent`s until the caller cancels.
    /// Runs until the caller cancels or the connection closes.
    public static let watch = RPCMethod<WatchRequest, WatchEvent>(id: 0x0106, name: "registry.watch", streaming: true, access: .discovery)
}
