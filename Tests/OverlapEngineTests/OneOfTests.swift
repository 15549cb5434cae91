import Foundation
import Testing

@testable import OverlapEngine

/// `one_of` (outcomes picked by weight) and `next` on a chance or an outcome.
@Suite struct OneOfTests {
  func errors(_ yaml: String) -> [String] {
    do {
      _ = try Fixtures.load(yaml)
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  /// One choice whose further keys are `body`, written from column 1 (they start on line
  /// 14), and the scenes `b` and `c` to route to.
  static func routed(_ body: String) -> String {
    let indented = body.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
    return Fixtures.scenario(scenes: """
        - id: a
          text: A
          next: b
          choices:
            - id: ask
              text: Ask
              style: leader
      \(indented)
        - id: b
          text: B
          next: end
          choices:
            - {id: b1, text: B1, style: manager}
        - id: c
          text: C
          next: end
          choices:
            - {id: c1, text: C1, style: manager}
      """, extra: "flags: [agreed]")
  }

  static let twoToOne = routed("""
    one_of:
      - weight: 2
        effects: {morale: 10}
        set: agreed
        text: "Yes, at morale {morale}."
      - weight: 1
        effects: {morale: -10}
        text: No.
        next: c
    """)

  // MARK: - Loading

  @Test func loadsOutcomesWithTheirWeightsAndRoutes() throws {
    let scenario = try Fixtures.load(Self.twoToOne)
    let oneOf = try #require(scenario.choices[0].consequences.oneOf)
    #expect(oneOf.weights == [2, 1])
    #expect(oneOf.total == 3)
    #expect(oneOf.outcomes.map(\.next) == [nil, .some(2)])
    #expect(scenario.routes(of: 0) == [1, 2])
  }

  @Test(arguments: [
    ("weight: 0", "15:22: error: weight must be between 1 and 1000, but is 0"),
    ("weight: 1001", "15:22: error: weight must be between 1 and 1000, but is 1001"),
    ("weight: \"2\"", "15:22: error: weight should be a whole number, but found '2'"),
    ("weight: 1, next: nowhere", "15:31: error: no scene has the id 'nowhere'"),
    ("weight: 1, odds: 3", "15:25: error: unknown key 'odds' in an outcome in 'one_of' of choice 'ask'"),
    ("effects: {morale: 1}", "15:13: error: an outcome in 'one_of' of choice 'ask' is missing the required key 'weight'"),
  ])
  func badOutcomesArePointedAt(outcome: String, expected: String) {
    let yaml = Self.routed("""
      one_of:
        - {\(outcome)}
        - {weight: 1}
      """)
    let found = errors(yaml)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("test.yaml:" + expected) == true, "\(found)")
  }

  @Test func aOneOfNeedsTwoOutcomesInAList() {
    let single = errors(Self.routed("""
      one_of:
        - {weight: 1, effects: {morale: 1}}
      """))
    #expect(single == [
      "test.yaml:15:11: error: 'one_of' of choice 'ask' has 1 outcome but needs 2 to 20; for an outcome that always happens, write its effects on the choice itself"
    ])
    let many = errors(Self.routed("one_of: [" + Array(repeating: "{weight: 1}", count: 21).joined(separator: ", ") + "]"))
    #expect(many.first?.contains("has 21 outcomes but needs 2 to 20; keep to 20") == true, "\(many)")
    let mapping = errors(Self.routed("one_of: {weight: 1}"))
    #expect(mapping.first?.contains("'one_of' of choice 'ask' is a list of outcomes, each like '- weight: 2'") == true, "\(mapping)")
  }

  @Test func aChanceNextMustNameAScene() {
    let found = errors(Self.routed("chance: [{percent: 50, next: bb}]"))
    #expect(found == ["test.yaml:14:38: error: no scene has the id 'bb'; did you mean 'b'?"])
  }

  @Test func eventsHaveNoOneOf() {
    let yaml = Fixtures.scenario(scenes: "  - {id: a, text: A, choices: [{id: c, text: C, style: leader}]}", extra: """
      events:
        - id: e
          title: E
          when: "true"
          one_of: [{weight: 1}, {weight: 1}]
      """)
    #expect(errors(yaml).first?.contains("unknown key 'one_of' in an event") == true)
  }

  /// A route on an outcome counts for loop detection and for the longest path.
  @Test func routesOnResultsCountForLoopsAndLength() throws {
    let loop = Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - {id: c1, text: C, style: leader}
        - id: b
          text: B
          next: end
          choices:
            - id: c2
              text: C
              style: leader
              one_of: [{weight: 1}, {weight: 1, next: a}]
      """)
    #expect(errors(loop) == [
      "test.yaml:7:5: error: scenes form a loop (a → b → a); every path must move forward to an end, so point one 'next' elsewhere"
    ])
    // `ask` ends the story unless the chance routes it on through b and c.
    let longer = try Fixtures.load(Self.routed("""
      next: end
      chance: [{percent: 10, next: b}]
      """))
    #expect(longer.maxTurns == 2)
    #expect(try Fixtures.load(Self.routed("next: end")).maxTurns == 1)
  }

  // MARK: - Playing

  /// Every combination of outcomes, forced by scripted dice: where the story goes and what
  /// the turn records.
  @Test func theLastRoutingResultWins() throws {
    let engine = Engine(scenario: try Fixtures.load(Self.routed("""
      next: end
      chance: [{percent: 50, next: b, text: Routed.}]
      one_of: [{weight: 1}, {weight: 1, next: c}]
      """)))
    var dice = ScriptedDice()
    var scenes: [[Int?]] = []
    repeat {
      var state = engine.start(seed: 1)
      var recorder = RecordTurn()
      engine.apply(0, to: &state, dice: &dice, recorder: &recorder)
      let turn = recorder.turn
      scenes.append([turn.rolls.first?.hit == true ? 1 : 0, turn.pick?.outcome, state.isFinished ? nil : state.scene])
    } while dice.nextBranch()
    #expect(scenes == [
      [0, 0, nil],  // nothing routes: the choice's own `next: end`
      [0, 1, 2],  // the outcome routes to c
      [1, 0, 1],  // the chance routes to b
      [1, 1, 2],  // both route: the outcome, later, wins
    ])
  }

  @Test func thePickedOutcomeIsRecordedAndReported() throws {
    let engine = Engine(scenario: try Fixtures.load(Self.twoToOne))
    var seen: Set<Int> = []
    for seed: UInt64 in 0..<40 {
      let game = try Playthrough.replay(engine: engine, seed: seed, moves: ["ask"])
      let pick = try #require(game.turns[0].pick)
      seen.insert(pick.outcome)
      let report = try #require(game.report(0).pick)
      if pick.outcome == 0 {
        #expect(pick.changes == [Turn.Change(target: 0, before: 50, after: 60)])
        #expect(game.state.flags == [true])
        #expect(game.state.scene == 1)
        #expect(report == TurnReport.Pick(outcome: 1, of: 2, weight: 2, total: 3, text: "Yes, at morale 60."))
        #expect(report.percent == 67)
      } else {
        #expect(pick.changes == [Turn.Change(target: 0, before: 50, after: 40)])
        #expect(game.state.flags == [false])
        #expect(game.state.scene == 2)
        #expect(report == TurnReport.Pick(outcome: 2, of: 2, weight: 1, total: 3, text: "No."))
      }
      #expect(game.turns[0].allChanges == pick.changes)
    }
    #expect(seen == [0, 1])
  }

  /// Sampling with the game's own generator: weight 2 of 3 comes up about two times in three.
  @Test func seededPicksFollowTheWeights() throws {
    let engine = Engine(scenario: try Fixtures.load(Self.twoToOne))
    var first = 0
    let runs = 6000
    for seed in 0..<UInt64(runs) {
      var state = engine.start(seed: seed)
      if engine.choose(0, in: &state).pick?.outcome == 0 { first += 1 }
    }
    #expect(abs(Double(first) / Double(runs) - 2.0 / 3) < 0.025)

    var generator = SplitMix64(seed: 9)
    var counts = [0, 0, 0]
    for _ in 0..<30_000 { counts[generator.pick(weights: [1, 3, 6], total: 10)] += 1 }
    for (count, share) in zip(counts, [0.1, 0.3, 0.6]) { #expect(abs(Double(count) / 30_000 - share) < 0.015) }
  }

  /// The same seed and moves give the same outcome, across a save-like replay.
  @Test func picksRepeatWithTheSeed() throws {
    let engine = Engine(scenario: try Fixtures.load(Self.twoToOne))
    for seed: UInt64 in 0..<20 {
      let once = try Playthrough.replay(engine: engine, seed: seed, moves: ["ask"])
      let again = try Playthrough.replay(engine: engine, seed: seed, moves: once.moves)
      #expect(once.turns == again.turns)
      let decoded = try JSONDecoder().decode(Turn.self, from: JSONEncoder().encode(once.turns[0]))
      #expect(decoded == once.turns[0])
    }
  }
}
