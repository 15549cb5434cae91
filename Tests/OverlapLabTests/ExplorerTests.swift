import OverlapEngine
import Testing

@testable import OverlapLab

@Suite struct ExplorerTests {
  func sample(_ path: String, _ strategy: Strategy, runs: Int = 500, seed: UInt64 = 1, jobs: Int = 1) throws -> RunTally {
    try Explorer(engine: LabFixtures.engine(path)).sample(strategy, runs: runs, seed: seed, jobs: jobs)
  }

  func same(_ a: RunTally, _ b: RunTally) -> Bool {
    a.runs == b.runs && a.turns == b.turns && a.endings == b.endings && a.meters == b.meters && a.scenes == b.scenes
      && a.choices == b.choices && a.events == b.events && a.examples == b.examples
  }

  @Test(arguments: Strategy.allCases)
  func resultsDependOnTheSeedButNotOnTheJobs(strategy: Strategy) throws {
    let one = try sample(LabFixtures.clean, strategy, jobs: 1)
    #expect(same(one, try sample(LabFixtures.clean, strategy, jobs: 1)))
    #expect(same(one, try sample(LabFixtures.clean, strategy, jobs: 3)))
    #expect(same(one, try sample(LabFixtures.clean, strategy, jobs: 7)))
    if strategy != .leader {
      #expect(!same(one, try sample(LabFixtures.clean, strategy, seed: 2)))
    }
  }

  @Test func everyRunFinishesAndIsCounted() throws {
    let tally = try sample(LabFixtures.tiny, .random, runs: 1234, jobs: 2)
    #expect(tally.runs == 1234)
    #expect(tally.endings.reduce(0, +) == 1234)
    #expect(tally.turns == tally.choices.reduce(0, +))
    // Every game of the tiny scenario takes three moves.
    #expect(tally.turns == 3 * 1234)
    let meters = try #require(tally.meters.statistics(of: .morale))
    #expect(meters.min <= meters.p10 && meters.p10 <= meters.p50 && meters.p50 <= meters.p90 && meters.p90 <= meters.max)
  }

  @Test func oneStyleStrategiesPlayTheirStyleWheneverOffered() throws {
    let scenario = try ScenarioLoader.load(path: LabFixtures.tiny)
    for strategy in [Strategy.leader, .manager] {
      let tally = try sample(LabFixtures.tiny, strategy)
      let wanted: Style = strategy == .leader ? .leader : .manager
      for (index, choice) in scenario.choices.enumerated() where choice.style != wanted {
        // Every scene of the tiny scenario offers both styles, so the other style is never played.
        #expect(tally.choices[index] == 0, "\(strategy) played \(choice.id)")
      }
    }
  }

  @Test func balancedPlaysTheStyleThatIsBehind() {
    #expect(Strategy.balanced.preferredStyle(leaderMoves: 2, managerMoves: 3) == .leader)
    #expect(Strategy.balanced.preferredStyle(leaderMoves: 3, managerMoves: 1) == .manager)
    #expect(Strategy.balanced.preferredStyle(leaderMoves: 2, managerMoves: 2) == nil)
    #expect(Strategy.random.preferredStyle(leaderMoves: 0, managerMoves: 5) == nil)
  }

  @Test func narrowingKeepsOnlyThePreferredStyleWhenOffered() throws {
    let engine = try LabFixtures.engine(LabFixtures.tiny)
    let styles = engine.scenario.choices.map(\.style)
    let state = engine.start(seed: 1)
    var legal = engine.legalChoices(in: state)
    Strategy.manager.narrow(&legal, in: state, styles: styles)
    #expect(legal.map { engine.scenario.choices[$0].id } == ["plan"])
    var all = engine.legalChoices(in: state)
    Strategy.random.narrow(&all, in: state, styles: styles)
    #expect(all.count == 3)
  }

  /// An example is a real run: replaying its seed and moves reaches its ending.
  @Test(arguments: LabFixtures.playable)
  func examplesReplayToTheirEnding(path: String) throws {
    let engine = try LabFixtures.engine(path)
    let tally = Explorer(engine: engine).sample(.random, runs: 300, seed: 9, jobs: 2)
    for (ending, example) in tally.examples.enumerated() {
      guard let example else { continue }
      #expect(example.seed == Explorer.gameSeed(9, run: example.run))
      let moves = example.moves.map { engine.scenario.choices[$0].id }
      let game = try Playthrough.replay(engine: engine, seed: example.seed, moves: moves)
      #expect(game.state.ending == ending)
    }
  }

  // MARK: - Engine fast paths

  /// The buffer-reusing helpers agree with the ordinary ones on every state a game passes through.
  @Test(arguments: LabFixtures.playable)
  func fastPathsMatchTheEngine(path: String) throws {
    let engine = try LabFixtures.engine(path)
    let start = engine.start(seed: 0)
    var reused = start
    var legal: [Int] = []
    var picker = SplitMix64(seed: 3)
    for seed in UInt64(1)...50 {
      var game = Playthrough(engine: engine, seed: seed)
      reused = start
      reused.rng = SplitMix64(seed: seed)
      #expect(reused == game.state)
      while !game.isFinished {
        engine.legalChoices(in: &reused, into: &legal)
        #expect(legal == game.legalChoices)
        let choice = legal[picker.below(legal.count)]
        game.play(choice: choice)
        engine.advance(choice, in: &reused)
        #expect(reused == game.state)
      }
    }
  }
}
