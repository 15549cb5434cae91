import Foundation
import OverlapEngine
import OverlapLab

/// libFuzzer's entry point: one scenario file's bytes per call.
///
/// Anything the loader refuses is fine; only a trap, a hang, a leak or a memory
/// error is a finding. A file that loads is also played, linted and tested, since
/// `overlap play`, `check` and `test` all do that to files nobody has vetted.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let data = Data(bytes: bytes, count: size)
  guard let scenario = try? ScenarioLoader.load(data: data, path: "fuzz.yaml") else { return 0 }
  play(scenario)
  _ = TestRunner.run(scenario)
  _ = Linter.lint(data: data, path: "fuzz.yaml")
  return 0
}

/// Plays one game with a fixed seed, rotating through the offered moves so that
/// later choices get played too, and renders every text on the way. The rules
/// promise that a game ends within the longest path and offers a move until then;
/// a broken promise traps, so that libFuzzer reports it.
func play(_ scenario: Scenario) {
  var game = Playthrough(engine: Engine(scenario: scenario), seed: 1)
  while !game.isFinished {
    precondition(game.moves.count < scenario.maxTurns, "no ending after the longest path, \(scenario.maxTurns) moves")
    let legal = game.legalChoices
    precondition(!legal.isEmpty, "the game waits at turn \(game.state.turn) with no move offered")
    _ = game.sceneText
    for choice in legal { _ = game.choiceText(choice) }
    game.play(choice: legal[game.moves.count % legal.count])
  }
  _ = game.endingText
  _ = Debrief(game: game).text()
}
