// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "costgate",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "costgate", targets: ["costgate"]),
        .library(name: "CostGateKit", targets: ["CostGateKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "CostGateKit",
            dependencies: ["CLibYAML"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "costgate",
            dependencies: [
                "CostGateKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CostGateKitTests",
            dependencies: ["CostGateKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CostGateCLITests",
            dependencies: ["CostGateKit"],
            exclude: ["Expected", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
