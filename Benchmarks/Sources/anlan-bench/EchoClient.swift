/// One connection to one of the benchmarked servers, sending a fixed payload.
protocol EchoClient: Sendable {
    /// One round trip; returns the size of the answer's payload.
    func echo() async throws -> Int
    func close() async
}

/// The three servers measured side by side.
enum Target: String, CaseIterable, Sendable {
    case anlan = "Anlan"
    case grpc = "gRPC"
    case nio = "raw NIO"

    var serverExecutable: String {
        switch self {
        case .anlan: "anlan-echo-server"
        case .grpc: "grpc-echo-server"
        case .nio: "nio-echo-server"
        }
    }

    /// A connection to the target's server on `port`; over mutual TLS with the client certificate of
    /// `pki` when given (see `BenchPKI`).
    func connect(port: Int, payload: [UInt8], compressed: Bool, pki: String?) async throws -> any EchoClient {
        switch self {
        case .anlan: try await AnlanEchoClient(port: port, payload: payload, compressed: compressed, pki: pki)
        case .grpc: try await GRPCEchoClient(port: port, payload: payload, compressed: compressed, pki: pki)
        case .nio: try await NIOEchoClient(port: port, payload: payload, pki: pki)
        }
    }
}
