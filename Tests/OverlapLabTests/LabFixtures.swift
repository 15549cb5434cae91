import Foundation
import OverlapEngine

/// Paths and loaders shared by the lab's tests.
enum LabFixtures {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func path(_ relative: String) -> String {
    repository.appendingPathComponent(relative).path
  }

  static var tiny: String { path("Tests/Fixtures/tiny.yaml") }
  static var clean: String { path("Tests/Fixtures/Lab/clean.yaml") }
  static var flawed: String { path("Tests/Fixtures/Lab/flawed.yaml") }
  /// Outcomes picked by weight 2 : 1, and scenes reached only by routing on a result.
  static var weighted: String { path("Tests/Fixtures/Lab/weighted.yaml") }

  static func engine(_ path: String) throws -> Engine {
    Engine(scenario: try ScenarioLoader.load(path: path))
  }

  /// The fixtures plus whichever built-in scenarios load, for checks that should hold for all.
  static var playable: [String] {
    let folder = path("Scenarios")
    let builtIn = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
    return [tiny, clean, flawed, weighted] + builtIn.filter { (try? ScenarioLoader.load(path: $0)) != nil }
  }

  /// Loads YAML text as if it were a file called `test.yaml`.
  static func load(_ yaml: String) throws(ScenarioError) -> Scenario {
    try ScenarioLoader.load(data: Data(yaml.utf8), path: "test.yaml")
  }

  /// A minimal scenario: `scenes` and `endings` spliced in after a header plus `extra`.
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
      - id: good
        title: Good
        tone: success
        when: morale >= 60
      - id: bad
        title: Bad
        tone: failure
    """

  /// A scene offering a leader and a manager move with notes and lenses, so it lints clean.
  static func scene(_ id: String, lead: String = "morale: 10", manage: String = "efficiency: 10", extra: String = "") -> String {
    """
      - id: \(id)
        text: Scene \(id).
    \(extra)
        choices:
          - id: \(id)-lead
            text: Lead
            style: leader
            lens: vision-tasks
            note: A leader move.
            effects: {\(lead)}
          - id: \(id)-manage
            text: Manage
            style: manager
            lens: vision-tasks
            note: A manager move.
            effects: {\(manage)}
    """
  }
}
