// swift-tools-version:6.2
// Newswire: a producer that parses scraped articles and a consumer that
// classifies and stores them, talking over ZeroMQ and persisting to SQLite.
//
// The targets follow the data path:
//   CZeroMQ → ZeroMQ → NewsModels → NewsParsing / NewsClassification
//   → NewswireProducer / NewswireConsumer → three thin executables;
//   NewswireSecurity (CURVE keys, flags, ZAP) is shared by both services and the client.
import PackageDescription

let package = Package(
    name: "newswire",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newswire-producer", targets: ["NewswireProducerApp"]),
        .executable(name: "newswire-consumer", targets: ["NewswireConsumerApp"]),
        .executable(name: "newswire", targets: ["NewswireApp"]),
        // For the fuzzers in Fuzz/, a separate package that depends on this one by path.
        .library(name: "NewsParsing", targets: ["NewsParsing"]),
        .library(name: "NewsModels", targets: ["NewsModels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        // The services' HTTP endpoint (/metrics, /healthz, /readyz, /status). No default traits:
        // swift-configuration support is not used, and leaving it out shortens the build.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        // Hummingbird's own SwiftNIO, named for the channel types the connection cap uses.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // The consumer's shared store (--db postgres://…), for many consumers on one database.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // MARK: ZeroMQ
        .systemLibrary(
            name: "CZeroMQ",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),

        // MARK: Shared models and the wire format
        .target(
            name: "NewsModels",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),

        // MARK: Pure logic (no I/O)
        // SHA-256 in C, on the CPU's SHA extensions where it has them (content hashes).
        .target(name: "CNewsHash"),
        // Byte scans over text, sixteen bytes at a time with SSE2 on x86-64 (the normalizer's runs).
        .target(name: "CNewsText"),
        // glibc's malloc_trim, which Swift's Glibc module does not import (MemoryTrimmer).
        .target(name: "CProcessMemory"),
        .target(name: "NewsParsing", dependencies: ["CNewsHash", "CNewsText"]),
        .target(
            name: "NewsClassification",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),

        // MARK: Services
        .target(
            name: "NewswireObservability",
            dependencies: [
                "CProcessMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "NewswireSecurity",
            dependencies: [
                "ZeroMQ", "NewsModels", "NewswireObservability",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // SQLite upkeep both services share: WAL checkpoints off the write path.
        .target(
            name: "NewswireStorage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "NewswireProducer",
            dependencies: [
                "ZeroMQ", "NewsModels", "NewsParsing", "NewswireObservability", "NewswireSecurity", "NewswireStorage",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "NewswireConsumer",
            dependencies: [
                "ZeroMQ", "NewsModels", "NewsClassification", "NewswireObservability", "NewswireSecurity", "NewswireStorage",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "NewswireClient",
            dependencies: [
                "ZeroMQ", "NewsModels", "NewsParsing", "NewsClassification", "NewswireConsumer", "NewswireProducer", "NewswireObservability",
                "NewswireSecurity",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Thin executables
        .executableTarget(
            name: "NewswireProducerApp",
            dependencies: [
                "NewswireProducer", "NewswireObservability", "NewswireSecurity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "NewswireConsumerApp",
            dependencies: [
                "NewswireConsumer", "NewswireObservability", "NewswireSecurity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "NewswireApp",
            dependencies: [
                "NewswireClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmarks (release builds: swift run -c release <name>)
        .executableTarget(
            name: "NewsParsingBenchmark",
            dependencies: ["NewsParsing"],
            path: "Benchmarks/NewsParsingBenchmark"
        ),
        .executableTarget(
            name: "NewsClassificationBenchmark",
            dependencies: ["NewsClassification", "NewswireTesting"],
            path: "Benchmarks/NewsClassificationBenchmark"
        ),
        // The whole pipeline: the real services on loopback against raw ZeroMQ and raw SQLite.
        .executableTarget(
            name: "PipelineBenchmark",
            dependencies: [
                "ZeroMQ", "NewsModels", "NewswireProducer", "NewswireTesting", "NewswireStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the fixed yardstick (SQLiteYardstick), as the C program calls it.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Benchmarks/PipelineBenchmark"
        ),

        // MARK: Tests
        .target(
            name: "NewswireTesting",
            dependencies: [],
            path: "Tests/NewswireTesting"
        ),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ", "NewswireTesting"]),
        .testTarget(
            name: "NewsModelsTests",
            dependencies: ["NewsModels", "NewswireTesting", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .testTarget(
            name: "NewswireStorageTests",
            dependencies: [
                "NewswireStorage", "NewswireTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "NewswireObservabilityTests",
            dependencies: [
                "NewswireObservability", "NewswireTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "NewsParsingTests", dependencies: ["NewsParsing", "CNewsText", "NewswireTesting"]),
        .testTarget(name: "NewsClassificationTests", dependencies: ["NewsClassification", "NewswireTesting"]),
        .testTarget(
            name: "NewswireProducerTests",
            dependencies: [
                "NewswireProducer", "NewsModels", "NewswireTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .testTarget(
            name: "NewswireConsumerTests",
            dependencies: [
                "NewswireConsumer", "NewsModels", "NewswireTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "NewswireTesting", "NewsModels", "ZeroMQ", "NewswireClient", "NewswireObservability",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Upcoming language features for every target, as one list (see Hummingbird).
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
