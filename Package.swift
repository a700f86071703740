// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pushin",
    products: [
        .executable(name: "pushin", targets: ["pushin"]),
        .library(name: "AsciiArt", targets: ["AsciiArt"]),
        // Files in, art out, for the Swift fuzz target in Fuzz/swift.
        .library(name: "PushinCore", targets: ["PushinCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system C libraries, found through pkg-config.
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),
        .systemLibrary(
            name: "CJPEG", pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg-dev"])]),
        .systemLibrary(
            name: "CGIF", pkgConfig: "libgif",
            providers: [.apt(["libgif-dev"])]),
        .systemLibrary(
            name: "CWebP", pkgConfig: "libwebpdemux",
            providers: [.apt(["libwebp-dev"])]),
        // The only C code: owns libpng's and libjpeg's setjmp so no longjmp crosses a Swift
        // frame, and reads GIF and WebP frame by frame within the caller's limits.
        // zlib is libpng's own dependency, which a static link (scripts/build) must name itself.
        .target(
            name: "CImageCodecs", dependencies: ["CPNG", "CJPEG", "CGIF", "CWebP"],
            linkerSettings: [.linkedLibrary("z")]),
        // Pure Swift pipeline: pixels in, art out. No C, no file I/O.
        .target(name: "AsciiArt"),
        // Sniffs and decodes PNG, JPEG, GIF and WebP bytes into `AsciiArt.Image`.
        .target(name: "ImageDecoding", dependencies: ["CImageCodecs", "AsciiArt"]),
        // Files in, art out: the one sequence that `convert` and `cache` share.
        .target(name: "PushinCore", dependencies: ["ImageDecoding", "AsciiArt"]),
        // The cache of art: layout, manifest, parallel incremental builds, random picks.
        .target(name: "ArtCache", dependencies: ["AsciiArt", "PushinCore"]),
        .executableTarget(
            name: "pushin",
            dependencies: [
                "AsciiArt",
                "PushinCore",
                "ArtCache",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Test helpers: a PNG encoder for every colour type, and a runner for the built binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "AsciiArtTests", dependencies: ["AsciiArt"]),
        .testTarget(
            name: "ImageDecodingTests", dependencies: ["ImageDecoding", "TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "PushinTests", dependencies: ["pushin", "PushinCore", "ArtCache", "TestSupport"]),
    ]
)
