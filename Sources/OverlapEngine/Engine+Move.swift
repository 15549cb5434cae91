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
  public func apply<D: Dice, R: TurnRecorder>(
    _ choice: Int, to state: inout GameState, dice: inout D, recorder: inout R
  ) {
    let played = scenario.choices[choice]
    if state.lastStyle == played.style {
      state.streak += 1
    } else {
      state.lastStyle = played.style
      state.streak = 1
    }
    let strength = state.streak > scenario.balance.streak ? scenario.balance.fade : 100
    let source = GameState.Source.choice(choice)
    let consequences = played.consequences
    recorder.began(Turn(number: state.turn, scene: state.scene, choice: choice, strength: strength))

    // Where the story goes: a chance or picked outcome with its own `next` overrides the
    // move's route, and the last one to do so wins.
    var next = played.next ?? scenario.scenes[played.scene].next
    apply(consequences.effects, strength: strength, to: &state, recorder: &recorder)
    for (index, chance) in consequences.chances.enumerated() {
      let hit = dice.roll(percent: chance.percent)
      recorder.rolled(chance: index, hit: hit)
      guard hit else { continue }
      apply(chance.effects, strength: strength, to: &state, recorder: &recorder)
      for flag in chance.setFlags { state.flags[flag] = true }
      for flag in chance.clearFlags { state.flags[flag] = false }
      if let route = chance.next { next = route }
    }
    if let oneOf = consequences.oneOf {
      let index = dice.pick(weights: oneOf.weights, total: oneOf.total)
      recorder.picked(outcome: index)
      let outcome = oneOf.outcomes[index]
      apply(outcome.effects, strength: strength, to: &state, recorder: &recorder)
      for flag in outcome.setFlags { state.flags[flag] = true }
      for flag in outcome.clearFlags { state.flags[flag] = false }
      if let route = outcome.next { next = route }
    }
    for flag in consequences.setFlags { state.flags[flag] = true }
    for flag in consequences.clearFlags { state.flags[flag] = false }

    state.moves += 1
    if played.style == .leader { state.leaderMoves += 1 } else { state.managerMoves += 1 }
    schedule(consequences, source: source, strength: strength, in: &state, recorder: &recorder)
    landDueEffects(in: &state, recorder: &recorder)

    if let next { state.scene = next }
    fireEvents(after: played.scene, movingTo: next, in: &state, dice: &dice, recorder: &recorder)

    if let immediate = firstEnding(holdingIn: &state, immediateOnly: true) {
      state.ending = immediate
    } else if next == nil || !anyChoiceOffered(in: &state) {
      state.ending = finalEnding(&state)
    }
    if let ending = state.ending { recorder.ended(ending) }
  }

  /// The first ending (of the immediate ones, or of all) whose condition holds.
  func firstEnding(holdingIn state: inout GameState, immediateOnly: Bool) -> Int? {
    for index in scenario.endings.indices where !immediateOnly || scenario.endings[index].immediate {
      if scenario.endings[index].condition?.holds(in: &state) ?? true { return index }
    }
    return nil
  }

  func anyChoiceOffered(in state: inout GameState) -> Bool {
    for choice in scenario.scenes[state.scene].choices where scenario.choices[choice].condition?.holds(in: &state) ?? true {
      return true
    }
    return false
  }

  /// The first ending whose condition holds; the default ending is last and always holds.
  func finalEnding(_ state: inout GameState) -> Int {
    firstEnding(holdingIn: &state, immediateOnly: false) ?? scenario.endings.count - 1
  }

  @inline(__always)
  func apply<R: TurnRecorder>(
    _ effects: [Effect], strength: Int, to state: inout GameState, recorder: inout R
  ) {
    for effect in effects {
      let declaration = scenario.values[effect.target]
      let amount = effect.amount > 0 ? Self.scaled(effect.amount, percent: strength) : effect.amount
      let before = state.values[effect.target]
      let after = min(max(before.saturatingAdding(amount), declaration.minimum), declaration.maximum)
      state.values[effect.target] = after
      recorder.changed(Turn.Change(target: effect.target, before: before, after: after))
    }
  }

  /// `amount × percent / 100`, rounded down, exact for any `amount` when `percent` is 0...100.
  @inline(__always)
  static func scaled(_ amount: Int, percent: Int) -> Int {
    amount / 100 * percent + amount % 100 * percent / 100
  }

  func schedule<R: TurnRecorder>(
    _ consequences: Consequences, source: GameState.Source, strength: Int, in state: inout GameState, recorder: inout R
  ) {
    for (index, delayed) in consequences.later.enumerated() {
      let pending = GameState.Pending(due: state.moves + delayed.delay, source: source, index: index, strength: strength)
      state.pending.append(pending)
      recorder.scheduled(pending)
    }
  }

  /// The delayed effect a pending entry stands for.
  public func delayed(_ pending: GameState.Pending) -> DelayedEffect {
    switch pending.source {
    case .choice(let index): scenario.choices[index].consequences.later[pending.index]
    case .event(let index): scenario.events[index].consequences.later[pending.index]
    }
  }

  func landDueEffects<R: TurnRecorder>(in state: inout GameState, recorder: inout R) {
    guard !state.pending.isEmpty else { return }
    var index = 0
    while index < state.pending.count {
      let pending = state.pending[index]
      guard pending.due <= state.moves else {
        index += 1
        continue
      }
      state.pending.remove(at: index)
      recorder.landing(pending)
      apply(delayed(pending).effects, strength: pending.strength, to: &state, recorder: &recorder)
    }
  }

  /// Fires the events that apply after a move played in scene `played` led to scene `next`.
  func fireEvents<D: Dice, R: TurnRecorder>(
    after played: Int, movingTo next: Int?, in state: inout GameState, dice: inout D, recorder: inout R
  ) {
    // By index, reading fields in place: copying each `Event` (and the state, to read it)
    // costs more in reference counting than the rest of a move together.
    for index in scenario.events.indices {
      guard !(scenario.events[index].once && state.firedEvents[index]),
        scenario.events[index].fits(played: played, now: next),
        scenario.events[index].condition?.holds(in: &state) ?? true
      else { continue }
      let event = scenario.events[index]
      guard event.chance >= 100 || dice.roll(percent: event.chance) else { continue }
      state.firedEvents[index] = true
      recorder.firing(index)
      let source = GameState.Source.event(index)
      apply(event.consequences.effects, strength: 100, to: &state, recorder: &recorder)
      for flag in event.consequences.setFlags { state.flags[flag] = true }
      for flag in event.consequences.clearFlags { state.flags[flag] = false }
      schedule(event.consequences, source: source, strength: 100, in: &state, recorder: &recorder)
    }
  }
}
