import AnlanDiscovery
import AnlanNode
import AnlanRPC
import NIOConcurrencyHelpers

/// One `RegistryClient` per registry address in a process: the 1,359 township gateways of a
/// `serve-group` share their county registries' connections instead of opening one each.
enum RegistryClients {
    private static let clients = NIOLockedValueBox<[HostPort: RegistryClient]>([:])

    static func shared(_ address: HostPort, snapshotPath: String?, tls: RPCTLS?) -> RegistryClient {
        clients.withLockedValue { clients in
            if let client = clients[address] { return client }
            let client = RegistryClient(
                configuration: RPCClientConfiguration(host: address.host, port: address.port, defaultTimeout: .seconds(3), tls: tls),
                snapshotPath: snapshotPath)
            clients[address] = client
            return client
        }
    }
}
