import OverlapEngine

/// Packs the game states of one turn of an exhaustive search into fixed-width keys of
/// `words` 64-bit words, and back. Each turn has its own packer, because what a state
/// can hold depends on how many moves have been played.
///
/// Every state of a turn has played the same number of moves, so the move count is not
/// stored, and a finished state is never stored. The rest takes the fewest bits its range
/// at that turn allows: a scene number; the leader-move count only if something reads it;
/// the style streak up to the balance limit (nothing when `fade` is 100, which makes
/// streaks harmless); each value as an offset from the lowest it can reach by then; one
/// bit per flag, and per once-only event, still read; and one bit per (delayed effect,
/// turns left) slot that can be waiting at that turn, which also rebuilds their order.
///
/// What `FutureReads` says no condition will read again from a scene packs as zero, so
/// states that differ only there merge.
struct StatePacker: Sendable {
  /// A number stored at a bit offset, as `value - base` in `bits` bits.
  struct Field: Sendable {
    var offset: Int
    var bits: Int
    var base: Int
  }

  /// A delayed effect that may be waiting at this turn, with `turnsLeft` values from
  /// `first` on, one bit each, then as many again for "kept only `fade`".
  struct Slot: Sendable {
    var source: GameState.Source
    var index: Int
    var delay: Int
    var first: Int
    var turnsLeft: Int
    var offset: Int
    var fades: Bool
  }

  /// A bit that, when set, stands for one delayed effect waiting; `fadedBit` (or -1)
  /// says it keeps only `fade` of its gains.
  struct PendingBit: Sendable {
    var bit: Int
    var fadedBit: Int
    var pending: GameState.Pending
  }

  let words: Int
  let bits: Int
  let reads: FutureReads
  /// The moves every state of this turn has played.
  let moves: Int
  private let scene: Field
  private let leaderMoves: Field?
  private let lastStyle: Field?
  private let streak: Field?
  /// By value index; nil for a value nothing reads and the report does not need.
  private let values: [Field?]
  private let flags: [Int?]
  private let onceEvents: [Int?]
  /// In global order: a choice's delayed effects before an event's, each in its own order.
  private let slots: [Slot]
  /// One per (slot, turns left) bit, in the order the rules would have queued them.
  private let pendingBits: [PendingBit]
  /// The first of each choice's, and each event's, slots.
  private let choiceSlots: [Int]
  private let eventSlots: [Int]
  private let fade: Int

  /// One packer for each number of moves a state can have played, from 0 to the longest game.
  static func turns(scenario: Scenario, reads: FutureReads) -> [StatePacker] {
    let plan = Plan(scenario)
    return (0...scenario.maxTurns).map { StatePacker(scenario: scenario, reads: reads, moves: $0, plan: plan) }
  }

  /// What every turn's layout is worked out from.
  struct Plan {
    /// How far each value can rise, and fall, in one turn; and the range analysis allows.
    var rise: [Int]
    var fall: [Int]
    var ranges: [(lower: Int, upper: Int)]
    /// The fewest and most moves that can have been played on arriving at each scene;
    /// nil for a scene no route reaches.
    var arrivals: [ClosedRange<Int>?]

    init(_ scenario: Scenario) {
      (rise, fall) = Self.movement(scenario)
      let analysis = StaticAnalysis(scenario)
      ranges = analysis.values.map { ($0.lower, $0.upper) }
      arrivals = Self.arrivals(scenario)
    }

    /// The most each value can rise and fall in one turn: the most any one choice moves
    /// it, plus every event and every delayed effect at once.
    static func movement(_ scenario: Scenario) -> (rise: [Int], fall: [Int]) {
      var rise = Array(repeating: 0, count: scenario.values.count)
      var fall = rise
      func add(_ effects: [Effect], into up: inout [Int], _ down: inout [Int]) {
        for effect in effects {
          if effect.amount > 0 {
            up[effect.target] = up[effect.target].saturatingAdding(effect.amount)
          } else {
            down[effect.target] = down[effect.target].saturatingAdding(effect.amount.saturatingMagnitude)
          }
        }
      }
      var everyTurnUp = rise
      var everyTurnDown = fall
      for event in scenario.events { add(event.consequences.effects, into: &everyTurnUp, &everyTurnDown) }
      for owner in scenario.allConsequences {
        for later in owner.later { add(later.effects, into: &everyTurnUp, &everyTurnDown) }
      }
      for choice in scenario.choices {
        var up = Array(repeating: 0, count: scenario.values.count)
        var down = up
        add(choice.consequences.effects, into: &up, &down)
        for chance in choice.consequences.chances { add(chance.effects, into: &up, &down) }
        for outcome in choice.consequences.oneOf?.outcomes ?? [] { add(outcome.effects, into: &up, &down) }
        for index in up.indices {
          rise[index] = max(rise[index], up[index])
          fall[index] = max(fall[index], down[index])
        }
      }
      return (
        zip(rise, everyTurnUp).map { $0.saturatingAdding($1) }, zip(fall, everyTurnDown).map { $0.saturatingAdding($1) }
      )
    }

