@testable import OverlapEngine

/// The rules as they were before the compiled runtime: read straight from `Scenario`,
/// with conditions interpreted by `Expression.evaluate` and the state in plain arrays.
/// Kept only here, as the reference the runtime is checked against.
struct ReferenceState: Equatable {
  var rng: SplitMix64
  var scene: Int
  var values: [Int]
  var flags: [Bool]
  var fired: [Bool]
  var pending: [GameState.Pending] = []
  var moves = 0
  var leaderMoves = 0
  var managerMoves = 0
  var lastStyle: Style?
  var streak = 0
  var ending: Int?

  func read(_ name: Expression.Name) -> Int {
    switch name {
    case .value(let index): values[index]
    case .flag(let index): flags[index] ? 1 : 0
    case .builtin(.turn): moves + 1
    case .builtin(.leaderMoves): leaderMoves
    case .builtin(.managerMoves): managerMoves
    }
  }

  /// Whether the runtime's state holds exactly the same game.
  func matches(_ state: GameState) -> Bool {
    rng == state.rng && scene == state.scene && values == state.values && flags == state.flags
      && fired == state.firedEvents && pending == state.pending && moves == state.moves
      && leaderMoves == state.leaderMoves && managerMoves == state.managerMoves && lastStyle == state.lastStyle
      && streak == state.streak && ending == state.ending
  }
}

struct ReferenceInterpreter {
  let scenario: Scenario

  func start(seed: UInt64) -> ReferenceState {
    var state = ReferenceState(
      rng: SplitMix64(seed: seed), scene: scenario.startScene, values: scenario.values.map(\.start),
      flags: scenario.flags.map(\.start), fired: Array(repeating: false, count: scenario.events.count))
    if legalChoices(in: state).isEmpty { state.ending = finalEnding(state) }
    return state
  }

  func holds(_ condition: Expression?, _ state: ReferenceState) -> Bool {
    condition.map { $0.evaluate(state.read) != 0 } ?? true
  }

  func legalChoices(in state: ReferenceState) -> [Int] {
    guard state.ending == nil else { return [] }
    return scenario.scenes[state.scene].choices.filter { holds(scenario.choices[$0].condition, state) }
  }

  func finalEnding(_ state: ReferenceState) -> Int {
    scenario.endings.indices.first { holds(scenario.endings[$0].condition, state) } ?? scenario.endings.count - 1
  }

  func choose(_ choice: Int, in state: inout ReferenceState) -> Turn {
    var recorder = RecordTurn()
    let played = scenario.choices[choice]
    if state.lastStyle == played.style {
      state.streak += 1
    } else {
      state.lastStyle = played.style
      state.streak = 1
    }
    let strength = state.streak > scenario.balance.streak ? scenario.balance.fade : 100
    let consequences = played.consequences
    recorder.began(Turn(number: state.moves + 1, scene: state.scene, choice: choice, strength: strength))
    var next = played.next ?? scenario.scenes[played.scene].next
    apply(consequences.effects, strength: strength, &state, &recorder)
    for (index, chance) in consequences.chances.enumerated() {
      let hit = state.rng.roll(percent: chance.percent)
      recorder.rolled(chance: index, hit: hit)
      guard hit else { continue }
      apply(chance.effects, strength: strength, &state, &recorder)
      for flag in chance.setFlags { state.flags[flag] = true }
      for flag in chance.clearFlags { state.flags[flag] = false }
      if let route = chance.next { next = route }
    }
    if let oneOf = consequences.oneOf {
      let index = state.rng.pick(weights: oneOf.weights, total: oneOf.total)
      recorder.picked(outcome: index)
      let outcome = oneOf.outcomes[index]
      apply(outcome.effects, strength: strength, &state, &recorder)
      for flag in outcome.setFlags { state.flags[flag] = true }
      for flag in outcome.clearFlags { state.flags[flag] = false }
      if let route = outcome.next { next = route }
    }
    for flag in consequences.setFlags { state.flags[flag] = true }
    for flag in consequences.clearFlags { state.flags[flag] = false }
    state.moves += 1
    if played.style == .leader { state.leaderMoves += 1 } else { state.managerMoves += 1 }
    schedule(consequences, .choice(choice), strength: strength, &state, &recorder)
    var index = 0
    while index < state.pending.count {
      let pending = state.pending[index]
      guard pending.due <= state.moves else {
        index += 1
        continue
      }
      state.pending.remove(at: index)
      recorder.landing(pending)
      let delayed: DelayedEffect =
        switch pending.source {
        case .choice(let owner): scenario.choices[owner].consequences.later[pending.index]
        case .event(let owner): scenario.events[owner].consequences.later[pending.index]
        }
      apply(delayed.effects, strength: pending.strength, &state, &recorder)
    }
    if let next { state.scene = next }
    for (index, event) in scenario.events.enumerated() {
      guard !(event.once && state.fired[index]),
        event.inScenes.isEmpty || next.map(event.inScenes.contains) == true,
        event.afterScenes.isEmpty || event.afterScenes.contains(played.scene),
        holds(event.condition, state),
        event.chance >= 100 || state.rng.roll(percent: event.chance)
      else { continue }
      state.fired[index] = true
      recorder.firing(index)
      apply(event.consequences.effects, strength: 100, &state, &recorder)
      for flag in event.consequences.setFlags { state.flags[flag] = true }
      for flag in event.consequences.clearFlags { state.flags[flag] = false }
      schedule(event.consequences, .event(index), strength: 100, &state, &recorder)
    }
    if let immediate = scenario.endings.indices.first(where: { scenario.endings[$0].immediate && holds(scenario.endings[$0].condition, state) }) {
      state.ending = immediate
    } else if next == nil || scenario.scenes[state.scene].choices.allSatisfy({ !holds(scenario.choices[$0].condition, state) }) {
      state.ending = finalEnding(state)
    }
    if let ending = state.ending { recorder.ended(ending) }
    return recorder.turn
  }

  func apply(_ effects: [Effect], strength: Int, _ state: inout ReferenceState, _ recorder: inout RecordTurn) {
    for effect in effects {
      let declaration = scenario.values[effect.target]
      let amount = effect.amount > 0 ? effect.amount / 100 * strength + effect.amount % 100 * strength / 100 : effect.amount
      let before = state.values[effect.target]
      let after = min(max(before.saturatingAdding(amount), declaration.minimum), declaration.maximum)
      state.values[effect.target] = after
      recorder.changed(Turn.Change(target: effect.target, before: before, after: after))
    }
  }

  func schedule(
    _ consequences: Consequences, _ source: GameState.Source, strength: Int, _ state: inout ReferenceState,
    _ recorder: inout RecordTurn
  ) {
    for (index, delayed) in consequences.later.enumerated() {
      let pending = GameState.Pending(due: state.moves + delayed.delay, source: source, index: index, strength: strength)
      state.pending.append(pending)
      recorder.scheduled(pending)
    }
  }
}
