import Dispatch
import OverlapEngine
import Synchronization

/// Follows every move a strategy may pick and every chance outcome as its own branch,
/// merging branches that reach the same state, to get exact reachability and the
/// exact probability of each ending.
///
/// Every move adds one to `GameState.moves`, so a state can only recur within one
/// turn: the search goes turn by turn and keeps two turns in memory. With several
/// jobs, each turn's states are split into shards by hash: each job expands one shard
/// into a piece of every next shard, then each job merges the pieces of one next shard,
/// always in job order, so the answer is the same on every run with the same jobs.
public struct ExhaustiveExplorer: Sendable {
  public let engine: Engine

  /// The search stopped because the states to visit passed the limit.
  public struct TooManyStates: Error, Sendable, CustomStringConvertible {
    public var strategy: Strategy
    public var limit: Int
    /// The turn whose states passed the limit.
    public var turn: Int

    public var description: String {
      "gave up: playing '\(strategy.rawValue)', the game reaches more than \(limit) distinct states by turn \(turn); "
        + "raise --max-states, or drop --exhaustive to sample runs instead"
    }
  }

  public init(engine: Engine) {
    self.engine = engine
  }

  /// Explores one strategy with `jobs` threads, giving up past `maxStates` states.
  public func explore(_ strategy: Strategy, maxStates: Int, jobs: Int = 1) throws(TooManyStates) -> ExhaustiveResult {
    var result = ExhaustiveResult(strategy: strategy, scenario: engine.scenario)
    let first = engine.start(seed: 0)
    if first.isFinished {
      result.finish(first, weight: .certain)
      return result
    }
    // One worker per thread, each on its own copy of the scenario (see `Explorer.privateCopy`).
    let engines = [engine] + (1..<max(1, jobs)).map { _ in Explorer.privateCopy(of: engine) }
    let workers = engines.map { Worker(engine: $0, strategy: strategy) }
    var key: [UInt8] = []
    StatePacking.pack(first, keeping: workers[0].reads, into: &key)
    var layer = Array(repeating: StateTable(), count: workers.count)
    layer[0].add(key[...], weight: .certain)
    var turn = 1
    while true {
      let count = layer.reduce(0) { $0 + $1.count }
      guard count > 0 else { break }
      result.states += count
      let budget = maxStates - result.states
      var pieces: [[StateTable]] = []
      for part in expand(layer, strategy: strategy, budget: budget, workers: workers) {
        guard let part else { throw TooManyStates(strategy: strategy, limit: maxStates, turn: turn + 1) }
        result.merge(part.result)
        pieces.append(part.next)
      }
      // Let go of this turn before the next is merged, so at most two turns are held.
      layer = []
      layer = Self.merge(consume pieces)
      if layer.reduce(0, { $0 + $1.count }) > budget { throw TooManyStates(strategy: strategy, limit: maxStates, turn: turn + 1) }
      turn += 1
    }
    return result
  }

  /// What one job made of its shard of a turn: a piece of each next shard, and what finished.
  struct Part: Sendable {
    var next: [StateTable]
    var result: ExhaustiveResult
  }

  /// Plays every branch from each state, one shard per worker. A part comes back nil
  /// when it alone passed `budget` new states.
  func expand(_ layer: [StateTable], strategy: Strategy, budget: Int, workers: [Worker]) -> [Part?] {
    if workers.count == 1 { return [workers[0].expand(layer[0], strategy: strategy, budget: budget, shards: 1)] }
    let parts = Mutex<[Part?]>(Array(repeating: nil, count: workers.count))
    DispatchQueue.concurrentPerform(iterations: workers.count) { job in
      let part = workers[job].expand(layer[job], strategy: strategy, budget: budget, shards: workers.count)
      parts.withLock { $0[job] = part }
    }
    return parts.withLock { $0 }
  }

  /// Shard `s` of the next turn: every job's piece `s`, merged in job order.
  static func merge(_ pieces: consuming [[StateTable]]) -> [StateTable] {
    let jobs = pieces.count
    guard jobs > 1 else { return pieces.first ?? [] }
    let owned = Mutex(pieces)
    let shards = Mutex<[StateTable]>(Array(repeating: StateTable(), count: jobs))
    DispatchQueue.concurrentPerform(iterations: jobs) { shard in
      // Taking each piece out of the shared array leaves this thread its only owner,
      // so adding to it does not copy it.
      func take(_ job: Int) -> StateTable {
        owned.withLock { pieces in
          var piece = StateTable()
          swap(&piece, &pieces[job][shard])
          return piece
        }
      }
      var merged = take(0)
      for job in 1..<jobs { merged.add(contentsOf: take(job)) }
      shards.withLock { $0[shard] = merged }
    }
    return shards.withLock { $0 }
  }

  /// Every state holds this generator, so that states differing only in it merge;
  /// chance comes from `ScriptedDice` instead.
  static let fixedRNG = SplitMix64(seed: 0)
}

