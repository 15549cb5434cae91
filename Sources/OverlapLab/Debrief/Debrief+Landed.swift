import OverlapEngine

extension Debrief {
  /// Every delayed effect that landed, with exactly the changes it made, as the turn
  /// reports recorded them.
  static func landings(_ game: Playthrough) -> [LandedEffect] {
    game.reports.flatMap { report in
      report.landed.map { effect in
        LandedEffect(
          turn: report.turn, from: effect.from, fromTurn: effect.playedOnTurn, text: effect.text, changes: effect.changes)
      }
    }
  }
}
