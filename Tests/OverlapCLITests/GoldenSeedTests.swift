import Foundation
import OverlapEngine
import Testing

/// A catalogue of seeded outcomes, in the way BrogueCE keeps its seed catalogue: for each
/// built-in scenario, a few seeds and move scripts with the ending, meters and variables
/// they must reach. The built binary plays each one in a process of its own, so the test
/// proves that the same file, seed and moves give the same game across processes and
/// builds, not only inside this one. Any change in outcomes shows as a diff of the file.
///
/// `OVERLAP_RECORD=1 swift test --filter GoldenSeedTests` rewrites the catalogue on purpose.
@Suite struct GoldenSeedTests {
  static let catalogue = Paths.repository + "/Tests/Fixtures/golden/seeds.txt"
  static let scenarios = ["change", "delegation", "project-manager"]
  static let seeds: [UInt64] = [1, 7, 2026]
  /// Which offered move each script picks on turn `t` (counting from 0), before wrapping.
  static let scripts: [String: @Sendable (Int) -> Int] = [
    "first": { _ in 0 }, "second": { _ in 1 }, "rotate": { $0 }, "zigzag": { $0 % 2 == 0 ? 0 : 2 },
  ]

  /// The moves a script makes on a scenario and seed: numbers as shown on screen.
  static func moves(scenario: Scenario, seed: UInt64, script: (Int) -> Int) -> [String] {
    var game = Playthrough(engine: Engine(scenario: scenario), seed: seed)
    var moves: [String] = []
    while !game.isFinished {
      let offered = game.legalChoices.count
      let number = script(moves.count) % offered
      moves.append(String(number + 1))
      game.play(choice: game.legalChoices[number])
    }
    return moves
  }

  /// `scenario seed script moves → ending meters variables`, from the binary's own JSON.
  static func line(scenario: String, seed: UInt64, script: String, moves: [String]) throws -> String {
    let run = try runBinary([
      "run", scenario, "--seed", String(seed), "--moves", moves.joined(separator: ","), "--format", "json",
      "--scenarios", Paths.repository + "/Scenarios",
    ])
    try #require(run.status == 0, "\(run.err)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    let ending = (object["ending"] as? [String: Any])?["id"] as? String ?? "none"
    let numbers = ["meters", "variables"].flatMap { key in
      ((object[key] as? [String: Int]) ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }
    let turns = (object["turns"] as? [Any])?.count ?? 0
    return "\(scenario) \(seed) \(script) \(moves.joined(separator: ",")) → \(ending) turns=\(turns) "
      + numbers.joined(separator: " ") + " output=\(fnv1a64(Data(run.out.utf8)))"
  }

  @Test func theBinaryReproducesTheCatalogue() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Paths.binary), "build the overlap binary first")
    var lines: [String] = []
    for id in Self.scenarios {
      let scenario = try ScenarioLoader.load(path: Paths.repository + "/Scenarios/\(id).yaml")
      for seed in Self.seeds {
        for (name, script) in Self.scripts.sorted(by: { $0.key < $1.key }) {
          let moves = Self.moves(scenario: scenario, seed: seed, script: script)
          lines.append(try Self.line(scenario: id, seed: seed, script: name, moves: moves))
        }
      }
    }
    let text = "# Seeded outcomes of the built-in scenarios; see GoldenSeedTests.swift.\n" + lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["OVERLAP_RECORD"] == "1" {
      try FileManager.default.createDirectory(
        atPath: (Self.catalogue as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: Self.catalogue, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: Self.catalogue, encoding: .utf8)
    let expectedLines = expected.split(separator: "\n").map(String.init)
    let actualLines = text.split(separator: "\n").map(String.init)
    #expect(actualLines.count == expectedLines.count)
    for (actual, wanted) in zip(actualLines, expectedLines) {
      #expect(actual == wanted)
    }
  }
}
