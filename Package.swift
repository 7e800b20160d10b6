// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "StackVerify",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stack-verify", targets: ["stack-verify"]),
        .library(name: "AWSClient", targets: ["AWSClient"]),
        .library(name: "AWSServices", targets: ["AWSServices"]),
        .library(name: "StackVerify", targets: ["StackVerify"]),
        .library(name: "StackVerifyXCTest", targets: ["StackVerifyXCTest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "AWSClient",
            dependencies: ["CCurl", "COpenSSL"]
        ),
        .target(
            name: "AWSServices",
            dependencies: ["AWSClient"]
        ),
        .target(
            name: "StackVerify",
            dependencies: ["AWSClient", "AWSServices", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "StackVerifyXCTest",
            dependencies: ["StackVerify"]
        ),
        .executableTarget(
            name: "stack-verify",
            dependencies: [
                "AWSClient",
                "AWSServices",
                "StackVerify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AWSClientTests",
            dependencies: ["AWSClient"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AWSServicesTests",
            dependencies: ["AWSClient", "AWSServices"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "StackVerifyTests",
            dependencies: ["StackVerify"]
        ),
        .testTarget(
            name: "LiveStackTests",
            dependencies: ["StackVerify", "StackVerifyXCTest"]
        ),
        .testTarget(
            name: "StackVerifyCLITests",
            dependencies: ["AWSClient", "stack-verify"]
        ),
    ]
)
