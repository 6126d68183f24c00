// swift-tools-version:6.0
import PackageDescription

/// Benchmarks for Anlan, side by side with grpc-swift-2 and raw SwiftNIO, kept out of the main package so
/// CI stays fast. Build and run with scripts/bench.sh (release mode).
let package = Package(
    name: "anlan-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "anlan", path: "../"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", exact: "2.9.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        /// What servers and the driver share: gRPC's raw-bytes coding, the raw NIO framing, server start-up.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ]
        ),
        /// `node.echo` served by the real Anlan runtime (`RPCServer`, the server code every service uses).
        .executableTarget(
            name: "anlan-echo-server",
            dependencies: [
                "BenchSupport",
                .product(name: "AnlanRPC", package: "anlan"),
                .product(name: "AnlanNode", package: "anlan"),
                .product(name: "AnlanIdentity", package: "anlan"),
                .product(name: "AnlanWire", package: "anlan"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        /// A unary echo on grpc-swift-2 over HTTP/2 (NIO Posix transport), raw bytes, no code generation.
        .executableTarget(
            name: "grpc-echo-server",
            dependencies: [
                "BenchSupport",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
            ]
        ),
        /// A length-prefixed echo on raw SwiftNIO (NIOExtras framing, no protocol above it): the ceiling.
        .executableTarget(
            name: "nio-echo-server",
            dependencies: [
                "BenchSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        /// The driver: runs the three servers alternately, each in its own process, and prints the table.
        .executableTarget(
            name: "anlan-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "AnlanRPC", package: "anlan"),
                .product(name: "AnlanNode", package: "anlan"),
                .product(name: "AnlanWire", package: "anlan"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AnlanIdentity", package: "anlan"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Timing helpers the storage benchmarks share: repeated runs, median and p99, table columns.
        .target(name: "BenchTiming"),
        /// hazard-survey's storage at survey scale: bulk import, subtree statistics, overdue pages.
        .executableTarget(
            name: "hazard-bench",
            dependencies: [
                "BenchTiming",
                .product(name: "HazardSurveyService", package: "anlan"),
                .product(name: "HazardSurveyAPI", package: "anlan"),
                .product(name: "AnlanRecords", package: "anlan"),
                .product(name: "AnlanNode", package: "anlan"),
                .product(name: "AnlanRPC", package: "anlan"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// material-reserve at the province's scale: batched ledger appends, dispatch plans, stock totals.
        .executableTarget(
            name: "reserve-bench",
            dependencies: [
                "BenchTiming",
                .product(name: "MaterialReserveService", package: "anlan"),
                .product(name: "MaterialReserveAPI", package: "anlan"),
                .product(name: "AnlanRecords", package: "anlan"),
                .product(name: "AnlanRegions", package: "anlan"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// The gateway in the whole-province mode (scripts/province.sh): province summaries warm, with a county
        /// cut off, and cross-tier dispatch plans, over the wire.
        .executableTarget(
            name: "gateway-bench",
            dependencies: [
                "BenchTiming",
                .product(name: "AnlanIdentity", package: "anlan"),
                .product(name: "GatewayAPI", package: "anlan"),
                .product(name: "MaterialReserveAPI", package: "anlan"),
                .product(name: "EmergencyResponseAPI", package: "anlan"),
                .product(name: "AnlanRecords", package: "anlan"),
                .product(name: "AnlanRPC", package: "anlan"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// aviation-landing-points at 100,000 points: nearest-10 in the service and over the wire, coverage.
        .executableTarget(
            name: "landing-bench",
            dependencies: [
                "BenchTiming",
                .product(name: "AviationLandingService", package: "anlan"),
                .product(name: "AviationLandingAPI", package: "anlan"),
                .product(name: "AnlanRecords", package: "anlan"),
                .product(name: "AnlanRegions", package: "anlan"),
                .product(name: "AnlanNode", package: "anlan"),
                .product(name: "AnlanRPC", package: "anlan"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// evacuation at a county's scale: import, a warning's transfer tasks, scans over the wire.
        .executableTarget(
            name: "evacuation-bench",
            dependencies: [
                "BenchTiming",
                .product(name: "EvacuationService", package: "anlan"),
                .product(name: "EvacuationAPI", package: "anlan"),
                .product(name: "AnlanRecords", package: "anlan"),
                .product(name: "AnlanRegions", package: "anlan"),
                .product(name: "AnlanNode", package: "anlan"),
                .product(name: "AnlanRPC", package: "anlan"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// training-records at 1.2 million people and 5 million attendance records: bulk import, coverage.
        .executableTarget(
            name: "training-bench",
            dependencies: [
                "BenchTiming",
                .product(name: "TrainingRecordsService", package: "anlan"),
                .product(name: "TrainingRecordsAPI", package: "anlan"),
                .product(name: "AnlanRecords", package: "anlan"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
