import Dispatch
import OverlapEngine
import Synchronization

/// Follows every move a strategy may pick and every chance outcome as its own branch,
/// merging branches that reach the same state, to get exact reachability and the
/// exact probability of each ending.
///
/// Every move adds one to `GameState.moves`, so a state can only recur within one
/// turn: the search goes turn by turn and keeps two turns in memory, packed by
/// `StatePacker` into `StateTable`s. A state whose next move must end the game is not
/// kept: it is played out on the spot.
///
/// Each turn is split into a fixed number of shards by hash, whatever `jobs` is. A job
/// expands whole shards; each next shard is then merged from the pieces of every shard,
/// always in shard order. So every probability is summed in the same order with any
/// number of jobs, and the figures are identical to the last digit.
public struct ExhaustiveExplorer: Sendable {
  public let engine: Engine

  /// Shards per turn: the most jobs that can help.
  static let shards = 8

  /// The search stopped because the states to keep passed the limit.
  public struct TooManyStates: Error, Sendable, CustomStringConvertible {
    public var strategy: Strategy
    public var limit: Int
    /// The turn whose states passed the limit.
    public var turn: Int
    /// Memory each state kept takes, about.
    public var bytesPerState: Int

    public var description: String {
      "gave up: playing '\(strategy.rawValue)', the game reaches more than \(limit) distinct states by turn \(turn); "
        + "each state kept takes about \(bytesPerState) bytes, so each million more --max-states needs about "
        + "\(bytesPerState * 2) MB (two turns are held); or drop --exhaustive to sample runs instead"
    }
  }

  public init(engine: Engine) {
    self.engine = engine
  }

  /// Explores one strategy with `jobs` threads, giving up past `maxStates` kept states.
  public func explore(_ strategy: Strategy, maxStates: Int, jobs: Int = 1) throws(TooManyStates) -> ExhaustiveResult {
    var result = ExhaustiveResult(strategy: strategy, scenario: engine.scenario)
    var first = engine.start(seed: 0)
    if first.isFinished {
      result.finish(&first, weight: .certain)
      return result
    }
    let reads = FutureReads(scenario: engine.scenario, strategyReadsMoveCounts: strategy == .balanced)
    let worker = Worker(engine: engine, strategy: strategy, packers: StatePacker.turns(scenario: engine.scenario, reads: reads))
    let widest = worker.packers.map(\.words).max() ?? 1
    let bytesPerState = StateTable.bytesPerState(words: widest)
    let firstPacker = worker.packers[0]
    var layer = (0..<Self.shards).map { _ in StateTable(words: firstPacker.words) }
    let key = UnsafeMutablePointer<UInt64>.allocate(capacity: firstPacker.words)
    defer { key.deallocate() }
    firstPacker.pack(&first, into: key)
    let hash = StateTable.hash(key, firstPacker.words)
    layer[Self.shard(of: hash)].add(key, hash: hash, weight: .certain)
    var moves = 0
    while true {
      let count = layer.reduce(0) { $0 + $1.count }
      guard count > 0 else { break }
      result.states += count
      let budget = maxStates - result.states
      var pieces: [[StateList]] = []
      for part in expand(layer, moves: moves, budget: budget, worker: worker, jobs: jobs) {
        guard let part else {
          throw TooManyStates(strategy: strategy, limit: maxStates, turn: moves + 2, bytesPerState: bytesPerState)
        }
        result.merge(part.result)
        pieces.append(part.next)
      }
      // Let go of this turn before the next is merged, so at most two turns are held.
      layer = []
      layer = Self.merge(pieces, words: worker.packers[min(moves + 1, worker.packers.count - 1)].words, jobs: jobs)
      if layer.reduce(0, { $0 + $1.count }) > budget {
        throw TooManyStates(strategy: strategy, limit: maxStates, turn: moves + 2, bytesPerState: bytesPerState)
      }
      moves += 1
    }
    return result
  }

  @inline(__always)
  static func shard(of hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash >> 32) % UInt64(shards)) }

  /// What expanding one shard of a turn made: a piece of each next shard, and what finished.
  struct Part: Sendable {
    var next: [StateList]
    var result: ExhaustiveResult
  }

  /// Plays every branch from each state, shard by shard, over `jobs` threads; parts come
  /// back in shard order. A part is nil when it alone passed `budget` new states.
  func expand(_ layer: [StateTable], moves: Int, budget: Int, worker: Worker, jobs: Int) -> [Part?] {
    let parts = Mutex<[Part?]>(Array(repeating: nil, count: layer.count))
    Self.run(layer.count, jobs: jobs) { shard in
      let part = worker.expand(layer[shard], moves: moves, budget: budget)
      parts.withLock { $0[shard] = part }
    }
    return parts.withLock { $0 }
  }

  /// Next shard `s`: piece `s` of every shard's part, added in shard order, each let go
  /// once added. The table is sized for them all at once, so it never grows.
  static func merge(_ pieces: [[StateList]], words: Int, jobs: Int) -> [StateTable] {
    let shards = Mutex<[StateTable?]>(Array(repeating: nil, count: Self.shards))
    run(Self.shards, jobs: jobs) { shard in
      let merged = StateTable(words: words, capacity: StateTable.capacity(for: pieces.reduce(0) { $0 + $1[shard].count }))
      for piece in pieces {
        merged.add(contentsOf: piece[shard])
        piece[shard].release()
      }
      shards.withLock { $0[shard] = merged }
    }
    return shards.withLock { $0.map { $0! } }
  }

  /// Runs `task` for each of `count` items on up to `jobs` threads.
  static func run(_ count: Int, jobs: Int, _ task: @Sendable (Int) -> Void) {
    let threads = max(1, min(jobs, count))
    if threads == 1 {
      for item in 0..<count { task(item) }
      return
    }
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      for item in stride(from: thread, to: count, by: threads) { task(item) }
    }
  }
}

