import BenchSupport
import GRPCCore
import GRPCNIOTransportHTTP2Posix

/// A unary echo on grpc-swift-2 over HTTP/2, compression (gzip, deflate) enabled; writes its port to `--port-file`.
@main
struct GRPCEchoServer {
    static func main() async throws {
        var router = RPCRouter<HTTP2ServerTransport.Posix>()
        router.registerHandler(
            forMethod: grpcEchoMethod, deserializer: RawBytesDeserializer(), serializer: RawBytesSerializer()
        ) { request, _ in
            var message: [UInt8] = []
            for try await part in request.messages { message = part }
            return StreamingServerResponse(single: ServerResponse(message: message))
        }
        // With --pki: mutual TLS through grpc-swift-nio-transport's own configuration (NIOSSL underneath).
        let security: HTTP2ServerTransport.Posix.TransportSecurity = BenchPKI.argument.map { directory in
            .mTLS(certificateChain: [.file(path: BenchPKI.certificate(directory, BenchPKI.serverService), format: .pem)],
                  privateKey: .file(path: BenchPKI.key(directory, BenchPKI.serverService), format: .pem)) {
                $0.trustRoots = .certificates([.file(path: BenchPKI.root(directory), format: .pem)])
                $0.clientCertificateVerification = .noHostnameVerification
            }
        } ?? .plaintext
        let transport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: security,
            config: .defaults { $0.compression.enabledAlgorithms = .all })
        let server = GRPCServer(transport: transport, router: router)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await server.serve() }
            if let path = PortFile.argument, let port = try await transport.listeningAddress.ipv4?.port {
                try PortFile.write(port, to: path)
            }
            try await tasks.waitForAll()
        }
    }
}
