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
        return LandedEffect(
          turn: report.turn, from: named.from, fromTitle: title, fromTurn: named.playedOnTurn, text: named.text,
          changes: named.changes)
      }
    }
  }
}
