// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the scenario loader and the save reader. They live in their
// own package because a fuzzer links libFuzzer's `main`, so the normal `swift build`
// and `swift test` must never see them. `scripts/fuzz` builds and runs them.

// No `main`: libFuzzer brings its own and calls `LLVMFuzzerTestOneInput`.
let asLibrary: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
  name: "OverlapFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    // Named, so that the product references below do not depend on the checkout's folder name.
    .package(name: "Overlap", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "FuzzScenarioLoader",
      dependencies: [
        .product(name: "OverlapEngine", package: "Overlap"),
        .product(name: "OverlapLab", package: "Overlap"),
      ],
      swiftSettings: asLibrary),
    .executableTarget(
      name: "FuzzSaveReader",
      dependencies: [
        .product(name: "OverlapEngine", package: "Overlap"),
        .product(name: "OverlapLab", package: "Overlap"),
      ],
      swiftSettings: asLibrary),
  ],
  swiftLanguageModes: [.v6]
)
