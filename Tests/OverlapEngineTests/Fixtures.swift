import Foundation
import OverlapEngine

/// Paths and loaders shared by the engine tests.
enum Fixtures {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func path(_ relative: String) -> String {
    repository.appendingPathComponent(relative).path
  }

  static var tiny: Scenario {
    get throws { try ScenarioLoader.load(path: path("Tests/Fixtures/tiny.yaml")) }
  }

  /// The built-in scenarios plus the fixture, for tests that should hold for every scenario.
  static var allScenarioPaths: [String] {
    let folder = path("Scenarios")
    let builtIn = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
    return [path("Tests/Fixtures/tiny.yaml")] + builtIn
  }

  /// Loads YAML text as if it were a file called `test.yaml`.
  static func load(_ yaml: String) throws(ScenarioError) -> Scenario {
    try ScenarioLoader.load(data: Data(yaml.utf8), path: "test.yaml")
  }

  /// A minimal valid scenario with `body` spliced in after the header.
  static func scenario(scenes: String, extra: String = "", endings: String = defaultEndings) -> String {
    """
    id: t
    title: T
    summary: S
    goals: [g]
    \(extra)
    scenes:
    \(scenes)
    endings:
    \(endings)
    """
  }

  static let defaultEndings = """
      - id: fine
        title: Fine
        tone: mixed
    """
}
