import OverlapEngine

extension Debrief {
  /// Every delayed effect that landed, with exactly the changes it made, as the engine
  /// recorded them.
  static func landings(_ game: Playthrough) -> [LandedEffect] {
    let scenario = game.scenario
    return game.turns.indices.flatMap { index in
      let report = game.report(index)
      return zip(game.turns[index].landed, report.landed).map { landing, named in
        let title: String =
          switch landing.pending.source {
          case .choice(let choice):
            game.engine.render(scenario.choices[choice].text, in: game.states[max(0, named.playedOnTurn - 1)])
          case .event(let event): scenario.events[event].title
          }
        // Hidden variables never reach the player; shown ones go by their labels, and meters
        // keep the lower-case names the rest of the debrief uses.
        let shown = named.changes.compactMap { change -> Change? in
          guard let index = scenario.values.firstIndex(where: { $0.name == change.name }) else { return nil }
          let name = index < Meter.allCases.count ? change.name : scenario.values[index].label
          return name.map { Change(name: $0, before: change.before, after: change.after) }
        }
        return LandedEffect(
          turn: report.turn, from: named.from, fromTitle: title, fromTurn: named.playedOnTurn, text: named.text,
          changes: shown)
      }
    }
  }
}
