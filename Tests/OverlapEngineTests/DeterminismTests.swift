import Foundation
import Testing

@testable import OverlapEngine

@Suite struct DeterminismTests {
  /// Golden values: if these change, every recorded seed in every save changes meaning.
  @Test func splitMixGoldenValues() {
    var generator = SplitMix64(seed: 1)
    #expect((0..<3).map { _ in generator.next() } == [0x910A_2DEC_8902_5CC1, 0xBEEB_8DA1_658E_EC67, 0xF893_A2EE_FB32_555E])
  }

  @Test func boundedIntegersStayInRangeAndCoverIt() {
    var generator = SplitMix64(seed: 42)
    var seen = Set<Int>()
    for _ in 0..<2_000 {
      let value = generator.below(7)
      #expect((0..<7).contains(value))
      seen.insert(value)
    }
    #expect(seen.count == 7)
  }

  @Test func boundedIntegerGoldenValues() {
    var generator = SplitMix64(seed: 7)
    #expect((0..<8).map { _ in generator.below(100) } == [38, 1, 90, 58, 45, 24, 46, 32])
  }

  @Test(arguments: Fixtures.allScenarioPaths)
  func sameSeedAndMovesGiveIdenticalResults(path: String) throws {
    let scenario = try ScenarioLoader.load(path: path)
    let engine = Engine(scenario: scenario)
    for seed: UInt64 in [1, 2, 99] {
      let first = randomGame(engine, seed: seed)
      let second = try Playthrough.replay(engine: engine, seed: seed, moves: first.moves)
      #expect(second.state == first.state)
      #expect(second.reports == first.reports)
      let encoder = JSONEncoder()
      encoder.outputFormatting = .sortedKeys
      #expect(try encoder.encode(second.reports) == encoder.encode(first.reports))
    }
  }

  /// Plays to the end picking moves with a generator separate from the game's.
  func randomGame(_ engine: Engine, seed: UInt64) -> Playthrough {
    var game = Playthrough(engine: engine, seed: seed)
    var picker = SplitMix64(seed: seed &+ 1000)
    while !game.isFinished {
      let legal = game.legalChoices
      game.play(choice: legal[picker.below(legal.count)])
    }
    return game
  }
}
