// swift-tools-version:6.0
// The Swift fuzz target: bytes through `Converter.convert`, the whole sequence `pushin convert`
// runs (sniff, decode, every pipeline stage), so the pipeline after decoding is fuzzed too.
// Built by Fuzz/build-swift.sh with `-sanitize=fuzzer,address`; not part of the main package.
import PackageDescription

let package = Package(
    name: "pushin-fuzz",
    dependencies: [.package(name: "pushin", path: "../..")],
    targets: [
        .executableTarget(
            name: "FuzzConvert",
            dependencies: [
                .product(name: "PushinCore", package: "pushin"), .product(name: "AsciiArt", package: "pushin"),
            ]),
    ]
)
