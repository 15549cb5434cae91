import Dispatch
import Foundation
import OverlapEngine
import Synchronization

/// Plays many playthroughs of one scenario through the engine and tallies them.
///
/// Each run gets its own generators, derived from the seed and the run's number, so
/// the results are the same whatever `jobs` is, and any run can be replayed with
/// `overlap run --seed`.
public struct Explorer: Sendable {
  public let engine: Engine

  public init(engine: Engine) {
    self.engine = engine
  }

  /// Plays `runs` games with each strategy, split over `jobs` threads; one tally per strategy.
  public func sample(_ strategies: [Strategy], runs: Int, seed: UInt64, jobs: Int) -> [RunTally] {
    let jobs = max(1, min(jobs, runs))
    let results = Mutex<[[RunTally]]>(Array(repeating: [], count: jobs))
    DispatchQueue.concurrentPerform(iterations: jobs) { job in
      let worker = Worker(engine: engine)
      let tallies = strategies.map { strategy in
        worker.simulate(strategy, runs: (runs * job / jobs)..<(runs * (job + 1) / jobs), seed: seed)
      }
      results.withLock { $0[job] = tallies }
    }
    let parts = results.withLock { $0 }
    return strategies.indices.map { index in
      var total = RunTally(engine.scenario)
      for part in parts where index < part.count { total.merge(part[index]) }
      return total
    }
  }

  /// Plays `runs` games with one strategy.
  public func sample(_ strategy: Strategy, runs: Int, seed: UInt64, jobs: Int) -> RunTally {
    sample([strategy], runs: runs, seed: seed, jobs: jobs)[0]
  }

  // MARK: - Seeds

  /// The game seed of run `run`: what `overlap run --seed` needs to replay it.
  public static func gameSeed(_ seed: UInt64, run: Int) -> UInt64 {
    mix(seed, UInt64(truncatingIfNeeded: run))
  }

  /// Plays one game as `explore` plays run `gameSeed`: the same move picks, so the game can
  /// be replayed with `overlap run --seed`. `visit` sees each state a move is chosen in, with
  /// the choices offered there, before the move. Returns the final state and the moves.
  public static func play(
    _ engine: Engine, _ strategy: Strategy, gameSeed: UInt64, visit: (GameState, [Int]) -> Void = { _, _ in }
  ) -> (state: GameState, moves: [Int]) {
    let styles = engine.scenario.choices.map(\.style)
    var picker = SplitMix64(seed: mix(gameSeed, 0x5EED))
    var state = engine.start(seed: gameSeed)
    var moves: [Int] = []
    while !state.isFinished {
      var legal = engine.legalChoices(in: state)
      guard !legal.isEmpty else { break }
      visit(state, legal)
      strategy.narrow(&legal, in: state, styles: styles)
      let choice = legal[picker.below(legal.count)]
      moves.append(choice)
      engine.advance(choice, in: &state)
    }
    return (state, moves)
  }

  /// Two words mixed into one well-spread word (one SplitMix64 step).
  static func mix(_ first: UInt64, _ second: UInt64) -> UInt64 {
    var generator = SplitMix64(seed: first ^ (second &* 0xD1B5_4A32_D192_ED03))
    return generator.next()
  }
}

extension Explorer {
  /// One thread's share of the work. Threads share the engine: its compiled runtime
  /// holds no references, so reading it costs no reference counting.
  struct Worker {
    let engine: Engine
    /// Each choice's style, by choice index, so strategies need not reach into the scenario.
    let styles: [Style]
    /// The state every run starts from, before its seed is set.
    let start: GameState

    init(engine: Engine) {
      self.engine = engine
      styles = engine.scenario.choices.map(\.style)
      start = engine.start(seed: 0)
    }

    /// Plays the runs numbered `runs`, one after another.
    ///
    /// The loop reuses one list of legal moves and one move log, and a state is plain
    /// memory, so it allocates nothing per move.
    func simulate(_ strategy: Strategy, runs: Range<Int>, seed: UInt64) -> RunTally {
      let scenario = engine.scenario
      var tally = RunTally(scenario)
      var state = start
      var legal: [Int] = []
      legal.reserveCapacity(scenario.scenes.map(\.choices.count).max() ?? 1)
      var moves: [Int] = []
      moves.reserveCapacity(scenario.maxTurns + 1)
      for run in runs {
        let gameSeed = Explorer.gameSeed(seed, run: run)
        var picker = SplitMix64(seed: Explorer.mix(gameSeed, 0x5EED))
        state = start
        state.rng = SplitMix64(seed: gameSeed)
        moves.removeAll(keepingCapacity: true)
        engine.legalChoices(in: &state, into: &legal)
        while !legal.isEmpty {
          strategy.narrow(&legal, in: state, styles: styles)
          let choice = legal[picker.below(legal.count)]
          tally.scenes[state.scene] += 1
          tally.choices[choice] += 1
          moves.append(choice)
          engine.advance(choice, in: &state, offering: &legal)
        }
        tally.finish(state, run: run, seed: gameSeed, moves: moves)
      }
      return tally
    }
  }
}
