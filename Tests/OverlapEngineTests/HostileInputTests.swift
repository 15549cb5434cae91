import Foundation
import Testing

@testable import OverlapEngine

/// Input built to crash the loader or the rules: each class must end in a positioned
/// error or a sound result, never a signal (hardening issue).
@Suite struct HostileInputTests {
  func errors(_ yaml: String) -> [String] {
    do {
      _ = try Fixtures.load(yaml)
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  /// A one-scene scenario whose only choice is offered when `condition` holds.
  func scenario(condition: String = "true", text: String = "Hello", extra: String = "") -> String {
    Fixtures.scenario(
      scenes: """
          - id: a
            text: "\(text)"
            choices:
              - id: go
                text: Go
                style: leader
                if: "\(condition)"
        """, extra: extra)
  }

  // MARK: - Deep nesting

  /// Ways to nest 20,000 levels deep, by name so that a failure does not print them.
  static let deepExpressions: [String: String] = [
    "brackets": String(repeating: "(", count: 20_000) + "1" + String(repeating: ")", count: 20_000),
    "not": String(repeating: "not ", count: 20_000) + "true",
    "minus": String(repeating: "-", count: 20_000) + "1 < 0",
    "spaced minus": String(repeating: "- ", count: 20_000) + "1 < 0",
    "functions": String(repeating: "abs(", count: 20_000) + "1" + String(repeating: ")", count: 20_000),
  ]

  @Test(arguments: deepExpressions.keys.sorted())
  func deeplyNestedConditionsAreRefused(kind: String) {
    let found = errors(scenario(condition: Self.deepExpressions[kind] ?? ""))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("test.yaml:13:") == true, "\(found)")
    #expect(found.first?.contains("error: in the condition of choice 'go': expression nested too deeply") == true, "\(found)")
  }

  /// A file in a newer format than this build reads is refused at its `format` line;
  /// the formats it knows load.
  @Test func aNewerFormatIsRefusedClearly() throws {
    _ = try Fixtures.load("format: 1\n" + scenario())
    _ = try Fixtures.load("format: 2\n" + scenario())
    #expect(errors("format: 3\n" + scenario()) == [
      "test.yaml:1:9: error: this file is written in scenario format 3, and this Overlap reads formats 1 to 2; install a newer Overlap to play it"
    ])
  }

  /// A game keeps its numbers inline, so declarations past the capacity are refused at
  /// the first one over, and a scenario at the limit loads and plays.
  @Test func declarationsPastTheInlineLimitsAreNamed() throws {
    let variables = (0..<29).map { "v\($0): 0" }.joined(separator: ", ")
    _ = try Fixtures.load(scenario(extra: "variables: {\(variables)}"))
    #expect(errors(scenario(extra: "variables: {\(variables), v29: 1}")).contains {
      $0.hasSuffix("error: a scenario can declare at most 32 meters and variables; this is number 33")
    })
    let flags = (0...256).map { "f\($0)" }.joined(separator: ", ")
    #expect(errors(scenario(extra: "flags: [\(flags)]")).contains {
      $0.hasSuffix("error: a scenario can declare at most 256 flags; this is number 257")
    })
  }

  /// Five scenes in a row, each move scheduling four delayed effects `delay` moves on.
  func delayedChain(delay: Int) -> String {
    let laters = (0..<4).map { _ in "\n              - {in: \(delay), effects: {morale: 1}}" }.joined()
    let scenes = (0..<5).map { index in
      """
        - id: s\(index)
          text: Week \(index)\(index < 4 ? "\n    next: s\(index + 1)" : "")
          choices:
            - id: c\(index)
              text: Go
              style: leader
              later:\(laters)
      """
    }
    return Fixtures.scenario(scenes: scenes.joined(separator: "\n"))
  }

  /// Delayed effects wait inline too: a scenario in which more than sixteen could wait at
  /// once is refused at its longest delay, and one in which sixteen can plays through
  /// with all sixteen waiting.
  @Test func delayedEffectsPastTheInlineLimitAreRefused() throws {
    // Four moves' worth wait while the fourth move lands the first: 16 with a delay of 3.
    let scenario = try Fixtures.load(delayedChain(delay: 3))
    #expect(scenario.mostDelayedEffectsWaiting == 16)
    let engine = Engine(scenario: scenario)
    var state = engine.start(seed: 1)
    var most = 0
    while !state.isFinished {
      engine.advance(engine.legalChoices(in: state)[0], in: &state)
      most = max(most, state.pendingCount)
    }
    #expect(most == 12, "after the fourth move lands the first move's four, twelve wait")
    let found = errors(delayedChain(delay: 4))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("test.yaml:15:17:") == true, "\(found)")
    #expect(found.first?.contains("error: up to 20 delayed effects could be waiting at once, and a game holds at most 16") == true, "\(found)")
  }

  @Test func deeplyNestedTextIsRefused() {
    let deep = String(repeating: "(", count: 20_000) + "1" + String(repeating: ")", count: 20_000)
    let found = errors(scenario(text: "Value {\(deep)}"))
    #expect(found.count == 1)
    #expect(found.first?.contains("expression nested too deeply") == true, "\(found)")
  }

  @Test func nestingUpToTheLimitStillLoads() throws {
    let depth = ExpressionParser.maximumDepth
    let source = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
    let expression = try Expression(source) { _ in nil }
    #expect(expression.constantValue == 1)
    #expect(throws: ExpressionError.self) { try Expression("(" + source + ")") { _ in nil } }
  }

  @Test func deeplyNestedYAMLIsExplained() {
    let found = errors(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
    #expect(found.count == 1)
    #expect(found.first?.contains("error: the YAML is nested too deeply") == true, "\(found)")
  }

  /// A "billion laughs" file in the keys the reader walks: 2,000 aliases of a scene, each
  /// with 2,000 aliases of a choice, each with 2,000 aliases of a delayed effect.
  @Test func aliasBombsAreRefused() {
    var lines = ["id: t", "title: T", "summary: S", "goals: [g]", "scenes:"]
    lines += ["  - &S", "    id: a", "    text: Hello", "    choices:"]
    lines += ["      - &C", "        id: go", "        text: Go", "        style: leader"]
    lines.append("        later: [&D {in: 1, effects: {morale: 1}}" + String(repeating: ", *D", count: 2_000) + "]")
    lines += Array(repeating: "      - *C", count: 2_000)
    lines += Array(repeating: "  - *S", count: 2_000)
    lines += ["endings:", "  - {id: fine, title: Fine, tone: mixed}"]
    let found = errors(lines.joined(separator: "\n"))
    #expect(found.count == 1)
    #expect(found.first?.contains("counting what aliases repeat") == true, "\(found)")
  }

  // MARK: - Long chains of scenes

  /// Scene i leads to scene i + 1; the walk must neither recurse nor copy paths.
  @Test func longChainsOfScenesLoadInLinearTime() {
    let count = 100_000
    let scenes = (0..<count).map { index in
      Scene(
        id: "s\(index)", title: nil, text: Text(paragraphs: [], location: SourceLocation(line: 1, column: 1)), discuss: nil,
        choices: [index], next: index + 1 < count ? index + 1 : nil, location: SourceLocation(line: 1, column: 1))
    }
    let choices = (0..<count).map { index in
      Choice.fixture(id: "c\(index)", scene: index)
    }
    var builder = ScenarioBuilder(reader: NodeReader(path: "test.yaml"))
    let longest = builder.longestPaths(scenes: scenes, choices: choices)
    #expect(longest?.first == count)
    #expect(longest?.last == 1)
    #expect(builder.reader.diagnostics.isEmpty)
  }

  @Test func aLongLoopIsReportedInOneShortLine() {
    let count = 1_000
    let scenes = (0..<count).map { index in
      Scene(
        id: "s\(index)", title: nil, text: Text(paragraphs: [], location: SourceLocation(line: 1, column: 1)), discuss: nil,
        choices: [index], next: (index + 1) % count, location: SourceLocation(line: 1, column: 1))
    }
    let choices = (0..<count).map { index in Choice.fixture(id: "c\(index)", scene: index) }
    var builder = ScenarioBuilder(reader: NodeReader(path: "test.yaml"))
    #expect(builder.longestPaths(scenes: scenes, choices: choices) == nil)
    let message = builder.reader.diagnostics.map(\.description)
    #expect(message.count == 1)
    #expect(message.first?.contains("scenes form a loop (s0 → s1 → s2 → s3 → … → s998 → s999 → s0)") == true, "\(message)")
  }

  // MARK: - Integer overflow

  @Test(arguments: [
    ("big + 1", Int.max),
    ("big * 2", Int.max),
    ("big * -2", Int.min),
    ("small - 1", Int.min),
    ("small * small", Int.max),
    ("-small", Int.max),
    ("abs(small)", Int.max),
    ("small / -1", Int.max),
    ("small % -1", 0),
    ("0 - small", Int.max),
    ("big + big - big", Int.max - Int.max),
  ])
  func arithmeticSaturatesAtTheEndsOfInt(source: String, expected: Int) throws {
    let expression = try Expression(source) { name in name == "big" ? .value(0) : name == "small" ? .value(1) : nil }
    let value = expression.evaluate { name in name == .value(0) ? Int.max : Int.min }
    #expect(value == expected)
  }

  /// A variable declared up to `Int.max` stops there instead of wrapping negative.
  @Test func effectsSaturateAtTheDeclaredBound() throws {
    let yaml = Fixtures.scenario(
      scenes: """
          - id: a
            text: "{big + 1}"
            choices:
              - id: up
                text: Up
                style: leader
                effects: {big: 1000000, small: -1000000}
                later: [{in: 1, effects: {big: 1000000}}]
              - id: down
                text: Down
                style: manager
          - id: b
            text: "{big}"
            choices:
              - {id: again, text: Again, style: leader, effects: {big: 1000000}}
        """, extra: "variables:\n  big: {start: 9223372036854775000, max: 9223372036854775807}\n  small: {start: -9223372036854775000}")
    let engine = Engine(scenario: try Fixtures.load(yaml))
    let game = try Playthrough.replay(engine: engine, seed: 1, moves: ["up", "again"])
    let big = try #require(engine.scenario.values.firstIndex { $0.name == "big" })
    let small = try #require(engine.scenario.values.firstIndex { $0.name == "small" })
    #expect(game.state.values[big] == Int.max)
    #expect(game.state.values[small] == Int.min)
    #expect(game.reports.flatMap(\.changes).allSatisfy { $0.delta >= 0 || $0.name == "small" })
    #expect(game.reports.first?.changes.first { $0.name == "small" }?.delta == -808)
  }

  @Test func fadedGainsAreExactForHugeAmounts() {
    #expect(Engine.scaled(Int.max, percent: 100) == Int.max)
    #expect(Engine.scaled(Int.max, percent: 50) == Int.max / 2)
    #expect(Engine.scaled(999, percent: 50) == 499)
    #expect(Engine.scaled(7, percent: 0) == 0)
  }
}

extension Choice {
  /// A leader choice with no effects, for tests that only need the scene graph.
  static func fixture(id: String, scene: Int) -> Choice {
    Choice(
      id: id, scene: scene, text: Text(paragraphs: [], location: SourceLocation(line: 1, column: 1)), style: .leader,
      lens: nil, condition: nil, consequences: Consequences(), next: nil, outcome: nil, note: nil,
      location: SourceLocation(line: 1, column: 1))
  }
}
