import OverlapEngine

extension Debrief {
  /// How many turns to single out: two in a short game, three in a longer one.
  static func keyTurnCount(turns: Int) -> Int { min(turns, turns >= 6 ? 3 : 2) }

  /// The turns whose moves moved the meters most, in the order they were played.
  static func keyTurns(_ game: Playthrough, landed: [LandedEffect]) -> [KeyTurn] {
    let shifts = moveShifts(game, landed: landed)
    let movement = shifts.map { $0.reduce(0) { $0 + abs($1) } }
    let chosen = movement.indices
      .filter { movement[$0] > 0 }
      .sorted { movement[$0] != movement[$1] ? movement[$0] > movement[$1] : $0 < $1 }
      .prefix(keyTurnCount(turns: game.reports.count))
      .sorted()
    return chosen.map { index in
      let report = game.reports[index]
      let own = landed.filter { $0.fromTurn == report.turn }
      let later = Meter.allCases.map { meter in
        MeterShift(
          meter: meter.name, delta: own.flatMap(\.changes).filter { $0.name == meter.name }.reduce(0) { $0 + $1.delta })
      }
      return KeyTurn(
        turn: report.turn, choice: report.choice, choiceText: report.choiceText, style: report.style,
        lens: report.lens, note: report.note,
        shifts: Meter.allCases.map { MeterShift(meter: $0.name, delta: shifts[index][$0.rawValue]) },
        movement: movement[index], later: later.filter { $0.delta != 0 },
        landedOn: Array(Set(own.map(\.turn))).sorted(),
        alternatives: alternatives(at: index, in: game))
    }
  }

  /// What each move did to each meter: the turn's own change, less delayed effects that
  /// landed then, plus the move's own delayed effects wherever they landed. Credit for a
  /// payoff goes to the move that earned it, not the one that happened to precede it.
  static func moveShifts(_ game: Playthrough, landed: [LandedEffect]) -> [[Int]] {
    let meterCount = Meter.allCases.count
    var shifts = game.reports.indices.map { index in
      (0..<meterCount).map { game.states[index + 1].meters[$0] - game.states[index].meters[$0] }
    }
    for effect in landed {
      for change in effect.changes {
        guard let meter = Meter.allCases.first(where: { $0.name == change.name })?.rawValue else { continue }
        shifts[effect.turn - 1][meter] -= change.delta
        if shifts.indices.contains(effect.fromTurn - 1) { shifts[effect.fromTurn - 1][meter] += change.delta }
      }
    }
    return shifts
  }

  /// Plays each move of the other style offered before move `index`, then the player's
  /// own later moves for as long as they are offered, and compares the meters.
  static func alternatives(at index: Int, in game: Playthrough) -> [Alternative] {
    let engine = game.engine
    let scenario = game.scenario
    let start = game.states[index]
    let other = game.reports[index].style.other
    let later = game.moves[(index + 1)...]
    return engine.legalChoices(in: start).filter { scenario.choices[$0].style == other }.map { choice in
      var state = start
      let report = engine.choose(choice, in: &state)
      var followed = 0
      var stop = Alternative.Stop.outOfMoves
      for move in later {
        if state.isFinished {
          stop = .ended
          break
        }
        guard let next = engine.legalChoices(in: state).first(where: { scenario.choices[$0].id == move }) else {
          stop = .notOffered
          break
        }
        engine.choose(next, in: &state)
        followed += 1
      }
      if state.isFinished { stop = .ended }
      let yours = game.states[min(state.moves, game.states.count - 1)]
      return Alternative(
        choice: report.choice, choiceText: report.choiceText, style: report.style, lens: report.lens,
        followed: followed, stop: stop, comparedAfterTurn: state.moves, meters: MeterValues(state),
        yours: MeterValues(yours), ending: state.ending.map { EndingSummary(scenario.endings[$0]) })
    }
  }
}
