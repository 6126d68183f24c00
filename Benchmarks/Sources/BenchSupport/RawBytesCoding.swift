import GRPCCore

/// gRPC messages as raw bytes: the benchmark measures transport and runtime, not protobuf.
public struct RawBytesSerializer: MessageSerializer {
    public init() {}
    public func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }
}

public struct RawBytesDeserializer: MessageDeserializer {
    public init() {}
    public func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
        serializedMessageBytes.withUnsafeBytes { Array($0) }
    }
}

/// The one gRPC method of the benchmark.
public let grpcEchoMethod = MethodDescriptor(fullyQualifiedService: "anlan.bench.Echo", method: "Echo")
