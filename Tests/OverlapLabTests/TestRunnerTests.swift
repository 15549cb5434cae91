import Foundation
import OverlapEngine
import Testing

@testable import OverlapLab

@Suite struct TestRunnerTests {
  /// The lab's clean fixture with `tests` in place of its own.
  func outcomes(_ tests: String) throws -> [TestOutcome] {
    let text = try String(contentsOfFile: LabFixtures.clean, encoding: .utf8)
    let yaml = String(text[..<(text.range(of: "tests:")?.lowerBound ?? text.endIndex)]) + "tests:\n" + tests
    return TestRunner.run(try ScenarioLoader.load(data: Data(yaml.utf8), path: "clean.yaml"))
  }

  @Test func theFixturesTestsPass() throws {
    let results = TestRunner.run(try ScenarioLoader.load(path: LabFixtures.clean))
    #expect(results.count == 2)
    #expect(results.allSatisfy { $0.passed })
    #expect(results.map(\.name) == ["a promise then a celebration is fine", "a promise and tools thrive"])
  }

  /// Offers, events and phrases: what a story promises along the way, not only at the end.
  @Test func offersEventsAndPhrasesCanBeAsserted() throws {
    let passing = try outcomes("""
        - name: along the way
          moves: [promise, celebrate]
          offered: [{turn: 2, choice: audit}]
          not_offered: [{turn: 1, choice: audit}]
          not_fired: grumble
          shows: [Promise a quiet sprint, The sprint is over.]
          hides: The schedule feels tight.

      """)
    #expect(passing[0].failures.map(\.description) == [])
    let failing = try outcomes("""
        - name: wrong along the way
          moves: [schedule, celebrate]
          offered: [{turn: 2, choice: audit}, {turn: 4, choice: audit}]
          fired: [grumble]
          shows: [You promised]
          hides: [The sprint is over.]

      """)
    #expect(failing[0].failures.map(\.description) == [
      "turn 2: choice 'audit' is not offered at turn 2, expected it to be",
      "turn 2: choice 'audit' is checked at turn 4, but the moves stop before it",
      "turn 2: event 'grumble' never fired",
      "turn 2: no text shows \"You promised\"",
      "turn 2: a text shows \"The sprint is over.\", expected it never to",
    ])
  }

  @Test func unknownEventsAndChoicesInTestsAreLoadErrors() {
    #expect(throws: ScenarioError.self) { try outcomes("  - {name: x, moves: [promise], fired: [grumbel]}\n") }
    #expect(throws: ScenarioError.self) { try outcomes("  - {name: x, moves: [promise], offered: [{turn: 1, choice: nope}]}\n") }
  }

  @Test func aWrongEndingSaysWhatItWasAndWhen() throws {
    let results = try outcomes("  - name: wrong\n    moves: [promise, celebrate]\n    ending: thrive\n    tone: success\n")
    #expect(results[0].failures.map(\.description) == [
      "turn 2: expected ending 'thrive', but the game ended in 'fine' (mixed)",
      "turn 2: expected tone 'success', but the tone is 'mixed' (ending 'fine')",
    ])
    #expect(results[0].location.line > 1)
  }

  @Test func aMeterOutOfRangeSaysWhenItLeft() throws {
    // Morale goes 50 → 60 → 65: it was in 0..55 until turn 1.
    let results = try outcomes("  - name: meters\n    moves: [promise, celebrate]\n    meters: {morale: \"0..55\", efficiency: \"90..100\"}\n")
    #expect(results[0].failures.map(\.description) == [
      "turn 1: morale is 65, expected 0..55; it left the range on turn 1",
      "turn 2: efficiency is 50, expected 90..100; it was never in range",
    ])
  }

  @Test func aFlagSaysWhenItChanged() throws {
    let results = try outcomes("  - name: flags\n    moves: [promise, celebrate]\n    flags: {promised: false}\n")
    #expect(results[0].failures.map(\.description) == ["turn 1: flag 'promised' is true, expected false; it changed on turn 1"])
  }

  @Test func badMovesAndMovesPastTheEndFail() throws {
    let results = try outcomes("""
        - name: not offered
          moves: [schedule, audit]
        - name: too many
          moves: [promise, celebrate, celebrate]
        - name: unfinished is fine without an ending
          moves: [promise]
        - name: unfinished with an ending
          moves: [promise]
          ending: fine

      """)
    #expect(results[0].failures.first?.description.hasPrefix("turn 2: 'audit' is not a choice offered in scene 'retro'") == true)
    #expect(results[1].failures.map(\.description) == ["turn 2: the game ended in 'fine' after turn 2, but moves remain: celebrate"])
    #expect(results[2].passed)
    #expect(results[3].failures.map(\.description) == ["turn 1: expected ending 'fine', but the game is not over: it waits in scene 'retro'"])
  }

  /// Without a seed a test plays from `Engine.defaultSeed`, as `overlap run` does.
  @Test func testsWithoutASeedUseTheDefaultSeed() throws {
    let engine = try LabFixtures.engine(LabFixtures.clean)
    let game = try Playthrough.replay(engine: engine, seed: Engine.defaultSeed, moves: ["schedule", "celebrate"])
    let morale = game.state.meter(.morale)
    let matching = try outcomes("  - name: default seed\n    moves: [schedule, celebrate]\n    meters: {morale: \(morale)}\n")
    #expect(matching[0].passed)
    // Some other seed rolls the 50% chance the other way.
    let seed = try #require((UInt64(2)...40).first { seed in
      (try? Playthrough.replay(engine: engine, seed: seed, moves: ["schedule", "celebrate"]))?.state.meter(.morale) != morale
    })
    let other = try outcomes("  - name: other seed\n    moves: [schedule, celebrate]\n    seed: \(seed)\n    meters: {morale: \(morale)}\n")
    #expect(!other[0].passed)
  }
}
