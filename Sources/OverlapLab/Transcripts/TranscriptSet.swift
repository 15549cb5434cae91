import OverlapEngine

/// Playthroughs picked for an author to read: under each strategy the most likely paths
/// and the rarest ones, plus one path to each ending any run reached. Reading them is how
/// an author finds text that contradicts the numbers, the flags or the ending.
public struct TranscriptSet: Sendable {
  /// One playthrough to write out, and why it was picked.
  public struct Pick: Sendable {
    public var strategy: Strategy
    /// "most likely", "rare" or "ending".
    public var kind: String
    /// How many of the strategy's sampled runs took exactly this path.
    public var count: Int
    public var seed: UInt64
    public var game: Playthrough
  }

  public private(set) var picks: [Pick] = []
  /// Runs sampled per strategy.
  public let runs: Int
  /// Endings no sampled run reached, by id.
  public private(set) var unreached: [String] = []

  /// Samples `runs` games per strategy, with the same seeds and move picks as `explore`,
  /// and picks `perStrategy` transcripts under each: half the most likely paths, half the rarest.
  public init(engine: Engine, strategies: [Strategy], perStrategy: Int, runs: Int, seed: UInt64) {
    self.runs = runs
    let scenario = engine.scenario
    var endingFound: [Int: Pick] = [:]
    for strategy in strategies {
      // Each distinct path (the moves and how chances fell make the same final state).
      var paths: [[Int]: (count: Int, first: Int, seed: UInt64)] = [:]
      var order: [[Int]] = []
      for run in 0..<runs {
        let gameSeed = Explorer.gameSeed(seed, run: run)
        let (state, moves) = Explorer.play(engine, strategy, gameSeed: gameSeed)
        if let known = paths[moves] {
          paths[moves]?.count = known.count + 1
        } else {
          paths[moves] = (1, run, gameSeed)
          order.append(moves)
        }
        if let ending = state.ending, endingFound[ending] == nil {
          endingFound[ending] = Pick(
            strategy: strategy, kind: "ending", count: 0, seed: gameSeed, game: Self.replay(engine, gameSeed, moves))
        }
      }
      // Most likely first; ties by first appearance, so the choice repeats.
      let ranked = order.sorted { (paths[$0]?.count ?? 0, -(paths[$1]?.first ?? 0)) > (paths[$1]?.count ?? 0, -(paths[$0]?.first ?? 0)) }
      let likely = Array(ranked.prefix((perStrategy + 1) / 2))
      let rare = Array(ranked.reversed().filter { !likely.contains($0) }.prefix(perStrategy / 2))
      for (kind, chosen) in [("most likely", likely), ("rare", rare)] {
        for moves in chosen {
          guard let path = paths[moves] else { continue }
          picks.append(
            Pick(strategy: strategy, kind: kind, count: path.count, seed: path.seed, game: Self.replay(engine, path.seed, moves)))
        }
      }
    }
    for ending in scenario.endings.indices {
      if let pick = endingFound[ending] { picks.append(pick) } else { unreached.append(scenario.endings[ending].id) }
    }
  }

  static func replay(_ engine: Engine, _ seed: UInt64, _ choices: [Int]) -> Playthrough {
    var game = Playthrough(engine: engine, seed: seed)
    for choice in choices { game.play(choice: choice) }
    return game
  }
}
