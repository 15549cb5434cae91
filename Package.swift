// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Overlap",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "overlap", targets: ["overlap"]),
    // For the libFuzzer package in Fuzz/, which links the engine and the linter.
    .library(name: "OverlapEngine", targets: ["OverlapEngine"]),
    .library(name: "OverlapLab", targets: ["OverlapLab"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // The workshop host's SSH server.
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    // Tests only: property-based checks of the engine and the lab.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // Rules, scenario loading, state and saves. Foundation and Yams only.
    .target(name: "OverlapEngine", dependencies: ["Yams"]),
    // Styled text below the debrief and the screens: spans and lines, measuring and
    // wrapping by terminal columns, the screen's layout numbers, and ANSI at the edge.
    .target(name: "OverlapText", dependencies: ["OverlapEngine"]),
    // Analysis built on the engine: check, test, explore, debrief.
    .target(name: "OverlapLab", dependencies: ["OverlapEngine", "OverlapText"]),
    // Screens as pure functions of a model, rendered to a text grid.
    .target(name: "OverlapTUI", dependencies: ["OverlapEngine", "OverlapText", "OverlapLab"]),
    .systemLibrary(
      name: "CNcursesw",
      providers: [.apt(["libncursesw5-dev"])]),
    // The only code that touches curses.
    .target(name: "OverlapTerminal", dependencies: ["CNcursesw", "OverlapText", "OverlapTUI"]),
    // The workshop host: participants play over SSH on the ANSI backend. Never curses.
    .target(
      name: "OverlapHost",
      dependencies: [
        "OverlapEngine", "OverlapLab", "OverlapTUI",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSH", package: "swift-nio-ssh"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // The command tree; a library so tests can run commands in-process.
    .target(
      name: "OverlapCLI",
      dependencies: [
        "OverlapEngine", "OverlapText", "OverlapLab", "OverlapTUI", "OverlapTerminal", "OverlapHost",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "overlap", dependencies: ["OverlapCLI"]),
    // Random scenarios for the property tests of the engine and the lab.
    .target(
      name: "ScenarioSketches",
      dependencies: ["OverlapEngine", .product(name: "PropertyBased", package: "swift-property-based")],
      path: "Tests/ScenarioSketches"),
    .testTarget(
      name: "OverlapEngineTests",
      dependencies: ["OverlapEngine", "ScenarioSketches", .product(name: "PropertyBased", package: "swift-property-based")]),
    .testTarget(name: "OverlapTextTests", dependencies: ["OverlapText"]),
    .testTarget(
      name: "OverlapLabTests",
      dependencies: [
        "OverlapLab", "OverlapText", "ScenarioSketches",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    // Snapshots are read from the source tree, so that OVERLAP_RECORD=1 can rewrite them.
    .testTarget(name: "OverlapTUITests", dependencies: ["OverlapTUI", "OverlapText"], exclude: ["Snapshots"]),
    .testTarget(name: "OverlapCLITests", dependencies: ["OverlapCLI"]),
    .testTarget(name: "OverlapHostTests", dependencies: ["OverlapHost", "OverlapCLI"]),
  ],
  swiftLanguageModes: [.v6]
)
