import OverlapEngine

/// How a simulated player picks a move.
///
/// Every strategy picks uniformly from a subset of the legal moves, so the same
/// definition drives sampling and the exact probabilities of exhaustive exploration.
public enum Strategy: String, CaseIterable, Codable, Sendable {
  /// Any legal move.
  case random
  /// A leader move whenever one is offered.
  case leader
  /// A manager move whenever one is offered.
  case manager
  /// A move of the style that is behind so far; any move when the two are level.
  case balanced

  /// The style this strategy wants now, or nil when any legal move will do.
  @inline(__always)
  func preferredStyle(leaderMoves: Int, managerMoves: Int) -> Style? {
    switch self {
    case .random: nil
    case .leader: .leader
    case .manager: .manager
    case .balanced:
      leaderMoves < managerMoves ? .leader : managerMoves < leaderMoves ? .manager : nil
    }
  }

  /// Narrows `legal`, in place, to the moves this strategy picks from.
  ///
  /// When no move of the preferred style is offered the list stays whole.
  @inline(__always)
  func narrow(_ legal: inout [Int], in state: GameState, styles: [Style]) {
    guard let style = preferredStyle(leaderMoves: state.leaderMoves, managerMoves: state.managerMoves) else { return }
    var kept = 0
    for index in legal.indices where styles[legal[index]] == style {
      legal[kept] = legal[index]
      kept += 1
    }
    if kept > 0 { legal.removeLast(legal.count - kept) }
  }

  /// A one-line description for reports.
  public var summary: String {
    switch self {
    case .random: "any legal move, uniformly"
    case .leader: "a leader move whenever one is offered"
    case .manager: "a manager move whenever one is offered"
    case .balanced: "the style that is behind so far"
    }
  }
}