    /// Shortest and longest route from the start to each scene, in moves. Routes never
    /// loop (the loader refuses loops), so the longest is found in topological order.
    static func arrivals(_ scenario: Scenario) -> [ClosedRange<Int>?] {
      let successors = scenario.scenes.map { FutureReads.successors(of: $0, in: scenario) }
      var incoming = Array(repeating: 0, count: scenario.scenes.count)
      for nexts in successors { for next in nexts { incoming[next] += 1 } }
      var ready = scenario.scenes.indices.filter { incoming[$0] == 0 }
      var arrivals = [ClosedRange<Int>?](repeating: nil, count: scenario.scenes.count)
      arrivals[scenario.startScene] = 0...0
      while let scene = ready.popLast() {
        for next in successors[scene] {
          if let here = arrivals[scene] {
            let reached = (here.lowerBound + 1)...(here.upperBound + 1)
            arrivals[next] = arrivals[next].map { min($0.lowerBound, reached.lowerBound)...max($0.upperBound, reached.upperBound) } ?? reached
          }
          incoming[next] -= 1
          if incoming[next] == 0 { ready.append(next) }
        }
      }
      return arrivals
    }
  }

  init(scenario: Scenario, reads: FutureReads, moves: Int, plan: Plan) {
    self.reads = reads
    self.moves = moves
    var offset = 0
    func field(lower: Int, upper: Int) -> Field {
      let span = UInt64(bitPattern: Int64(upper &- lower))
      let bits = upper < lower ? 64 : max(0, 64 - span.leadingZeroBitCount)
      defer { offset += bits }
      return Field(offset: offset, bits: bits, base: lower)
    }
    scene = field(lower: 0, upper: scenario.scenes.count - 1)
    leaderMoves = reads.moveCounts.contains(true) ? field(lower: 0, upper: moves) : nil
    fade = scenario.balance.fade
    let streaksMatter = scenario.balance.fade != 100
    lastStyle = streaksMatter ? field(lower: 0, upper: moves == 0 ? 0 : 2) : nil
    streak = streaksMatter ? field(lower: 0, upper: min(moves, reads.streakLimit)) : nil
    values = scenario.values.indices.map { index in
      guard reads.values.contains(where: { $0[index] }) else { return nil }
      let declared = scenario.values[index]
      let lower = max(declared.minimum, plan.ranges[index].lower, declared.start.saturatingSubtracting(plan.fall[index].saturatingMultiplied(by: moves)))
      let upper = min(declared.maximum, plan.ranges[index].upper, declared.start.saturatingAdding(plan.rise[index].saturatingMultiplied(by: moves)))
      return field(lower: lower, upper: max(lower, upper))
    }
    flags = scenario.flags.indices.map { index in
      guard reads.flags.contains(where: { $0[index] }) else { return nil }
      defer { offset += 1 }
      return offset
    }
    onceEvents = scenario.events.map { event in
      guard event.once, moves > 0 else { return nil }
      defer { offset += 1 }
      return offset
    }
    var slots: [Slot] = []
    // Turns left for an effect of `delay` set on a move played after `played` moves.
    func add(_ consequences: Consequences, _ source: GameState.Source, played: ClosedRange<Int>?, fades: Bool) -> Int {
      let first = slots.count
      for (index, later) in consequences.later.enumerated() {
        var left = 0...0
        if let played, played.lowerBound < moves {
          // Played after p moves, it lands after p + 1 + delay; now `moves` have been played.
          let latest = min(played.upperBound, moves - 1)
          let fewest = max(1, played.lowerBound + 1 + later.delay - moves)
          let most = min(later.delay, latest + 1 + later.delay - moves)
          if fewest <= most { left = fewest...most }
        }
        let count = left == 0...0 ? 0 : left.count
        slots.append(
          Slot(source: source, index: index, delay: later.delay, first: left.lowerBound, turnsLeft: count, offset: offset, fades: fades))
        offset += count * (fades ? 2 : 1)
      }
      return first
    }
    choiceSlots = scenario.choices.indices.map { choice in
      add(scenario.choices[choice].consequences, .choice(choice), played: plan.arrivals[scenario.choices[choice].scene], fades: streaksMatter)
    }
    // An event fires during any move.
    let anyMove = moves > 0 ? 0...(moves - 1) : nil
    eventSlots = scenario.events.indices.map { add(scenario.events[$0].consequences, .event($0), played: anyMove, fades: false) }
    self.slots = slots
    pendingBits = Self.pendingBits(slots, moves: moves)
    bits = offset
    words = max(1, (offset + 63) / 64)
  }

  // MARK: - Packing

