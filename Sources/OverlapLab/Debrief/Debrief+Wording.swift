import OverlapEngine

/// Sentences shared by every format, so text, Markdown and HTML say the same thing.
extension Debrief {
  /// "+5", "-3" or "0".
  static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }

  static func meterValues(_ values: MeterValues) -> [(name: String, value: Int)] {
    [("morale", values.morale), ("efficiency", values.efficiency), ("stability", values.stability)]
  }

  /// "turn 3", "turns 3 and 5", "turns 1, 4 and 6".
  static func turnList(_ turns: [Int]) -> String {
    let numbers = turns.map(String.init)
    guard let last = numbers.last else { return "no turns" }
    if numbers.count == 1 { return "turn \(last)" }
    return "turns " + numbers.dropLast().joined(separator: ", ") + " and " + last
  }

  static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

  /// "morale +10, efficiency +6", leaving out meters that did not move.
  static func shiftList(_ shifts: [MeterShift]) -> String {
    let moved = shifts.filter { $0.delta != 0 }.map { "\($0.meter) \(signed($0.delta))" }
    return moved.isEmpty ? "no change" : moved.joined(separator: ", ")
  }

  static func changeList(_ changes: [Change]) -> String {
    changes.filter { $0.delta != 0 }.map { "\($0.name) \(signed($0.delta))" }.joined(separator: ", ")
  }

  /// "morale +10, efficiency +6: 16 points, of which efficiency +6 landed later (turn 3)."
  static func movementLine(_ key: KeyTurn) -> String {
    let total = "\(shiftList(key.shifts)): \(plural(key.movement, "point"))"
    guard !key.later.isEmpty else { return total + ", all at once." }
    let when = key.landedOn.map(String.init).joined(separator: ", ")
    return total
      + ", of which \(shiftList(key.later)) landed later (\(key.landedOn.count == 1 ? "turn" : "turns") \(when))."
  }

  /// The ending line's explanation of why this ending, not another.
  var endingReason: String? {
    guard let ending else { return nil }
    guard let condition = ending.condition else {
      return "No other ending's condition held, so the game took its default ending."
    }
    return "Endings are checked in order and this was the first whose condition held: \(condition)."
  }

  /// "Thriving (success) needs morale >= 60 and efficiency >= 60."
  static func goalSentence(_ goal: EndingGoal) -> String {
    "\(goal.title) (\(goal.tone.rawValue)) needs \(goal.condition)."
  }

  var finalMeters: String { (meters + gauges).map { "\($0.meter) \($0.end)" }.joined(separator: ", ") }

  /// Says once how the other style's outcomes were estimated.
  static let alternativesIntro =
    "What the other style would likely have done: for each of these turns the engine replayed the turn with every move of the other style that was offered, then your own later moves for as long as they were still offered. These are estimates; chance rolls can fall differently."

  /// Where an alternative led, compared with the player's own game.
  func outcome(of alternative: Alternative) -> String {
    let yours = Self.meterValues(alternative.yours)
    let meters = Self.meterValues(alternative.meters).enumerated().map { index, meter in
      "\(meter.name) \(meter.value) (\(Self.signed(meter.value - yours[index].value)))"
    }
    let comparison = "After turn \(alternative.comparedAfterTurn): \(meters.joined(separator: ", ")) against yours."
    return [outcomeLead(of: alternative), comparison].compactMap { $0 }.joined(separator: " ")
  }

  /// How an alternative line ended or why it stopped; nil when it simply ran out of moves.
  func outcomeLead(of alternative: Alternative) -> String? {
    let after = alternative.comparedAfterTurn
    switch alternative.stop {
    case .ended:
      let reached = alternative.ending.map { "\($0.title) (\($0.tone.rawValue))" } ?? "an ending"
      guard after == turns.count, let ending, finished else {
        return "The game would have ended after turn \(after): \(reached)."
      }
      return alternative.ending?.id == ending.id
        ? "The same ending, \(ending.title)." : "\(reached) instead of your \(ending.title)."
    case .notOffered:
      return "Your move on turn \(after + 1) was not offered on that path, so the comparison stops there."
    case .outOfMoves:
      return nil
    }
  }

  /// "turn 2 (said leader, was manager)".
  func quizMiss(_ number: Int) -> String {
    guard let turn = turns.first(where: { $0.number == number }) else { return "turn \(number)" }
    let said = turn.guess.map { "said \($0.rawValue)" } ?? "no answer"
    return "turn \(number) (\(said), was \(turn.style.rawValue))"
  }

  /// The phase line: "opening (turns 1–4): 3 leader, 1 manager".
  static func phaseLine(_ phase: Phase, dash: String) -> String {
    let span =
      phase.firstTurn == phase.lastTurn ? "turn \(phase.firstTurn)" : "turns \(phase.firstTurn)\(dash)\(phase.lastTurn)"
    return "\(phase.name) (\(span)): \(phase.leader) leader, \(phase.manager) manager"
  }

  var streakLine: String? {
    guard let streak = styles.longestStreak, streak.length > 1 else { return nil }
    return "Longest run of one style: \(streak.length) \(streak.style.rawValue) moves from turn \(streak.firstTurn)."
  }

  var weakenedLine: String? {
    guard !styles.weakened.isEmpty else { return nil }
    let verb = styles.weakened.count == 1 ? "was" : "were"
    return
      "The balance rule cut the gains of \(Self.turnList(styles.weakened)): one style had been played too many times in a row, so \(styles.weakened.count == 1 ? "that move" : "those moves") \(verb) played at reduced strength."
  }

  func headline(dot: String) -> String {
    var parts: [String] = []
    if let name { parts.append(name) }
    parts.append("seed \(seed)")
    parts.append(Self.plural(turns.count, "turn"))
    parts.append(finished ? "finished" : "in progress")
    return parts.joined(separator: " \(dot) ")
  }

  var styleSummary: String {
    guard styles.total > 0 else { return "No moves yet." }
    return
      "\(Self.plural(styles.leader, "leader move")) and \(Self.plural(styles.manager, "manager move")): \(styles.leaderShare)% leading, \(styles.managerShare)% managing."
  }
}