extension ExhaustiveExplorer {
  /// What every thread shares: the engine, the packers and the strategy, all read-only.
  struct Worker: Sendable {
    let engine: Engine
    let strategy: Strategy
    /// By the number of moves played.
    let packers: [StatePacker]
    let styles: [Style]
    /// The most moves that can still be played from each scene.
    let turnsFrom: [Int]
    let start: GameState

    init(engine: Engine, strategy: Strategy, packers: [StatePacker]) {
      self.engine = engine
      self.strategy = strategy
      self.packers = packers
      styles = engine.scenario.choices.map(\.style)
      turnsFrom = engine.scenario.turnsFrom
      start = engine.start(seed: 0)
    }

    /// Expands the states of one shard, after `moves` moves, into pieces of the next turn.
    /// A state whose next move must end the game is not kept: it is played out at once.
    func expand(_ states: StateTable, moves: Int, budget: Int) -> Part? {
      let packer = packers[moves]
      // A state after the longest game's last move is finished, so this packer is never used then.
      let nextPacker = packers[min(moves + 1, packers.count - 1)]
      let next = (0..<ExhaustiveExplorer.shards).map { _ in StateTable(words: nextPacker.words) }
      var part = Part(next: [], result: ExhaustiveResult(strategy: strategy, scenario: engine.scenario))
      let words = nextPacker.words
      let key = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
      defer { key.deallocate() }
      var state = start
      var legal: [Int] = []
      var dice = ScriptedDice()
      var events = FiredEvents(count: engine.scenario.events.count)
      // Where the states played out at once end up; apart, so the two plays share no result.
      var playedOut = ExhaustiveResult(strategy: strategy, scenario: engine.scenario)
      var lastLegal: [Int] = []
      var lastDice = ScriptedDice()
      var lastEvents = events
      var added = 0
      states.forEach { packed, weight in
        guard added <= budget else { return }
        packer.unpack(packed, into: &state, start: start)
        play(from: &state, weight: weight, legal: &legal, dice: &dice, events: &events, into: &part.result) { (after: inout GameState, branch) in
          if turnsFrom[after.scene] <= 1 {
            play(from: &after, weight: branch, legal: &lastLegal, dice: &lastDice, events: &lastEvents, into: &playedOut) { _, _ in }
            return
          }
          nextPacker.pack(&after, into: key)
          let hash = StateTable.hash(key, words)
          if next[ExhaustiveExplorer.shard(of: hash)].add(key, hash: hash, weight: branch) { added += 1 }
        }
      }
      guard added <= budget else { return nil }
      // Packed tight until every shard is done and the next turn is merged.
      part.next = next.map(StateList.init)
      part.result.merge(playedOut)
      for (index, fired) in zip(events.fired, lastEvents.fired).map({ $0 || $1 }).enumerated() where fired {
        part.result.events[index] = true
      }
      return part
    }

    /// Plays every move the strategy may pick from `state`, in every chance outcome;
    /// finished games go into `result`, the rest to `keep`.
    func play(
      from state: inout GameState, weight: Weight, legal: inout [Int], dice: inout ScriptedDice,
      events: inout FiredEvents, into result: inout ExhaustiveResult, keep: (inout GameState, Weight) -> Void
    ) {
      // Read first: writing to an array checks that it is not shared, every time.
      if !result.scenes[state.scene] { result.scenes[state.scene] = true }
      engine.legalChoices(in: &state, into: &legal)
      guard !legal.isEmpty else { return }
      strategy.narrow(&legal, in: state, styles: styles)
      let share = Weight(probability: weight.probability / Double(legal.count), paths: weight.paths)
      for choice in legal {
        if !result.choices[choice] { result.choices[choice] = true }
        repeat {
          var after = state
          engine.advance(choice, in: &after, dice: &dice, noting: &events)
          result.turns += 1
          let branch = Weight(probability: share.probability * dice.probability, paths: share.paths)
          if after.isFinished { result.finish(&after, weight: branch) } else { keep(&after, branch) }
        } while dice.nextBranch()
      }
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
  /// Distinct states kept: every state a move was chosen in, except those one move from the end.
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
  /// Events that fired in some branch.
  public internal(set) var events: [Bool]

  init(strategy: Strategy, scenario: Scenario) {
    self.strategy = strategy
    probabilities = Array(repeating: 0, count: scenario.endings.count)
    paths = Array(repeating: 0, count: scenario.endings.count)
    scenes = Array(repeating: false, count: scenario.scenes.count)
    choices = Array(repeating: false, count: scenario.choices.count)
    events = Array(repeating: false, count: scenario.events.count)
  }

  /// Counts a finished game; `inout` only so the state is read in place, not copied.
  mutating func finish(_ state: inout GameState, weight: Weight) {
    guard let ending = state.ending else { return }
    probabilities[ending] += weight.probability
    paths[ending] = Weight.sum(paths[ending], weight.paths)
    meters.add(meters: state.value(0), state.value(1), state.value(2), weight: weight.probability)
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
