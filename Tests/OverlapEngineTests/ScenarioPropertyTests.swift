import Foundation
import PropertyBased
import ScenarioSketches
import Testing

@testable import OverlapEngine

/// Properties over random scenarios written by `Sketches.scenario`.
@Suite struct ScenarioPropertyTests {
  /// The sketch as a loaded scenario, or a recorded issue: the generator only writes
  /// valid files, so one the loader refuses is a bug in one or the other.
  func load(_ sketch: ScenarioSketch) -> Scenario? {
    do {
      return try ScenarioLoader.load(data: Data(sketch.yaml.utf8), path: "sketch.yaml")
    } catch {
      Issue.record("the generated scenario does not load:\n\(error)")
      return nil
    }
  }

  /// Any game of any scenario that loads reaches an ending within the longest path, with
  /// a move offered at every turn until then, no more delayed effects waiting than the
  /// loader allowed for, and every text renders.
  @Test func generatedScenariosPlayToAnEnding() async {
    await propertyCheck(count: 300, input: Sketches.scenario, Gen.uint64()) { sketch, seed in
      guard let scenario = load(sketch) else { return }
      // One more than the longest path, so that a game that fails to end shows up.
      let game = RandomPlay.game(Engine(scenario: scenario), seed: seed, limit: scenario.maxTurns + 1)
      #expect(game.isFinished, "the game stopped at turn \(game.state.turn) without an ending")
      #expect(game.moves.count <= scenario.maxTurns)
      for state in game.states {
        #expect(state.pendingCount <= scenario.mostDelayedEffectsWaiting, "more delayed effects wait than the loader's bound")
        _ = game.engine.render(scenario.scenes[state.scene].text, in: state)
        for choice in game.engine.legalChoices(in: state) { _ = game.engine.render(scenario.choices[choice].text, in: state) }
      }
      _ = game.endingText
    }
  }

  /// Saving after any number of moves, loading the save into a freshly loaded scenario
  /// and playing the remaining moves gives the same game as playing straight through.
  @Test func saveLoadContinueEqualsAnUninterruptedGame() async throws {
    await propertyCheck(count: 200, input: Sketches.scenario, Gen.uint64(), Gen.int(in: 0...20)) { sketch, seed, cut in
      guard let scenario = load(sketch) else { return }
      let whole = RandomPlay.game(Engine(scenario: scenario), seed: seed, limit: scenario.maxTurns)
      let played = cut % (whole.moves.count + 1)
      do {
        let before = try Playthrough.replay(engine: whole.engine, seed: seed, moves: Array(whole.moves.prefix(played)))
        let save = SaveGame(Session(game: before, players: ["Ana"]))
        let decoded = try SaveGame.decode(try save.encoded(), path: "sketch.json")
        #expect(decoded == save)
        let reloaded = try ScenarioLoader.load(data: Data(sketch.yaml.utf8), path: "sketch.yaml")
        #expect(reloaded.contentHash == decoded.scenarioHash)
        var resumed = try Session(decoded, engine: Engine(scenario: reloaded))
        for move in whole.moves.dropFirst(played) { try resumed.play(move) }
        #expect(resumed.players == ["Ana"])
        #expect(resumed.game.state == whole.state)
        #expect(resumed.game.moves == whole.moves)
        #expect(resumed.game.turns == whole.turns)
        #expect(resumed.game.reports == whole.reports)
      } catch {
        Issue.record("saving after \(played) of \(whole.moves.count) moves failed: \(error)")
      }
    }
  }
}
