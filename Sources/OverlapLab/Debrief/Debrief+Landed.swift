import OverlapEngine

extension Debrief {
  /// Every delayed effect that landed, with exactly the changes it made, as the engine
  /// recorded them.
  static func landings(_ game: Playthrough) -> [LandedEffect] {
    let scenario = game.scenario
    return game.turns.indices.flatMap { index in
      let report = game.report(index)
      return zip(game.turns[index].landed, report.landed).map { landing, named in
        let title = game.title(of: landing.pending.source, playedOnTurn: named.playedOnTurn)
        // Hidden variables never reach the player; shown ones go by their labels.
        let shown = named.changes.compactMap { change in
          scenario.playerName(of: change.name, capitalized: false).map { Change(name: $0, before: change.before, after: change.after) }
        }
        return LandedEffect(
          turn: report.turn, from: named.from, fromTitle: title, fromTurn: named.playedOnTurn, text: named.text,
          changes: shown)
      }
    }
  }
}
