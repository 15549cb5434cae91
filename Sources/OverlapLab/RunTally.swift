import OverlapEngine

/// What a batch of sampled playthroughs did, kept in fixed-size counters so that
/// memory does not grow with the number of runs. Tallies of separate batches merge.
public struct RunTally: Sendable {
  /// A playthrough that reached an ending, so an author can replay it with `overlap run`.
  public struct Example: Sendable, Equatable {
    /// The run's number within its strategy; the earliest run is kept.
    public var run: Int
    /// The game seed (`overlap run --seed`).
    public var seed: UInt64
    /// Choice indices, in order.
    public var moves: [Int]
  }

  public internal(set) var runs = 0
  public internal(set) var turns = 0
  /// Runs by ending index.
  public internal(set) var endings: [Int]
  public internal(set) var meters = MeterHistogram()
  /// Moves chosen in each scene (a run passes through a scene at most once).
  public internal(set) var scenes: [Int]
  /// Times each choice was played.
  public internal(set) var choices: [Int]
  /// Runs in which each event fired at least once.
  public internal(set) var events: [Int]
  /// The earliest run that reached each ending.
  public internal(set) var examples: [Example?]

  init(_ scenario: Scenario) {
    endings = Array(repeating: 0, count: scenario.endings.count)
    scenes = Array(repeating: 0, count: scenario.scenes.count)
    choices = Array(repeating: 0, count: scenario.choices.count)
    events = Array(repeating: 0, count: scenario.events.count)
    examples = Array(repeating: nil, count: scenario.endings.count)
  }

  /// Counts a finished game; `moves` is only copied the first time an ending is seen.
  @inline(__always)
  mutating func finish(_ state: GameState, run: Int, seed: UInt64, moves: [Int]) {
    runs += 1
    turns += state.moves
    meters.add(state)
    for index in events.indices where state.fired(index) { events[index] += 1 }
    guard let ending = state.ending else { return }
    endings[ending] += 1
    if examples[ending] == nil { examples[ending] = Example(run: run, seed: seed, moves: moves) }
  }

  mutating func merge(_ other: RunTally) {
    runs += other.runs
    turns += other.turns
    meters.merge(other.meters)
    for index in endings.indices {
      endings[index] += other.endings[index]
      if let theirs = other.examples[index], theirs.run < examples[index]?.run ?? .max { examples[index] = theirs }
    }
    for index in scenes.indices { scenes[index] += other.scenes[index] }
    for index in choices.indices { choices[index] += other.choices[index] }
    for index in events.indices { events[index] += other.events[index] }
  }
}
