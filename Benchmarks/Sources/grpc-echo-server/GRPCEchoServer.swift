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
        let transport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext,
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
