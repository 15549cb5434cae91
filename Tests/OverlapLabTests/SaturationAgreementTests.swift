import Foundation
import OverlapEngine
import Testing

@testable import OverlapLab

/// `check`'s range analysis and the engine follow the same saturating rule, so the
/// linter never calls an ending unreachable that a real run reaches (hardening issue).
@Suite struct SaturationAgreementTests {
  /// `big` starts just below `Int.max`, so one gain would wrap it negative without saturation.
  static let yaml = LabFixtures.scenario(
    scenes: """
        - id: a
          text: Start
          choices:
            - {id: up, text: Up, style: leader, lens: vision-tasks, note: n, effects: {big: 1000000}}
            - {id: hold, text: Hold, style: manager, lens: vision-tasks, note: n}
      """,
    extra: "variables:\n  big: {start: 9223372036854775000, min: 0, max: 9223372036854775807}",
    endings: """
        - id: wrapped
          title: Wrapped
          tone: failure
          when: big < 1000
        - id: top
          title: Top
          tone: success
          when: big == 9223372036854775807
        - id: rest
          title: Rest
          tone: mixed
      """)

  @Test func theLinterAndARunAgreeAtTheTopOfInt() throws {
    let findings = Linter.lint(data: Data(Self.yaml.utf8), path: "test.yaml")
    let unreachable = findings.filter { $0.rule == .unreachableEnding }.map(\.diagnostic.message)
    #expect(unreachable.count == 1)
    #expect(unreachable.first?.hasPrefix("ending 'wrapped' can never be reached") == true, "\(unreachable)")

    let engine = Engine(scenario: try LabFixtures.load(Self.yaml))
    let game = try Playthrough.replay(engine: engine, seed: 1, moves: ["up"])
    #expect(game.ending.map(\.id) == "top")
  }

  @Test func rangesSaturateInsteadOfGivingUp() {
    let top = ValueRange(lower: Int.max - 1, upper: Int.max)
    #expect(top + ValueRange(exactly: 5) == ValueRange(exactly: Int.max))
    #expect(ValueRange(exactly: Int.min).negated == ValueRange(exactly: Int.max))
    #expect(ValueRange(lower: Int.min, upper: -3).absolute == ValueRange(lower: 3, upper: Int.max))
    #expect(top * ValueRange(lower: -2, upper: 2) == ValueRange(lower: Int.min, upper: Int.max))
    #expect(ValueRange(exactly: Int.min).divided(by: ValueRange(exactly: -1)) == ValueRange(exactly: Int.max))
  }
}
