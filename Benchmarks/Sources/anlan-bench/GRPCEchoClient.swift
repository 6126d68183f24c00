import BenchSupport
import GRPCCore
import GRPCNIOTransportHTTP2Posix

/// A unary call through grpc-swift-2's `GRPCClient` over one HTTP/2 connection; gzip when compressed.
final class GRPCEchoClient: EchoClient {
    let client: GRPCClient<HTTP2ClientTransport.Posix>
    let runner: Task<Void, any Error>
    let payload: [UInt8]
    let options: CallOptions

    init(port: Int, payload: [UInt8], compressed: Bool, pki: String?) async throws {
        let security: HTTP2ClientTransport.Posix.TransportSecurity = pki.map { directory in
            .mTLS(certificateChain: [.file(path: BenchPKI.certificate(directory, BenchPKI.clientService), format: .pem)],
                  privateKey: .file(path: BenchPKI.key(directory, BenchPKI.clientService), format: .pem)) {
                $0.trustRoots = .certificates([.file(path: BenchPKI.root(directory), format: .pem)])
                $0.serverCertificateVerification = .noHostnameVerification
            }
        } ?? .plaintext
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: security,
            config: .defaults {
                $0.compression = .init(algorithm: compressed ? .gzip : .none, enabledAlgorithms: .all)
            })
        let client = GRPCClient(transport: transport)
        self.client = client
        self.runner = Task { try await client.runConnections() }
        self.payload = payload
        var options = CallOptions.defaults
        options.compression = compressed ? .gzip : CompressionAlgorithm.none
        self.options = options
        _ = try await echo()
    }

    func echo() async throws -> Int {
        try await client.unary(
            request: ClientRequest(message: payload), descriptor: grpcEchoMethod,
            serializer: RawBytesSerializer(), deserializer: RawBytesDeserializer(), options: options
        ) { response in try response.message.count }
    }

    func close() async {
        client.beginGracefulShutdown()
        _ = try? await runner.value
    }
}
