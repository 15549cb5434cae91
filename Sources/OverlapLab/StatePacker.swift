import OverlapEngine

/// Packs the game states of one turn of an exhaustive search into fixed-width keys of
/// `words` 64-bit words, and back.
///
/// Every state of a turn has played the same number of moves, so the move count is not
/// stored, and a finished state is never stored. The rest takes the fewest bits its range
/// allows: a scene number; the leader-move count only if something reads it; the style
/// streak up to the balance limit (nothing when `fade` is 100, which makes streaks
/// harmless); each value as an offset from the lowest it can reach; one bit per flag,
/// and per once-only event, still read; and one bit per (delayed effect, turns left)
/// slot for the effects waiting to land, which also rebuilds their order.
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

  /// A delayed effect that may wait: its owner's entry fields and where its slots start.
  struct Slot: Sendable {
    var source: GameState.Source
    var index: Int
    var delay: Int
    /// One bit per turn left (1...delay), then as many again for "kept only `fade`".
    var offset: Int
    var fades: Bool
  }

  let words: Int
  let bits: Int
  let reads: FutureReads
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
  /// The first of each choice's, and each event's, slots.
  private let choiceSlots: [Int]
  private let eventSlots: [Int]
  private let fade: Int

  init(scenario: Scenario, reads: FutureReads) {
    self.reads = reads
    var offset = 0
    func field(lower: Int, upper: Int) -> Field {
      let span = UInt64(bitPattern: Int64(upper &- lower))
      let bits = upper < lower ? 64 : max(0, 64 - span.leadingZeroBitCount)
      defer { offset += bits }
      return Field(offset: offset, bits: bits, base: lower)
    }
    scene = field(lower: 0, upper: scenario.scenes.count - 1)
    leaderMoves = reads.moveCounts.contains(true) ? field(lower: 0, upper: scenario.maxTurns) : nil
    fade = scenario.balance.fade
    let streaksMatter = scenario.balance.fade != 100
    lastStyle = streaksMatter ? field(lower: 0, upper: 2) : nil
    streak = streaksMatter ? field(lower: 0, upper: reads.streakLimit) : nil
    let bounds = Self.bounds(scenario)
    values = scenario.values.indices.map { index in
      guard reads.values.contains(where: { $0[index] }) else { return nil }
      return field(lower: bounds[index].lower, upper: bounds[index].upper)
    }
    flags = scenario.flags.indices.map { index in
      guard reads.flags.contains(where: { $0[index] }) else { return nil }
      defer { offset += 1 }
      return offset
    }
    onceEvents = scenario.events.map { event in
      guard event.once else { return nil }
      defer { offset += 1 }
      return offset
    }
    var slots: [Slot] = []
    func add(_ consequences: Consequences, _ source: GameState.Source, fades: Bool) -> Int {
      defer {
        for (index, later) in consequences.later.enumerated() {
          slots.append(Slot(source: source, index: index, delay: later.delay, offset: offset, fades: fades))
          offset += later.delay * (fades ? 2 : 1)
        }
      }
      return slots.count
    }
    choiceSlots = scenario.choices.indices.map { add(scenario.choices[$0].consequences, .choice($0), fades: streaksMatter) }
    eventSlots = scenario.events.indices.map { add(scenario.events[$0].consequences, .event($0), fades: false) }
    self.slots = slots
    bits = offset
    words = max(1, (offset + 63) / 64)
  }

  // MARK: - Bounds

  /// The lowest and highest each value can reach: its declared limits, narrowed by how
  /// far every effect in every turn could move it from its start.
  static func bounds(_ scenario: Scenario) -> [(lower: Int, upper: Int)] {
    var rise = Array(repeating: 0, count: scenario.values.count)
    var fall = rise
    func add(_ effects: [Effect], into up: inout [Int], _ down: inout [Int]) {
      for effect in effects {
        if effect.amount > 0 { up[effect.target] = up[effect.target].saturatingAdding(effect.amount) }
        else { down[effect.target] = down[effect.target].saturatingAdding(effect.amount.saturatingMagnitude) }
      }
    }
    // In one turn: the most any one choice moves a value, plus every event and every
    // delayed effect at once.
    var everyTurnUp = rise
    var everyTurnDown = fall
    for event in scenario.events {
      add(event.consequences.effects, into: &everyTurnUp, &everyTurnDown)
      for chance in event.consequences.chances { add(chance.effects, into: &everyTurnUp, &everyTurnDown) }
    }
    for owner in scenario.choices.map(\.consequences) + scenario.events.map(\.consequences) {
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
    let turns = scenario.maxTurns
    return scenario.values.indices.map { index in
      let declared = scenario.values[index]
      let up = rise[index].saturatingAdding(everyTurnUp[index]).saturatingMultiplied(by: turns)
      let down = fall[index].saturatingAdding(everyTurnDown[index]).saturatingMultiplied(by: turns)
      return (max(declared.minimum, declared.start.saturatingSubtracting(down)), min(declared.maximum, declared.start.saturatingAdding(up)))
    }
  }

  // MARK: - Packing

  /// Writes `state` (which must not be finished) into `key`, which has `words` words.
  func pack(_ state: GameState, into key: UnsafeMutablePointer<UInt64>) {
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
      let left = pending.due - state.moves - 1
      setBit(slot.offset + left, key)
      if slot.fades && pending.strength != 100 { setBit(slot.offset + slot.delay + left, key) }
    }
  }

  /// Rebuilds into `state` (a started game of the scenario) the state packed in `key`,
  /// after `moves` moves; its generator becomes `rng`.
  func unpack(_ key: UnsafePointer<UInt64>, moves: Int, into state: inout GameState, start: GameState) {
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
    guard !slots.isEmpty else { return }
    // Rebuilt in the order they were queued: by the turn they were set, then choice before
    // event and in declaration order, as the rules queue them within a turn.
    var queue: [(set: Int, order: Int, pending: GameState.Pending)] = []
    for (order, slot) in slots.enumerated() {
      for left in 0..<slot.delay where bit(slot.offset + left, key) {
        let due = moves + left + 1
        let strength = slot.fades && bit(slot.offset + slot.delay + left, key) ? fade : 100
        queue.append((due - slot.delay, order, GameState.Pending(due: due, source: slot.source, index: slot.index, strength: strength)))
      }
    }
    queue.sort { ($0.set, $0.order) < ($1.set, $1.order) }
    for entry in queue { state.queue(entry.pending) }
  }

  @inline(__always)
  private func write(_ value: Int, scene field: Field, _ key: UnsafeMutablePointer<UInt64>) {
    guard field.bits > 0 else { return }
    let number = UInt64(bitPattern: Int64(value &- field.base))
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
