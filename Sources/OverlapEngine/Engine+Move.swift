extension Engine {
  /// Plays `choice`, rolling chances with the state's own generator, and returns what happened.
  @discardableResult
  public func choose(_ choice: Int, in state: inout GameState) -> Turn {
    var recorder = RecordTurn()
    var dice = state.rng
    apply(choice, to: &state, dice: &dice, recorder: &recorder)
    state.rng = dice
    return recorder.turn
  }

  /// The one function that applies a move. The rules, in order:
  ///
  /// 1. The balance rule: a move of the same style as the `streak` moves before it keeps
  ///    only `fade` percent of its gains (losses stay whole).
  /// 2. The choice's effects, then each chance effect rolled in order, then one outcome of
  ///    its `one_of` picked by weight, then its flags. The last chance or outcome with a
  ///    `next` decides where the story goes, over the choice's and the scene's `next`.
  /// 3. Its delayed effects are scheduled; earlier ones that are now due land.
  /// 4. The story moves to the next scene; events are checked in order.
  /// 5. Immediate endings are checked; if the story has run out (or the new scene offers
  ///    nothing), the first ending whose condition holds ends the game.
  ///
  /// It reads only the compiled runtime, so `play`, `run` and the lab share one set of
  /// rules at full speed.
  public func apply<D: Dice, R: TurnRecorder>(
    _ choice: Int, to state: inout GameState, dice: inout D, recorder: inout R
  ) {
    let runtime = self.runtime
    let played = runtime.choices[choice]
    let style: Style = played.isLeader ? .leader : .manager
    if state.lastStyle == style {
      state.streak += 1
    } else {
      state.lastStyle = style
      state.streak = 1
    }
    let strength = state.streak > runtime.balanceStreak ? runtime.balanceFade : 100
    let consequences = played.consequences
    recorder.began(Turn(number: state.turn, scene: state.scene, choice: choice, strength: strength))

    var next = played.next
    apply(consequences.effects, strength: strength, to: &state, recorder: &recorder)
    for (index, position) in consequences.chances.range.enumerated() {
      let chance = runtime.chances[position]
      let hit = dice.roll(percent: chance.percent)
      recorder.rolled(chance: index, hit: hit)
      guard hit else { continue }
      apply(chance.effects, strength: strength, to: &state, recorder: &recorder)
      change(chance.flags, in: &state)
      if chance.next != CompiledScenario.Route.keep { next = chance.next }
    }
    if consequences.oneOf >= 0 {
      let oneOf = runtime.oneOfs[Int(consequences.oneOf)]
      let picked = dice.pick(weights: UnsafeBufferPointer(rebasing: runtime.weights[oneOf.weights.range]), total: oneOf.total)
      recorder.picked(outcome: picked)
      let outcome = runtime.outcomes[Int(oneOf.outcomes.start) + picked]
      apply(outcome.effects, strength: strength, to: &state, recorder: &recorder)
      change(outcome.flags, in: &state)
      if outcome.next != CompiledScenario.Route.keep { next = outcome.next }
    }
    change(consequences.flags, in: &state)

    state.moves += 1
    if played.isLeader { state.leaderMoves += 1 } else { state.managerMoves += 1 }
    schedule(consequences.later, source: Int32(choice), strength: strength, in: &state, recorder: &recorder)
    landDueEffects(in: &state, recorder: &recorder)

    if next >= 0 { state.scene = Int(next) }
    var atoms = runtime.atoms(in: &state)
    fireEvents(after: played.scene, movingTo: next, in: &state, atoms: &atoms, dice: &dice, recorder: &recorder)

    if let immediate = firstImmediateEnding(in: &state, atoms: atoms) {
      state.ending = immediate
    } else if next < 0 || !offersChoice(in: &state, atoms: atoms, recorder: &recorder) {
      state.ending = finalEnding(&state, atoms: atoms)
    }
    if let ending = state.ending { recorder.ended(ending) }
  }

  @inline(__always)
  func firstImmediateEnding(in state: inout GameState, atoms: AtomSet) -> Int? {
    for ending in runtime.immediateEndings where runtime.holds(runtime.endings[Int(ending)].condition, atoms: atoms, in: &state) {
      return Int(ending)
    }
    return nil
  }

  /// Whether the scene offers a choice; a recorder that collects offers hears them all,
  /// so the lab gets the next legal moves without checking the same conditions twice.
  func offersChoice<R: TurnRecorder>(in state: inout GameState, atoms: AtomSet, recorder: inout R) -> Bool {
    var offered = false
    for position in runtime.scenes[state.scene].choices.range {
      let choice = Int(runtime.sceneLists[position])
      guard runtime.holds(runtime.choices[choice].condition, atoms: atoms, in: &state) else { continue }
      guard R.collectsOffers else { return true }
      offered = true
      recorder.offered(choice)
    }
    return offered
  }

  /// The first ending whose condition holds; the default ending is last and always holds.
  func finalEnding(_ state: inout GameState, atoms: AtomSet) -> Int {
    for index in runtime.endings.indices where runtime.holds(runtime.endings[index].condition, atoms: atoms, in: &state) { return index }
    return runtime.endings.count - 1
  }

  @inline(__always)
  func change(_ flags: CompiledScenario.FlagChange, in state: inout GameState) {
    guard flags.set != 0 || flags.clear != 0 else { return }
    state.flagBits.apply(set: runtime.masks[Int(flags.set)], clear: runtime.masks[Int(flags.clear)])
  }

  @inline(__always)
  func apply<R: TurnRecorder>(
    _ effects: CompiledScenario.Span, strength: Int, to state: inout GameState, recorder: inout R
  ) {
    for position in effects.range {
      let effect = runtime.effects[position]
      let target = Int(effect.target)
      let amount = self.amount(effect, strength: strength)
      let before = state.valueStore[target]
      let after = min(max(before.saturatingAdding(amount), runtime.minimums[target]), runtime.maximums[target])
      state.valueStore[target] = after
      recorder.changed(Turn.Change(target: target, before: before, after: after))
    }
  }

  /// An effect's amount when its gains keep `strength` percent: whole, faded by the
  /// balance rule (worked out at load), or, for any other strength a queued effect may
  /// carry (`GameState.queue` takes any), scaled here.
  @inline(__always)
  func amount(_ effect: CompiledScenario.Effect, strength: Int) -> Int {
    if strength == 100 { return Int(effect.amount) }
    if strength == runtime.balanceFade { return Int(effect.faded) }
    return effect.amount > 0 ? Self.scaled(Int(effect.amount), percent: strength) : Int(effect.amount)
  }

  /// `amount × percent / 100`, rounded down, exact for any `amount` when `percent` is 0...100.
  @inline(__always)
  static func scaled(_ amount: Int, percent: Int) -> Int {
    amount / 100 * percent + amount % 100 * percent / 100
  }

  /// Queues a source's delayed effects; `source` is a choice's index or `~event`.
  func schedule<R: TurnRecorder>(
    _ later: CompiledScenario.Span, source: Int32, strength: Int, in state: inout GameState, recorder: inout R
  ) {
    for (index, position) in later.range.enumerated() {
      let entry = PendingQueue.Entry(
        due: Int32(clamping: state.moves + runtime.laters[position].delay), source: source, index: UInt16(index),
        strength: UInt8(strength))
      state.waiting.append(entry)
      recorder.scheduled(entry.pending)
    }
  }

  /// The delayed effect a pending entry stands for.
  public func delayed(_ pending: GameState.Pending) -> DelayedEffect {
    switch pending.source {
    case .choice(let index): scenario.choices[index].consequences.later[pending.index]
    case .event(let index): scenario.events[index].consequences.later[pending.index]
    }
  }

  /// Lands the due delayed effects, oldest first, in one pass that moves the others down.
  func landDueEffects<R: TurnRecorder>(in state: inout GameState, recorder: inout R) {
    guard state.waiting.hasDue(by: state.moves) else { return }
    var kept = 0
    for position in 0..<state.waiting.count {
      let entry = state.waiting[position]
      guard entry.due <= state.moves else {
        state.waiting.place(entry, at: kept)
        kept += 1
        continue
      }
      recorder.landing(entry.pending)
      apply(runtime.later(entry).effects, strength: Int(entry.strength), to: &state, recorder: &recorder)
    }
    state.waiting.truncate(to: kept)
  }

  /// Fires the events that apply after a move played in scene `played` led to scene `next`
  /// (negative when that move ended the story, which then arrives nowhere). Only events
  /// the two scenes allow are visited, and once-only events that have fired are skipped,
  /// both by mask, without reading them. `atoms` are the atoms that hold, kept up to
  /// date as events change the state.
  func fireEvents<D: Dice, R: TurnRecorder>(
    after played: Int32, movingTo next: Int32, in state: inout GameState, atoms: inout AtomSet, dice: inout D, recorder: inout R
  ) {
    let runtime = self.runtime
    let after = runtime.eventsAfter[Int(played)]
    let arriving = runtime.eventsArriving[next >= 0 ? Int(next) : runtime.scenes.count]
    for word in 0..<(runtime.events.count + 63) / 64 {
      var live = after.word(word) & arriving.word(word) & ~(runtime.onceEvents.word(word) & state.firedBits.word(word))
      while live != 0 {
        let index = word * 64 + live.trailingZeroBitCount
        live &= live - 1
        // Only the condition is read until it holds: most events stay quiet most moves.
        guard runtime.holds(runtime.events[index].condition, atoms: atoms, in: &state) else { continue }
        let event = runtime.events[index]
        guard event.chance >= 100 || dice.roll(percent: event.chance) else { continue }
        state.firedBits[index] = true
        recorder.firing(index)
        apply(event.consequences.effects, strength: 100, to: &state, recorder: &recorder)
        change(event.consequences.flags, in: &state)
        schedule(event.consequences.later, source: ~Int32(index), strength: 100, in: &state, recorder: &recorder)
        atoms = runtime.atoms(in: &state)
      }
    }
  }
}
