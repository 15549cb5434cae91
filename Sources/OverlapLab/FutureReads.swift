import OverlapEngine

/// What a game state still needs to remember, scene by scene: the flags and variables
/// that some condition can read from that scene on, and whether the move counts are
/// ever read. Exhaustive search forgets the rest, so states that differ only in a flag
/// nobody will look at again merge into one.
///
/// Conditions are the only readers that change what happens: offer conditions of the
/// choices ahead, and the conditions of events and endings, which are checked on every
/// move. Text conditions only change wording, so they do not count.
struct FutureReads: Sendable {
  /// `flags[scene][flag]`: whether `flag` can still be read once the story is at `scene`.
  let flags: [[Bool]]
  /// `values[scene][value]`: the same for meters and variables. Meters are always kept,
  /// because the report gives their final values.
  let values: [[Bool]]
  /// `moveCounts[scene]`: whether `leader_moves` or `manager_moves` can still be read,
  /// or the strategy reads them to pick its moves.
  let moveCounts: [Bool]
  /// Streaks longer than this fade the next same-style move just as this one does.
  let streakLimit: Int
  /// `liveEvents[scene][event]`: whether the event could still fire once the story is at
  /// `scene`, as far as its `in` and `after` scenes tell. A fired bit matters only then.
  let liveEvents: [[Bool]]

  init(scenario: Scenario, strategyReadsMoveCounts: Bool) {
    var global = Reads(scenario)
    for event in scenario.events { global.add(event.condition) }
    for ending in scenario.endings { global.add(ending.condition) }
    var perScene = scenario.scenes.map { scene in
      var reads = global
      for choice in scene.choices { reads.add(scenario.choices[choice].condition) }
      return reads
    }
    // Spread each scene's reads back to the scenes before it until nothing changes.
    var changed = true
    while changed {
      changed = false
      for (index, scene) in scenario.scenes.enumerated() {
        for next in Self.successors(of: scene, in: scenario) {
          changed = perScene[index].absorb(perScene[next]) || changed
        }
      }
    }
    for index in perScene.indices {
      for meter in 0..<Meter.allCases.count { perScene[index].values[meter] = true }
    }
    flags = perScene.map(\.flags)
    values = perScene.map(\.values)
    moveCounts = perScene.map { strategyReadsMoveCounts || $0.moveCounts }
    streakLimit = scenario.balance.streak
    liveEvents = Self.liveEvents(scenario)
  }

  static func liveEvents(_ scenario: Scenario) -> [[Bool]] {
    let count = scenario.scenes.count
    var predecessors = Array(repeating: [Int](), count: count)
    for (index, scene) in scenario.scenes.enumerated() {
      for next in successors(of: scene, in: scenario) { predecessors[next].append(index) }
    }
    /// The scenes from which some target can be reached: in one move or more, or also
    /// by being there already.
    func reaching(_ targets: [Int], includingTargets: Bool) -> [Bool] {
      var marked = Array(repeating: false, count: count)
      var stack: [Int] = []
      func mark(_ scene: Int) {
        guard !marked[scene] else { return }
        marked[scene] = true
        stack.append(scene)
      }
      for target in targets {
        if includingTargets { mark(target) }
        predecessors[target].forEach(mark)
      }
      while let scene = stack.popLast() { predecessors[scene].forEach(mark) }
      return marked
    }
    let everywhere = Array(repeating: true, count: count)
    let perEvent = scenario.events.map { event in
      let arriving = event.inScenes.isEmpty ? everywhere : reaching(event.inScenes, includingTargets: false)
      let playing = event.afterScenes.isEmpty ? everywhere : reaching(event.afterScenes, includingTargets: true)
      return zip(arriving, playing).map { $0 && $1 }
    }
    return (0..<count).map { scene in perEvent.map { $0[scene] } }
  }

  static func successors(of scene: Scene, in scenario: Scenario) -> [Int] {
    scene.choices.flatMap { scenario.routes(of: $0).compactMap { $0 } }
  }

  /// The names one or more conditions read.
  struct Reads {
    var flags: [Bool]
    var values: [Bool]
    var moveCounts = false

    init(_ scenario: Scenario) {
      flags = Array(repeating: false, count: scenario.flags.count)
      values = Array(repeating: false, count: scenario.values.count)
    }

    mutating func add(_ condition: Expression?) {
      for op in condition?.program ?? [] {
        switch op {
        case .flag(let index): flags[index] = true
        case .value(let index): values[index] = true
        case .builtin(.leaderMoves), .builtin(.managerMoves): moveCounts = true
        default: break
        }
      }
    }

    /// Adds `other`'s reads to these; true if that added any.
    mutating func absorb(_ other: Reads) -> Bool {
      var added = false
      for index in flags.indices where other.flags[index] && !flags[index] {
        flags[index] = true
        added = true
      }
      for index in values.indices where other.values[index] && !values[index] {
        values[index] = true
        added = true
      }
      if other.moveCounts && !moveCounts {
        moveCounts = true
        added = true
      }
      return added
    }
  }
}
