// swift-tools-version: 6.2
import PackageDescription

/// Our own targets treat every warning as an error; dependencies keep their own settings.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "clinic-desk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clinic-desk", targets: ["ClinicTUI"]),
        .library(name: "ClinicCore", targets: ["ClinicCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CLibpq", path: "Sources/CLibpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt", providers: [.apt(["libcrypt-dev"])]),
        .target(
            name: "ClinicCore",
            dependencies: ["CLibpq", "COpenSSL", "CCrypt"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ClinicTUI",
            dependencies: [
                "ClinicCore", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ClinicCoreTests",
            dependencies: ["ClinicCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ClinicTUITests",
            dependencies: ["ClinicTUI"],
            exclude: ["Snapshots"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ClinicCore", "ClinicTUI"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
