import AnlanIdentity
import AnlanNode
import BenchSupport
import AnlanRPC
import AnlanWire
import NIOCore

/// `node.echo` through `RPCClient`. Compression is Anlan's default (zlib above 1 KiB); off means a
/// threshold no payload reaches.
struct AnlanEchoClient: EchoClient {
    let client: RPCClient
    let request: Echo

    init(port: Int, payload: [UInt8], compressed: Bool, pki: String?) async throws {
        let tls = try pki.map { directory in
            try NodeCredentials.load(from: PKIDirectory(directory),
                                     name: NodeName(region: BenchPKI.serverRegion, service: BenchPKI.clientService)).clientTLS()
        }
        client = RPCClient(configuration: RPCClientConfiguration(
            host: "127.0.0.1", port: port, compressionThreshold: compressed ? 1024 : Int.max, tls: tls))
        request = Echo(data: ByteBuffer(bytes: payload))
        _ = try await client.ping()
    }

    func echo() async throws -> Int {
        try await client.call(NodeMethods.echo, request).data.readableBytes
    }

    func close() async { await client.close() }
}
