import Foundation
import OverlapEngine

/// The headless runner's output: plain text for people, JSON for tools (docs/headless.md).
enum RunReport {
  struct Pending: Encodable {
    struct Offered: Encodable {
      var number: Int
      var id: String
      var text: String
      var style: Style
    }

    var scene: String
    var text: String
    var choices: [Offered]
  }

  struct Document: Encodable {
    var scenario: String
    var seed: UInt64
    var finished: Bool
    var turns: [TurnReport]
    var meters: MeterValues
    var variables: [String: Int]
    var flags: [String: Bool]
    var ending: EndingSummary?
    var pending: Pending?

    enum CodingKeys: String, CodingKey {
      case scenario, seed, finished, turns, meters, variables, flags, ending, pending
    }

    // Written by hand so that `ending` and `pending` appear as null rather than vanish.
    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(scenario, forKey: .scenario)
      try container.encode(seed, forKey: .seed)
      try container.encode(finished, forKey: .finished)
      try container.encode(turns, forKey: .turns)
      try container.encode(meters, forKey: .meters)
      try container.encode(variables, forKey: .variables)
      try container.encode(flags, forKey: .flags)
      try container.encode(ending, forKey: .ending)
      try container.encode(pending, forKey: .pending)
    }
  }

  static func document(_ game: Playthrough) -> Document {
    let scenario = game.scenario
    let state = game.state
    var pending: Pending?
    if !game.isFinished {
      pending = Pending(
        scene: scenario.scenes[state.scene].id, text: game.sceneText,
        choices: game.legalChoices.enumerated().map { number, choice in
          .init(number: number + 1, id: scenario.choices[choice].id, text: game.choiceText(choice), style: scenario.choices[choice].style)
        })
    }
    return Document(
      scenario: scenario.id, seed: game.seed, finished: game.isFinished, turns: game.reports,
      meters: MeterValues(state),
      variables: Dictionary(uniqueKeysWithValues: scenario.variables.indices.map { (scenario.values[$0].name, state.values[$0]) }),
      flags: Dictionary(uniqueKeysWithValues: scenario.flags.indices.map { (scenario.flags[$0].name, state.flags[$0]) }),
      ending: game.ending.map(EndingSummary.init), pending: pending)
  }

  static func json(_ game: Playthrough) throws -> String {
    try PrettyJSON.text(document(game))
  }

  static func text(_ game: Playthrough) -> String {
    let scenario = game.scenario
    var lines = ["\(scenario.title) (\(scenario.id)), seed \(game.seed)"]
    for report in game.reports {
      let lens = report.lens.map { ", \($0.rawValue)" } ?? ""
      let weakened = report.strength < 100 ? ", at \(report.strength)% strength" : ""
      lines.append("Turn \(report.turn) [\(report.scene)] \(report.choice) (\(report.style.rawValue)\(lens)\(weakened))")
      if !report.changes.isEmpty {
        lines.append("  " + report.changes.map { "\($0.name) \($0.before)→\($0.after)" }.joined(separator: ", "))
      }
      if let pick = report.pick { lines.append("  outcome \(pick.outcome) of \(pick.of) (\(pick.weight) in \(pick.total))") }
      for landed in report.landed { lines.append("  later effect of \(landed.from) (turn \(landed.playedOnTurn)) landed") }
      for event in report.events { lines.append("  event: \(event.title)") }
    }
    let meters = MeterValues(game.state)
    lines.append("Meters: morale \(meters.morale), efficiency \(meters.efficiency), stability \(meters.stability)")
    if let ending = game.ending {
      lines.append("Ending: \(ending.title) (\(ending.id), \(ending.tone.rawValue)) after \(game.state.moves) turns")
    } else {
      lines.append("Not finished: turn \(game.state.turn), scene '\(scenario.scenes[game.state.scene].id)'. Offered:")
      for (number, choice) in game.legalChoices.enumerated() {
        lines.append("  \(number + 1). \(scenario.choices[choice].id): \(game.choiceText(choice))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
