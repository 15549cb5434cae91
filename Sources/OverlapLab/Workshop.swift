import OverlapEngine

/// Classroom rules that plain and full-screen play share, so both modes agree on who
/// decides a turn, which prompt to discuss and how a quiz is scored.
public enum Workshop {
  /// The team member who decides move `index` (from 0): members take turns in order.
  public static func decider(_ players: [String], move index: Int) -> String? {
    players.isEmpty ? nil : players[index % players.count]
  }

  /// The discussion prompt of the scene the last move was played in, if it has one.
  public static func discussion(after game: Playthrough) -> String? {
    guard game.states.count >= 2 else { return nil }
    return game.scenario.scenes[game.states[game.states.count - 2].scene].discuss
  }
}

extension Debrief.Quiz {
  /// Scores guesses against the styles played: guess `i` is for move `i`, and a move
  /// without a guess counts as missed.
  public init(styles: [Style], guesses: [Style?]) {
    let marks = styles.indices.map { index in index < guesses.count && guesses[index] == styles[index] }
    let right = marks.filter { $0 }.count
    self.init(
      right: right, answered: guesses.prefix(styles.count).compactMap { $0 }.count, total: styles.count,
      percent: styles.isEmpty ? 0 : (right * 100 + styles.count / 2) / styles.count,
      missed: marks.indices.filter { !marks[$0] }.map { $0 + 1 })
  }

  /// "2 of 3 styles named correctly (67%)."
  public var summary: String {
    "\(right) of \(total) styles named correctly (\(percent)%)."
  }
}