extension ExhaustiveExplorer {
  /// One thread's share of a turn, with everything it reads owned by that thread.
  struct Worker {
    let engine: Engine
    let reads: FutureReads
    let styles: [Style]

    init(engine: Engine, strategy: Strategy) {
      self.engine = engine
      reads = FutureReads(scenario: engine.scenario, strategyReadsMoveCounts: strategy == .balanced)
      styles = engine.scenario.choices.map(\.style)
    }

    /// Expands `states` into `shards` pieces of the next turn, chosen by hash.
    func expand(_ states: StateTable, strategy: Strategy, budget: Int, shards: Int) -> Part? {
      var part = Part(
        next: Array(repeating: StateTable(), count: shards),
        result: ExhaustiveResult(strategy: strategy, scenario: engine.scenario))
      var state = engine.start(seed: 0)
      var after = state
      var key: [UInt8] = []
      var legal: [Int] = []
      var dice = ScriptedDice()
      var added = 0
      for index in 0..<states.count {
        StatePacking.unpack(states.key(index), into: &state, rng: ExhaustiveExplorer.fixedRNG)
        part.result.scenes[state.scene] = true
        engine.legalChoices(in: state, into: &legal)
        guard !legal.isEmpty else { continue }
        strategy.narrow(&legal, in: state, styles: styles)
        let weight = states.weights[index]
        let share = Weight(probability: weight.probability / Double(legal.count), paths: weight.paths)
        for choice in legal {
          part.result.choices[choice] = true
          repeat {
            after.overwrite(with: state)
            engine.advance(choice, in: &after, dice: &dice)
            part.result.turns += 1
            let branch = Weight(probability: share.probability * dice.probability, paths: share.paths)
            if after.isFinished {
              part.result.finish(after, weight: branch)
            } else {
              StatePacking.pack(after, keeping: reads, into: &key)
              let hash = StateTable.hash(key[...])
              let shard = shards == 1 ? 0 : Int(truncatingIfNeeded: (hash >> 32) % UInt64(shards))
              if part.next[shard].add(key[...], hash: hash, weight: branch) { added += 1 }
              if added > budget { return nil }
            }
          } while dice.nextBranch()
        }
      }
      return part
    }
  }
}

/// How likely a branch is under the strategy, and how many playthroughs lead to it.
struct Weight: Sendable {
  var probability: Double
  /// Distinct sequences of moves and chance outcomes; saturates rather than overflows.
  var paths: Int

  static let certain = Weight(probability: 1, paths: 1)

  mutating func add(_ other: Weight) {
    probability += other.probability
    paths = Self.sum(paths, other.paths)
  }

  static func sum(_ first: Int, _ second: Int) -> Int {
    let (total, overflow) = first.addingReportingOverflow(second)
    return overflow ? .max : total
  }
}

/// What exhaustive exploration found for one strategy.
public struct ExhaustiveResult: Sendable {
  public let strategy: Strategy
  /// Distinct states in which a move was chosen.
  public internal(set) var states = 0
  /// Moves applied, counting each chance outcome's branch.
  public internal(set) var turns = 0
  /// Probability of each ending, by ending index.
  public internal(set) var probabilities: [Double]
  /// Distinct playthroughs ending in each ending (saturating).
  public internal(set) var paths: [Int]
  /// Final meters weighted by probability.
  public internal(set) var meters = MeterHistogram()
  /// What some branch reached, by index.
  public internal(set) var scenes: [Bool]
  public internal(set) var choices: [Bool]
  public internal(set) var events: [Bool]

  init(strategy: Strategy, scenario: Scenario) {
    self.strategy = strategy
    probabilities = Array(repeating: 0, count: scenario.endings.count)
    paths = Array(repeating: 0, count: scenario.endings.count)
    scenes = Array(repeating: false, count: scenario.scenes.count)
    choices = Array(repeating: false, count: scenario.choices.count)
    events = Array(repeating: false, count: scenario.events.count)
  }

  mutating func finish(_ state: GameState, weight: Weight) {
    guard let ending = state.ending else { return }
    probabilities[ending] += weight.probability
    paths[ending] = Weight.sum(paths[ending], weight.paths)
    meters.add(state, weight: weight.probability)
    // A flag once set stays set, so the final state shows every event that fired.
    for index in events.indices where state.firedEvents[index] { events[index] = true }
  }

  mutating func merge(_ other: ExhaustiveResult) {
    states += other.states
    turns += other.turns
    for index in probabilities.indices {
      probabilities[index] += other.probabilities[index]
      paths[index] = Weight.sum(paths[index], other.paths[index])
    }
    meters.merge(other.meters)
    for index in scenes.indices where other.scenes[index] { scenes[index] = true }
    for index in choices.indices where other.choices[index] { choices[index] = true }
    for index in events.indices where other.events[index] { events[index] = true }
  }
}
