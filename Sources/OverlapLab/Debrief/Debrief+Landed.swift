import OverlapEngine

extension Debrief {
  /// Every delayed effect that landed, with exactly the changes it made.
  ///
  /// Each turn is applied again through `Engine.apply` from the state before it, and the
  /// changes recorded just before each `landed` happening are read off: one per effect the
  /// delayed effect lists. (`TurnReport.Landed.changes` can also hold the move's own
  /// changes, so it cannot be used for credit.)
  static func landings(_ game: Playthrough) -> [LandedEffect] {
    let engine = game.engine
    let scenario = game.scenario
    var found: [LandedEffect] = []
    for (index, report) in game.reports.enumerated() {
      guard let choice = scenario.choiceIndex(id: report.choice) else { continue }
      var state = game.states[index]
      var dice = state.rng
      var recorder = CollectHappenings()
      engine.apply(choice, to: &state, dice: &dice, recorder: &recorder)
      var changes: [Change] = []
      for happening in recorder.happenings {
        switch happening {
        case .changed(let target, let before, let after, _):
          changes.append(Change(name: scenario.values[target].name, before: before, after: after))
        case .landed(let pending, let text):
          let delayed: DelayedEffect
          let from: String
          switch pending.source {
          case .choice(let source):
            delayed = scenario.choices[source].consequences.later[pending.index]
            from = scenario.choices[source].id
          case .event(let source):
            delayed = scenario.events[source].consequences.later[pending.index]
            from = scenario.events[source].id
          }
          found.append(
            LandedEffect(
              turn: report.turn, from: from, fromTurn: pending.due - delayed.delay, text: text,
              changes: Array(changes.suffix(delayed.effects.count))))
        default:
          break
        }
      }
    }
    return found
  }
}
