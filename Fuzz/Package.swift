// swift-tools-version:6.2
// libFuzzer harnesses for the article parser and the wire decoder. A package
// of its own, so the main build and CI never compile them; build and run one
// with `scripts/fuzz.sh parser|wire SECONDS` (see README.md, "Hostile input").
//
// Each harness links the input layout from the main package's tests
// (Tests/NewsParsingTests/ParserFuzzInput.swift, Tests/NewsModelsTests/WireFuzzInput.swift,
// by symlink), so the corpus replay tests read a saved input exactly as the fuzzer did.
import PackageDescription

let package = Package(
    name: "newswire-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "newswire", path: ".."),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    ],
    targets: [
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "ParserFuzzer",
            dependencies: ["FuzzerDriver", .product(name: "NewsParsing", package: "newswire")]
        ),
        .executableTarget(
            name: "WireFuzzer",
            dependencies: [
                "FuzzerDriver",
                .product(name: "NewsModels", package: "newswire"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets {
    target.swiftSettings = [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
