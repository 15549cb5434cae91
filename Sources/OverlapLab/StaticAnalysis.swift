import OverlapEngine

/// What can happen in a scenario, worked out without playing it.
///
/// It starts from the starting values, then repeatedly adds whatever can be offered
/// or can fire given what is known so far, widening each value in the direction its
/// effects push it, until nothing changes. The result over-approximates every real
/// playthrough, so "never reached" and "never true" here are certain.
struct StaticAnalysis {
  let scenario: Scenario
  private(set) var values: [ValueRange]
  private(set) var flags: [ValueRange]
  /// Scenes some path can reach.
  private(set) var scenes: [Bool]
  /// Scenes reachable when every condition is ignored.
  private(set) var linkedScenes: [Bool]
  /// Choices that can be offered in a reachable scene.
  private(set) var choices: [Bool]
  /// Events whose condition can hold.
  private(set) var events: [Bool]
  private(set) var leaderMoves = ValueRange(exactly: 0)
  private(set) var managerMoves = ValueRange(exactly: 0)
  let turn: ValueRange

  init(_ scenario: Scenario) {
    self.scenario = scenario
    values = scenario.values.map { ValueRange(exactly: $0.start) }
    flags = scenario.flags.map { ValueRange(exactly: $0.start ? 1 : 0) }
    scenes = Array(repeating: false, count: scenario.scenes.count)
    linkedScenes = scenes
    choices = Array(repeating: false, count: scenario.choices.count)
    events = Array(repeating: false, count: scenario.events.count)
    turn = ValueRange(lower: 1, upper: scenario.maxTurns + 1)
    linkScenes()
    settle()
  }

  /// The scenes a choice can lead to, counting the routes its chances and outcomes take.
  func destinations(of choice: Int) -> [Int] {
    scenario.routes(of: choice).compactMap { $0 }
  }

  func range(of expression: Expression) -> ValueRange {
    expression.range(read)
  }

  func read(_ name: Expression.Name) -> ValueRange {
    switch name {
    case .value(let index): values[index]
    case .flag(let index): flags[index]
    case .builtin(.turn): turn
    case .builtin(.leaderMoves): leaderMoves
    case .builtin(.managerMoves): managerMoves
    }
  }

  /// "morale is 0..100, promised is 0": the ranges behind a verdict on `expression`.
  func explain(_ expression: Expression) -> String {
    expression.names.map { name in
      let label: String =
        switch name {
        case .value(let index): scenario.values[index].name
        case .flag(let index): scenario.flags[index].name
        case .builtin(let builtin): builtin.rawValue
        }
      return "\(label) is \(read(name))"
    }.joined(separator: ", ")
  }

  // MARK: - Working it out

  private mutating func linkScenes() {
    var stack = [scenario.startScene]
    linkedScenes[scenario.startScene] = true
    while let scene = stack.popLast() {
      for choice in scenario.scenes[scene].choices {
        for next in destinations(of: choice) where !linkedScenes[next] {
          linkedScenes[next] = true
          stack.append(next)
        }
      }
    }
  }

  /// Grows what can happen to a fixed point. Each sweep tries only the choices still
  /// waiting, and newly reached scenes join the sweep under way, so a chain of scenes
  /// settles in one sweep; another sweep follows only when a value or flag widened.
  private mutating func settle() {
    scenes[scenario.startScene] = true
    var waiting = scenario.scenes[scenario.startScene].choices
    var waitingEvents = Array(scenario.events.indices)
    var changed = true
    while changed {
      changed = false
      var stillWaiting: [Int] = []
      var index = 0
      while index < waiting.count {
        let choice = waiting[index]
        index += 1
        guard mayHold(scenario.choices[choice].condition) else {
          stillWaiting.append(choice)
          continue
        }
        choices[choice] = true
        changed = true
        widen(with: scenario.choices[choice].consequences)
        if scenario.choices[choice].style == .leader {
          leaderMoves = ValueRange(lower: 0, upper: scenario.maxTurns)
        } else {
          managerMoves = ValueRange(lower: 0, upper: scenario.maxTurns)
        }
        for next in destinations(of: choice) where !scenes[next] {
          scenes[next] = true
          waiting.append(contentsOf: scenario.scenes[next].choices)
        }
      }
      waiting = stillWaiting
      var eventsStillWaiting: [Int] = []
      for event in waitingEvents {
        guard scenesAllow(scenario.events[event]), mayHold(scenario.events[event].condition) else {
          eventsStillWaiting.append(event)
          continue
        }
        events[event] = true
        changed = true
        widen(with: scenario.events[event].consequences)
      }
      waitingEvents = eventsStillWaiting
    }
  }

  /// Whether some reachable scene fits the event's `in` and `after` (a sound over-estimate).
  func scenesAllow(_ event: Event) -> Bool {
    (event.inScenes.isEmpty || event.inScenes.contains { scenes[$0] && $0 != scenario.startScene })
      && (event.afterScenes.isEmpty || event.afterScenes.contains { scenes[$0] })
  }

  private func mayHold(_ condition: Expression?) -> Bool {
    condition.map { range(of: $0).canBeTrue } ?? true
  }

  private mutating func widen(with consequences: Consequences) {
    widen(consequences.effects)
    for flag in consequences.setFlags { flags[flag].upper = 1 }
    for flag in consequences.clearFlags { flags[flag].lower = 0 }
    for later in consequences.later { widen(later.effects) }
    for chance in consequences.chances {
      widen(chance.effects)
      for flag in chance.setFlags { flags[flag].upper = 1 }
      for flag in chance.clearFlags { flags[flag].lower = 0 }
    }
    for outcome in consequences.oneOf?.outcomes ?? [] {
      widen(outcome.effects)
      for flag in outcome.setFlags { flags[flag].upper = 1 }
      for flag in outcome.clearFlags { flags[flag].lower = 0 }
    }
  }

  /// An effect can push its target as far as the declared bound in its direction.
  private mutating func widen(_ effects: [Effect]) {
    for effect in effects {
      let declaration = scenario.values[effect.target]
      if effect.amount > 0 { values[effect.target].upper = declaration.maximum }
      if effect.amount < 0 { values[effect.target].lower = declaration.minimum }
    }
  }
}
