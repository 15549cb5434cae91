import OverlapEngine

extension Debrief {
  /// How many turns to single out: two in a short game, three in a longer one.
  static func keyTurnCount(turns: Int) -> Int { min(turns, turns >= 6 ? 3 : 2) }

  /// The turns whose moves moved the meters most, in the order they were played.
  static func keyTurns(_ game: Playthrough) -> [KeyTurn] {
    let shifts = moveShifts(game)
    let movement = shifts.map { $0.reduce(0) { $0 + abs($1) } }
    let chosen = movement.indices
      .filter { movement[$0] > 0 }
      .sorted { movement[$0] != movement[$1] ? movement[$0] > movement[$1] : $0 < $1 }
      .prefix(keyTurnCount(turns: game.turns.count))
      .sorted()
    return chosen.map { index in
      let report = game.report(index)
      let own = delayedLandings(of: index, in: game)
      let later = Meter.allCases.map { meter in
        MeterShift(
          meter: meter.name,
          delta: own.flatMap(\.landing.changes).filter { $0.target == meter.rawValue }.reduce(0) { $0 + $1.delta })
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

  /// The delayed effects that move `index` itself set in motion, with the turn each landed on.
  static func delayedLandings(of index: Int, in game: Playthrough) -> [(turn: Int, landing: OverlapEngine.Turn.Landing)] {
    game.turns.flatMap { turn in
      turn.landed.filter { landing in
        guard case .choice = landing.pending.source else { return false }
        return landing.pending.due - game.engine.delayed(landing.pending).delay == index + 1
      }.map { (turn.number, $0) }
    }
  }

  /// What each move did to each meter: its own effects and chances, plus its own delayed
  /// effects wherever they landed. Events and other moves' payoffs are credited to no
  /// move, so a payoff goes to the move that earned it, not the one that preceded it.
  static func moveShifts(_ game: Playthrough) -> [[Int]] {
    let meterCount = Meter.allCases.count
    return game.turns.indices.map { index in
      let turn = game.turns[index]
      let changes = turn.effects + turn.rolls.flatMap(\.changes) + (turn.pick?.changes ?? []) + delayedLandings(of: index, in: game).flatMap(\.landing.changes)
      var shift = Array(repeating: 0, count: meterCount)
      for change in changes where change.target < meterCount { shift[change.target] += change.delta }
      return shift
    }
  }

  /// Plays each move of the other style offered before move `index`, then the player's
  /// own later moves for as long as they are offered, and compares the meters.
  static func alternatives(at index: Int, in game: Playthrough) -> [Alternative] {
    let engine = game.engine
    let scenario = game.scenario
    let start = game.states[index]
    let other = scenario.choices[game.turns[index].choice].style.other
    let later = game.moves[(index + 1)...]
    return engine.legalChoices(in: start).filter { scenario.choices[$0].style == other }.map { choice in
      var state = start
      engine.choose(choice, in: &state)
      let played = scenario.choices[choice]
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
        choice: played.id, choiceText: engine.render(played.text, in: start), style: played.style, lens: played.lens,
        followed: followed, stop: stop, comparedAfterTurn: state.moves, meters: MeterValues(state),
        yours: MeterValues(yours), ending: state.ending.map { EndingSummary(scenario.endings[$0]) })
    }
  }
}
