// swift-tools-version:6.0
import PackageDescription

/// Benchmarks for Anlan, kept out of the main package so CI stays fast.
/// Build and run with scripts/bench.sh (release mode).
let package = Package(
    name: "anlan-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "anlan", path: "../"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        /// `node.echo` served by the real Anlan runtime (`RPCServer`, the same server code every service uses).
        .executableTarget(
            name: "anlan-echo-server",
            dependencies: [
                .product(name: "AnlanRPC", package: "anlan"),
                .product(name: "AnlanNode", package: "anlan"),
                .product(name: "AnlanWire", package: "anlan"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// The driver: starts the server in its own process, measures, prints the table.
        .executableTarget(
            name: "anlan-bench",
            dependencies: [
                .product(name: "AnlanRPC", package: "anlan"),
                .product(name: "AnlanNode", package: "anlan"),
                .product(name: "AnlanWire", package: "anlan"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
