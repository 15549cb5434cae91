import OverlapEngine

/// One playthrough as readable text: each scene as the player saw it, every move offered
/// (the one taken marked), what followed and why, and the ending with its debrief.
public enum Transcript {
  /// - Parameter reference: how the scenario was named (an id or a path), for the replay command.
  public static func text(_ game: Playthrough, reference: String, heading: String) -> String {
    let scenario = game.scenario
    var lines = [heading, "Replay: overlap run \(reference) --seed \(game.seed) --moves \(game.moves.joined(separator: ","))", ""]
    if let intro = scenario.intro { lines += [game.engine.render(intro, in: game.states[0]), ""] }
    for index in game.turns.indices {
      let before = game.states[index]
      let turn = game.turns[index]
      let report = game.report(index)
      let scene = scenario.scenes[turn.scene]
      lines.append("== Turn \(turn.number)" + (scene.title.map { ": \($0)" } ?? "") + " [\(scene.id)]")
      lines.append(game.engine.render(scene.text, in: before))
      lines.append(meters(before, scenario: scenario))
      for (number, choice) in game.engine.legalChoices(in: before).enumerated() {
        let mark = choice == turn.choice ? ">" : " "
        let played = scenario.choices[choice]
        lines.append("\(mark) \(number + 1). [\(played.style.rawValue)] \(game.engine.render(played.text, in: before))")
      }
      if report.strength < 100 { lines.append("  (kept \(report.strength)% of its gains: too many moves of one style in a row)") }
      if let outcome = report.outcome { lines.append("  \(outcome)") }
      for roll in report.rolls {
        lines.append("  Chance \(roll.percent)%: \(roll.hit ? "happened" : "did not happen")" + (roll.text.map { ". \($0)" } ?? ""))
      }
      if let pick = report.pick {
        lines.append("  Outcome \(pick.outcome) of \(pick.of) (\(pick.weight) in \(pick.total))" + (pick.text.map { ": \($0)" } ?? ""))
      }
      for landed in report.landed {
        lines.append("  Landed from turn \(landed.playedOnTurn)" + (landed.text.map { ": \($0)" } ?? "") + changes(landed.changes))
      }
      for event in report.events {
        lines.append("  Event: \(event.title)" + (event.text.map { ". \($0)" } ?? "") + changes(event.changes))
      }
      lines.append("  Changes:" + changes(report.changes))
      lines.append("")
    }
    if let ending = game.ending {
      lines.append("== Ending: \(ending.title) (\(ending.tone.rawValue)) [\(ending.id)]")
      if let text = game.endingText { lines.append(text) }
      if let debrief = ending.debrief { lines.append(debrief) }
      lines.append(meters(game.state, scenario: scenario))
      lines.append("Leader moves \(game.state.leaderMoves), manager moves \(game.state.managerMoves).")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every meter, variable and flag, so a reader can hold the text against the numbers.
  static func meters(_ state: GameState, scenario: Scenario) -> String {
    let values = scenario.values.indices.map { "\(scenario.values[$0].name) \(state.values[$0])" }
    let flags = scenario.flags.indices.filter { state.flags[$0] }.map { scenario.flags[$0].name }
    return "  [" + values.joined(separator: ", ") + (flags.isEmpty ? "" : "; flags: " + flags.joined(separator: ", ")) + "]"
  }

  static func changes(_ changes: [TurnReport.Change]) -> String {
    changes.isEmpty ? " none" : " " + changes.map { "\($0.name) \($0.before)→\($0.after)" }.joined(separator: ", ")
  }
}
