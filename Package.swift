// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "tamis",
  products: [
    .library(name: "Tamis", targets: ["Tamis"]),
    .executable(name: "tamis", targets: ["tamis-tool"]),
  ],
  targets: [
    // The library: rule files → compiled matcher → engine → output. No I/O to the terminal.
    .target(
      name: "Tamis",
      swiftSettings: strictSettings,
      plugins: ["EmbedRules"]
    ),
    // Command-line layer: arguments, modes, streams, exit status.
    .target(name: "TamisCLI", dependencies: ["Tamis"], swiftSettings: strictSettings),
    .executableTarget(
      name: "tamis-tool", dependencies: ["TamisCLI"], swiftSettings: strictSettings),
    // Build-time generator that turns `rules/` into Swift source for the built-in rule set.
    .executableTarget(name: "embed-rules", swiftSettings: strictSettings),
    .plugin(
      name: "EmbedRules", capability: .buildTool(), dependencies: ["embed-rules"],
      path: "Sources/EmbedRulesPlugin"),
    // The layer check's planted violation is a fake source tree, read as text, never compiled.
    .testTarget(
      name: "TamisTests", dependencies: ["Tamis"], exclude: ["Architecture/Fixtures"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "TamisCLITests", dependencies: ["TamisCLI", "tamis-tool"],
      swiftSettings: strictSettings),
  ]
)
