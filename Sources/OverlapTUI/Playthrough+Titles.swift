import OverlapEngine

/// What the player knows things by: a move's text, an event's title. Ids stay for `run`,
/// `check` and JSON, and never reach the screen.
extension Playthrough {
  /// What set each delayed effect that landed on turn `index` (from 0) in motion.
  func landedSources(_ index: Int) -> [String] {
    turns[index].landed.map { landing in
      let delayed = engine.delayed(landing.pending)
      switch landing.pending.source {
      case .choice(let choice):
        let played = max(0, min(states.count - 1, landing.pending.due - delayed.delay - 1))
        return TextLayout.tidy(engine.render(scenario.choices[choice].text, in: states[played]))
      case .event(let event):
        return "event: " + scenario.events[event].title
      }
    }
  }

  /// For each chance rolled on turn `index`: what would have happened, for the ones that
  /// missed without a `miss` text of their own.
  func missedChances(_ index: Int) -> [String?] {
    let turn = turns[index]
    let choice = scenario.choices[turn.choice]
    return turn.rolls.map { roll in
      let chance = choice.consequences.chances[roll.chance]
      guard !roll.hit, chance.missText == nil else { return nil }
      if let text = chance.text { return TextLayout.tidy(engine.render(text, in: states[index])) }
      let effects = chance.effects.map { "\(scenario.values[$0.target].name) \(Delta.signed($0.amount))" }
      return effects.isEmpty ? nil : effects.joined(separator: ", ")
    }
  }
}
