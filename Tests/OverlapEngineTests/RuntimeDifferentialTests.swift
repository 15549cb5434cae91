import Foundation
import OverlapEngine
import Testing

/// The compiled runtime against the reference interpreter: random games on every built-in
/// scenario, move by move, must offer the same moves, record the same turns and leave the
/// same states, to the last pending effect and the generator's word. The lab's way of
/// playing, which takes the next legal moves from the move itself, must agree too.
@Suite struct RuntimeDifferentialTests {
  /// 100,000 by default; `OVERLAP_DIFFERENTIAL_GAMES` changes it for a quick local run.
  static let games = ProcessInfo.processInfo.environment["OVERLAP_DIFFERENTIAL_GAMES"].flatMap { Int($0) } ?? 100_000

  @Test(arguments: Fixtures.allScenarioPaths)
  func runtimeMatchesTheReference(path: String) throws {
    let scenario = try ScenarioLoader.load(path: path)
    let engine = Engine(scenario: scenario)
    let reference = ReferenceInterpreter(scenario: scenario)
    var picker = SplitMix64(seed: 0xD1FF)
    var mismatches = 0
    for game in 0..<Self.games where mismatches < 5 {
      let seed = UInt64(game)
      var state = engine.start(seed: seed)
      var expected = reference.start(seed: seed)
      var lab = state
      var offered = engine.legalChoices(in: lab)
      while mismatches < 5 {
        let legal = engine.legalChoices(in: state)
        guard legal == reference.legalChoices(in: expected), expected.matches(state), offered == legal, lab == state else {
          mismatches += 1
          Issue.record("\(scenario.id) seed \(seed) turn \(state.turn): the runtime and the reference differ")
          break
        }
        guard !legal.isEmpty else { break }
        let choice = legal[picker.below(legal.count)]
        let turn = engine.choose(choice, in: &state)
        let expectedTurn = reference.choose(choice, in: &expected)
        engine.advance(choice, in: &lab, offering: &offered)
        if turn != expectedTurn {
          mismatches += 1
          Issue.record("\(scenario.id) seed \(seed) turn \(turn.number): recorded turns differ")
        }
      }
    }
  }
}
