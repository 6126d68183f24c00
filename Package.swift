// swift-tools-version:6.0
import CompilerPluginSupport
import PackageDescription

/// Anlan (安澜): an emergency-management data mesh for the four tiers of government.
///
/// Layering, one way only:
///   Shared (AnlanWire → AnlanRPC → AnlanIdentity → AnlanNode; AnlanRegions; AnlanStorage; AnlanDiscovery)
///     ← Services/* (each service: a library of handlers + storage, and an executable)
///     ← gateway
let package = Package(
    name: "anlan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "registry", targets: ["registry"]),
        .executable(name: "hazard-survey", targets: ["hazard-survey"]),
        .executable(name: "material-reserve", targets: ["material-reserve"]),
        .executable(name: "aviation-landing-points", targets: ["aviation-landing-points"]),
        .executable(name: "training-records", targets: ["training-records"]),
        .executable(name: "evacuation", targets: ["evacuation"]),
        .executable(name: "emergency-response", targets: ["emergency-response"]),
        .executable(name: "gateway", targets: ["gateway"]),
        .library(name: "AnlanWire", targets: ["AnlanWire"]),
        .library(name: "AnlanRPC", targets: ["AnlanRPC"]),
        .library(name: "AnlanIdentity", targets: ["AnlanIdentity"]),
        .library(name: "AnlanNode", targets: ["AnlanNode"]),
        .library(name: "AnlanRegions", targets: ["AnlanRegions"]),
        .library(name: "AnlanRecords", targets: ["AnlanRecords"]),
        .library(name: "HazardSurveyAPI", targets: ["HazardSurveyAPI"]),
        .library(name: "HazardSurveyService", targets: ["HazardSurveyService"]),
        .library(name: "MaterialReserveAPI", targets: ["MaterialReserveAPI"]),
        .library(name: "AviationLandingAPI", targets: ["AviationLandingAPI"]),
        .library(name: "AviationLandingService", targets: ["AviationLandingService"]),
        .library(name: "TrainingRecordsAPI", targets: ["TrainingRecordsAPI"]),
        .library(name: "TrainingRecordsService", targets: ["TrainingRecordsService"]),
        .library(name: "MaterialReserveService", targets: ["MaterialReserveService"]),
        .library(name: "EvacuationAPI", targets: ["EvacuationAPI"]),
        .library(name: "EvacuationService", targets: ["EvacuationService"]),
        .library(name: "EmergencyResponseAPI", targets: ["EmergencyResponseAPI"]),
        .library(name: "EmergencyResponseService", targets: ["EmergencyResponseService"]),
        .library(name: "GatewayAPI", targets: ["GatewayAPI"]),
        .library(name: "GatewayService", targets: ["GatewayService"]),
        .library(name: "GatewayHTTP", targets: ["GatewayHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swiftlang/swift-syntax.git", from: "603.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
    ],
    targets: [
        // MARK: Shared — libraries every executable uses.

        /// zlib's CRC-32, from the system library (zlib1g-dev).
        .systemLibrary(name: "CAnlanZlib", path: "Shared/CAnlanZlib"),

        /// `@WireMessage` and `@Field`: each message declared once, its codec and schema generated.
        .macro(
            name: "AnlanWireMacros",
            dependencies: [
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftSyntaxBuilder", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
            ],
            path: "Shared/AnlanWireMacros"
        ),

        /// The wire protocol: frames, the tagged payload encoding, compression, limits. No sockets.
        .target(
            name: "AnlanWire",
            dependencies: [
                "CAnlanZlib", "AnlanWireMacros",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            path: "Shared/AnlanWire"
        ),

        /// Zhejiang's administrative divisions (省市县乡), shipped as a resource.
        .target(
            name: "AnlanRegions",
            path: "Shared/AnlanRegions",
            resources: [.copy("Resources/zhejiang-divisions.csv")]
        ),

        /// The RPC runtime on SwiftNIO: server, client, connection state machines.
        .target(
            name: "AnlanRPC",
            dependencies: [
                "AnlanWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            path: "Shared/AnlanRPC"
        ),

        /// Who a node is and whom it trusts: node names in certificates, the province's PKI (root,
        /// tier intermediates, node certificates, revocation), the chain rules every handshake checks.
        .target(
            name: "AnlanIdentity",
            dependencies: [
                "AnlanRPC", "AnlanRegions",
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Shared/AnlanIdentity"
        ),

        /// SQLite helpers over GRDB: WAL pools, migrations, durability settings.
        .target(
            name: "AnlanStorage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            path: "Shared/AnlanStorage"
        ),

        /// The registry's wire messages and the client every node uses (leases, watch, snapshot).
        .target(
            name: "AnlanDiscovery",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanRegions",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/AnlanDiscovery"
        ),

        /// What every record-keeping service shares: calendar days, CSV reading and writing, import
        /// reports, pages, region-subtree ranges, enums on the wire.
        .target(
            name: "AnlanRecords",
            dependencies: ["AnlanWire", "AnlanRegions", .product(name: "DequeModule", package: "swift-collections")],
            path: "Shared/AnlanRecords"
        ),

        /// hazard-survey's wire messages and method ids, for its clients (the gateway, probes).
        .target(
            name: "HazardSurveyAPI",
            dependencies: ["AnlanWire", "AnlanRPC", "AnlanRecords"],
            path: "Services/HazardSurvey/HazardSurveyAPI"
        ),

        /// material-reserve's wire messages and catalogue codes, for its clients.
        .target(
            name: "MaterialReserveAPI",
            dependencies: ["AnlanWire", "AnlanRPC", "AnlanRecords"],
            path: "Services/MaterialReserve/MaterialReserveAPI"
        ),
        /// aviation-landing-points' wire messages and method ids.
        .target(
            name: "AviationLandingAPI",
            dependencies: ["AnlanWire", "AnlanRPC", "AnlanRecords"],
            path: "Services/AviationLanding/AviationLandingAPI"
        ),
        /// training-records' wire messages, method ids and national ID validation.
        .target(
            name: "TrainingRecordsAPI",
            dependencies: ["AnlanWire", "AnlanRPC", "AnlanRecords"],
            path: "Services/TrainingRecords/TrainingRecordsAPI"
        ),

        /// The server skeleton shared by every executable: configuration, `serve`/`probe` commands,
        /// lifecycle, registration with the registry, metrics (exported through swift-prometheus).
        .target(
            name: "AnlanNode",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanIdentity", "AnlanRegions", "AnlanDiscovery", "AnlanRecords", "AnlanStorage",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Shared/AnlanNode"
        ),

        // MARK: Services

        .target(
            name: "RegistryService",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanIdentity", "AnlanRegions", "AnlanStorage", "AnlanDiscovery", "AnlanNode",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Registry/RegistryService"
        ),
        .executableTarget(
            name: "registry",
            dependencies: [
                "RegistryService", "AnlanNode", "AnlanDiscovery", "AnlanRegions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Registry/registry"
        ),

        .target(
            name: "HazardSurveyService",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanRegions", "AnlanStorage", "AnlanRecords", "AnlanNode", "HazardSurveyAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/HazardSurvey/HazardSurveyService"
        ),
        .executableTarget(
            name: "hazard-survey",
            dependencies: [
                "HazardSurveyService", "HazardSurveyAPI", "AnlanNode", "AnlanRecords", "AnlanRegions", "AnlanRPC", "AnlanWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/HazardSurvey/hazard-survey"
        ),

        .target(
            name: "MaterialReserveService",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanRegions", "AnlanStorage", "AnlanRecords", "AnlanNode", "MaterialReserveAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/MaterialReserve/MaterialReserveService"
        ),
        .executableTarget(
            name: "material-reserve",
            dependencies: [
                "MaterialReserveService", "MaterialReserveAPI", "AnlanNode", "AnlanRecords", "AnlanRegions", "AnlanWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/MaterialReserve/material-reserve"
        ),

        .target(
            name: "AviationLandingService",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanRegions", "AnlanStorage", "AnlanRecords", "AnlanNode", "AviationLandingAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/AviationLanding/AviationLandingService",
            resources: [.copy("Resources/heliports-china.csv")]
        ),
        .executableTarget(
            name: "aviation-landing-points",
            dependencies: [
                "AviationLandingService", "AviationLandingAPI", "AnlanNode", "AnlanRecords", "AnlanWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/AviationLanding/aviation-landing-points"
        ),

        .target(
            name: "TrainingRecordsService",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanRegions", "AnlanStorage", "AnlanRecords", "AnlanNode", "TrainingRecordsAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/TrainingRecords/TrainingRecordsService"
        ),
        .executableTarget(
            name: "training-records",
            dependencies: [
                "TrainingRecordsService", "TrainingRecordsAPI", "AnlanNode", "AnlanRecords", "AnlanWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/TrainingRecords/training-records"
        ),

        /// evacuation's contract: warnings, coded people, shelters, transfer tasks, method ids.
        .target(
            name: "EvacuationAPI",
            dependencies: ["AnlanWire", "AnlanRPC", "AnlanRecords"],
            path: "Services/Evacuation/EvacuationAPI"
        ),
        .target(
            name: "EvacuationService",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanRegions", "AnlanStorage", "AnlanRecords", "AnlanNode", "EvacuationAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Evacuation/EvacuationService"
        ),
        .executableTarget(
            name: "evacuation",
            dependencies: [
                "EvacuationService", "EvacuationAPI", "AnlanNode", "AnlanRecords", "AnlanWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Evacuation/evacuation"
        ),

        /// emergency-response's contract: rescue teams, incidents, deployments, method ids.
        .target(
            name: "EmergencyResponseAPI",
            dependencies: ["AnlanWire", "AnlanRPC", "AnlanRecords"],
            path: "Services/EmergencyResponse/EmergencyResponseAPI"
        ),
        .target(
            name: "EmergencyResponseService",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanRegions", "AnlanStorage", "AnlanRecords", "AnlanNode", "EmergencyResponseAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/EmergencyResponse/EmergencyResponseService"
        ),
        .executableTarget(
            name: "emergency-response",
            dependencies: [
                "EmergencyResponseService", "EmergencyResponseAPI", "AnlanNode", "AnlanRecords", "AnlanWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/EmergencyResponse/emergency-response"
        ),

        // MARK: gateway — depends on Shared only (the services' APIs), never on a service.

        /// The gateway's messages: region summaries, coverage, per-child status.
        .target(
            name: "GatewayAPI",
            dependencies: [
                "AnlanWire", "AnlanRPC", "AnlanRecords", "HazardSurveyAPI", "MaterialReserveAPI", "AviationLandingAPI", "TrainingRecordsAPI",
                "EvacuationAPI", "EmergencyResponseAPI",
            ],
            path: "gateway/GatewayAPI"
        ),
        .target(
            name: "GatewayService",
            dependencies: [
                "GatewayAPI", "AnlanWire", "AnlanRPC", "AnlanRegions", "AnlanStorage", "AnlanRecords", "AnlanNode", "AnlanDiscovery",
                "HazardSurveyAPI", "MaterialReserveAPI", "AviationLandingAPI", "TrainingRecordsAPI", "EvacuationAPI",
                "EmergencyResponseAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "gateway/GatewayService",
            resources: [.copy("Resources/control-index.json")]
        ),
        /// The gateway's HTTP side (Hummingbird, on the node's event loops): the duty-room screen, the
        /// phone page and their JSON API over the same `Gateway` functions, and the live feed.
        .target(
            name: "GatewayHTTP",
            dependencies: [
                "GatewayService", "GatewayAPI", "AnlanNode", "AnlanIdentity", "AnlanRecords", "AnlanRPC", "AnlanWire", "AviationLandingAPI", "EvacuationAPI",
                "EmergencyResponseAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "gateway/GatewayHTTP",
            resources: [.copy("Resources/screen"), .copy("Resources/openapi.yaml")]
        ),
        .executableTarget(
            name: "gateway",
            dependencies: [
                "GatewayService", "GatewayHTTP", "GatewayAPI", "AnlanNode", "AnlanIdentity", "AnlanDiscovery", "AnlanRecords", "AnlanRegions", "MaterialReserveAPI",
                "AviationLandingAPI", "EvacuationAPI", "EmergencyResponseAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "gateway/gateway"
        ),

        // MARK: Tests

        /// Helpers shared by the test suites (running servers for the length of a test).
        .target(
            name: "AnlanTestSupport",
            dependencies: [
                "AnlanRecords", "AnlanRPC",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/AnlanTestSupport"
        ),

        .testTarget(
            name: "AnlanWireTests",
            dependencies: [
                "AnlanWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            path: "Tests/AnlanWireTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AnlanRegionsTests",
            dependencies: ["AnlanRegions"],
            path: "Tests/AnlanRegionsTests"
        ),
        .testTarget(
            name: "AnlanIdentityTests",
            dependencies: [
                "AnlanIdentity", "AnlanRPC", "AnlanWire", "AnlanRegions", "AnlanTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            path: "Tests/AnlanIdentityTests"
        ),
        .testTarget(
            name: "AnlanRPCTests",
            dependencies: [
                "AnlanRPC", "AnlanWire", "AnlanTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/AnlanRPCTests"
        ),
        .testTarget(
            name: "RegistryServiceTests",
            dependencies: [
                "RegistryService", "AnlanDiscovery", "AnlanRPC", "AnlanWire", "AnlanRegions", "AnlanNode", "AnlanTestSupport",
                "AnlanIdentity",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/RegistryServiceTests"
        ),
        .testTarget(
            name: "AnlanNodeTests",
            dependencies: [
                "AnlanNode", "AnlanRecords", "AnlanRPC", "AnlanWire", "AnlanTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/AnlanNodeTests"
        ),
        .testTarget(
            name: "AnlanRecordsTests",
            dependencies: ["AnlanRecords", "AnlanRegions"],
            path: "Tests/AnlanRecordsTests"
        ),
        .testTarget(
            name: "HazardSurveyServiceTests",
            dependencies: [
                "HazardSurveyService", "HazardSurveyAPI", "AnlanRecords", "AnlanRegions", "AnlanRPC", "AnlanWire", "AnlanNode",
                "AnlanTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/HazardSurveyServiceTests"
        ),
        .testTarget(
            name: "MaterialReserveServiceTests",
            dependencies: [
                "MaterialReserveService", "MaterialReserveAPI", "AnlanRecords", "AnlanRegions", "AnlanRPC", "AnlanWire", "AnlanTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/MaterialReserveServiceTests"
        ),
        .testTarget(
            name: "AviationLandingServiceTests",
            dependencies: [
                "AviationLandingService", "AviationLandingAPI", "AnlanRecords", "AnlanRegions", "AnlanRPC", "AnlanWire", "AnlanTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/AviationLandingServiceTests"
        ),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "GatewayAPI", "GatewayService", "GatewayHTTP", "HazardSurveyAPI", "MaterialReserveAPI", "AviationLandingAPI", "EvacuationAPI", "AnlanRecords", "AnlanRegions",
                "EmergencyResponseAPI",
                "AnlanRPC", "AnlanTestSupport", "AnlanWire", "AnlanDiscovery", "AnlanNode", "AnlanIdentity",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/GatewayTests"
        ),
        .testTarget(
            name: "TrainingRecordsServiceTests",
            dependencies: [
                "TrainingRecordsService", "TrainingRecordsAPI", "AnlanRecords", "AnlanRPC", "AnlanTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TrainingRecordsServiceTests"
        ),
        .testTarget(
            name: "EvacuationServiceTests",
            dependencies: [
                "EvacuationService", "EvacuationAPI", "AnlanRecords", "AnlanRegions", "AnlanRPC", "AnlanTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/EvacuationServiceTests"
        ),
        .testTarget(
            name: "EmergencyResponseServiceTests",
            dependencies: [
                "EmergencyResponseService", "EmergencyResponseAPI", "AnlanRecords", "AnlanRegions", "AnlanRPC", "AnlanTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/EmergencyResponseServiceTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: Fuzzing — declared only for scripts/fuzz.sh (ANLAN_FUZZ=1), so a normal build never compiles them.

/// libFuzzer targets: each an executable whose `LLVMFuzzerTestOneInput` calls the real code, built into
/// `.build-fuzz`. Anlan's own modules are instrumented for coverage and checked by AddressSanitizer (and its
/// LeakSanitizer); the dependencies are not. The flags are set here, not with `swift build --sanitize` or
/// `-Xswiftc`, because those also reach the macro plugin (built for the host: libFuzzer's `main` would
/// clash with its own), and the Swift driver hands the compiler only the last of several `--sanitize`.
/// Their seed corpora are in Tests/Fuzz/Corpus/<target>.
if Context.environment["ANLAN_FUZZ"] == "1" {
    let sanitizers: [String] = ["-sanitize=fuzzer,address"]
    for target in package.targets where target.type == .regular || target.type == .executable {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(sanitizers)]
    }
    func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency], path: String) -> Target {
        .executableTarget(name: name, dependencies: ["AnlanFuzzSupport"] + dependencies, path: path,
                          swiftSettings: [.unsafeFlags(sanitizers)], linkerSettings: [.unsafeFlags(sanitizers)])
    }
    package.targets += [
        /// libFuzzer's driver entry point, declared for Swift.
        .systemLibrary(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
        /// Running libFuzzer, and reading its input: the bytes that choose what to do, then the data.
        .target(name: "AnlanFuzzSupport", dependencies: ["CLibFuzzer"], path: "Tests/Fuzz/Support",
                swiftSettings: [.unsafeFlags(sanitizers)]),
        /// Byte streams, split into reads of any size, through the frame decoder.
        fuzzTarget("fuzz-frames", ["AnlanWire", .product(name: "NIOCore", package: "swift-nio")], path: "Tests/Fuzz/Frames"),
        /// Payloads decoded as every message type the schema exports.
        fuzzTarget("fuzz-payloads", ["AnlanWire", "GatewayService", .product(name: "NIOCore", package: "swift-nio")],
                   path: "Tests/Fuzz/Payloads"),
        /// Compressed payloads (bombs included) inflated within the limits, and the round trip.
        fuzzTarget("fuzz-decompression", ["AnlanWire", .product(name: "NIOCore", package: "swift-nio")],
                   path: "Tests/Fuzz/Decompression"),
        /// CSV files through every importer's header check, row parser and validator.
        fuzzTarget("fuzz-csv-import", [
            "AnlanRecords", "AnlanRegions", "HazardSurveyAPI", "HazardSurveyService", "MaterialReserveAPI", "MaterialReserveService",
            "AviationLandingAPI", "AviationLandingService", "TrainingRecordsAPI", "TrainingRecordsService", "EvacuationAPI",
            "EvacuationService", "EmergencyResponseAPI", "EmergencyResponseService",
        ], path: "Tests/Fuzz/CSVImport"),
        /// Region codes against the shipped tree, and region data files.
        fuzzTarget("fuzz-regions", ["AnlanRegions"], path: "Tests/Fuzz/Regions"),
    ]
}