  /// Writes `state` (which must not be finished) into `key`, which has `words` words.
  /// `inout` only so that the state is read where it lies, not copied first.
  func pack(_ state: inout GameState, into key: UnsafeMutablePointer<UInt64>) {
    key.update(repeating: 0, count: words)
    let scene = state.scene
    write(scene, scene: self.scene, key)
    if let leaderMoves, reads.moveCounts[scene] { write(state.leaderMoves, scene: leaderMoves, key) }
    if let lastStyle, let streak {
      write(state.lastStyle.map { $0 == .leader ? 1 : 2 } ?? 0, scene: lastStyle, key)
      write(min(state.streak, reads.streakLimit), scene: streak, key)
    }
    let keptValues = reads.values[scene]
    for (index, field) in values.enumerated() where keptValues[index] {
      if let field { write(state.value(index), scene: field, key) }
    }
    let keptFlags = reads.flags[scene]
    for (index, offset) in flags.enumerated() where keptFlags[index] && state.flag(index) {
      if let offset { setBit(offset, key) }
    }
    let liveEvents = reads.liveEvents[scene]
    for (index, offset) in onceEvents.enumerated() where liveEvents[index] && state.fired(index) {
      if let offset { setBit(offset, key) }
    }
    for position in 0..<state.pendingCount {
      let pending = state.pending(at: position)
      let first: Int
      switch pending.source {
      case .choice(let choice): first = choiceSlots[choice]
      case .event(let event): first = eventSlots[event]
      }
      let slot = slots[first + pending.index]
      let left = pending.due - state.moves - slot.first
      precondition(left >= 0 && left < slot.turnsLeft, "a delayed effect outside the turns worked out for it")
      setBit(slot.offset + left, key)
      if slot.fades && pending.strength != 100 { setBit(slot.offset + slot.turnsLeft + left, key) }
    }
  }

  /// Rebuilds into `state` the state packed in `key`, from `start`, a started game.
  func unpack(_ key: UnsafePointer<UInt64>, into state: inout GameState, start: GameState) {
    state = start
    state.moves = moves
    state.scene = read(scene, key)
    if let leaderMoves {
      state.leaderMoves = read(leaderMoves, key)
      state.managerMoves = moves - state.leaderMoves
    }
    if let lastStyle, let streak {
      let style = read(lastStyle, key)
      state.lastStyle = style == 0 ? nil : style == 1 ? .leader : .manager
      state.streak = read(streak, key)
    }
    for (index, field) in values.enumerated() { state.setValue(index, field.map { read($0, key) } ?? 0) }
    for (index, offset) in flags.enumerated() { state.setFlag(index, offset.map { bit($0, key) } ?? false) }
    for (index, offset) in onceEvents.enumerated() { state.setFired(index, offset.map { bit($0, key) } ?? false) }
    for pendingBit in pendingBits where bit(pendingBit.bit, key) {
      var pending = pendingBit.pending
      if pendingBit.fadedBit >= 0 && bit(pendingBit.fadedBit, key) { pending.strength = fade }
      state.queue(pending)
    }
  }

  /// Every slot's bits in the order the rules queue what they stand for: by the turn it
  /// was set, then choice before event and in declaration order, as within a turn.
  private static func pendingBits(_ slots: [Slot], moves: Int) -> [PendingBit] {
    var ordered: [(set: Int, order: Int, bit: PendingBit)] = []
    for (order, slot) in slots.enumerated() {
      for left in 0..<slot.turnsLeft {
        let due = moves + slot.first + left
        let pending = GameState.Pending(due: due, source: slot.source, index: slot.index, strength: 100)
        let faded = slot.fades ? slot.offset + slot.turnsLeft + left : -1
        ordered.append((due - slot.delay, order, PendingBit(bit: slot.offset + left, fadedBit: faded, pending: pending)))
      }
    }
    return ordered.sorted { ($0.set, $0.order) < ($1.set, $1.order) }.map(\.bit)
  }

  @inline(__always)
  private func write(_ value: Int, scene field: Field, _ key: UnsafeMutablePointer<UInt64>) {
    let number = UInt64(bitPattern: Int64(value &- field.base))
    // A value outside the range worked out for it would spill into its neighbours' bits.
    precondition(field.bits == 64 || number >> UInt64(field.bits) == 0, "a value outside the range worked out for it")
    guard field.bits > 0 else { return }
    let word = field.offset >> 6
    let shift = UInt64(field.offset & 63)
    key[word] |= number << shift
    if shift + UInt64(field.bits) > 64 { key[word + 1] |= number >> (64 - shift) }
  }

  @inline(__always)
  private func read(_ field: Field, _ key: UnsafePointer<UInt64>) -> Int {
    guard field.bits > 0 else { return field.base }
    let word = field.offset >> 6
    let shift = UInt64(field.offset & 63)
    var number = key[word] >> shift
    if shift + UInt64(field.bits) > 64 { number |= key[word + 1] << (64 - shift) }
    if field.bits < 64 { number &= (1 << UInt64(field.bits)) - 1 }
    return field.base &+ Int(Int64(bitPattern: number))
  }

  @inline(__always)
  private func setBit(_ offset: Int, _ key: UnsafeMutablePointer<UInt64>) {
    key[offset >> 6] |= 1 << UInt64(offset & 63)
  }

  @inline(__always)
  private func bit(_ offset: Int, _ key: UnsafePointer<UInt64>) -> Bool {
    key[offset >> 6] & (1 << UInt64(offset & 63)) != 0
  }
}
