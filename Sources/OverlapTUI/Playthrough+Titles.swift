import OverlapEngine
import OverlapText

/// What the player knows things by: a move's text, an event's title. Ids stay for `run`,
/// `check` and JSON, and never reach the screen.
extension Playthrough {
  /// What set each delayed effect that landed on turn `index` (from 0) in motion.
  func landedSources(_ index: Int) -> [String] {
    turns[index].landed.map { landing in
      let source = landing.pending.source
      let title = TextLayout.tidy(title(of: source, playedOnTurn: landing.pending.due - engine.delayed(landing.pending).delay))
      if case .event = source { return "event: " + title }
      return title
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
      // Hidden variables stay hidden here too.
      let effects = chance.effects.compactMap { effect in
        scenario.playerName(of: effect.target, capitalized: false).map { "\($0) \(Delta.signed(effect.amount))" }
      }
      return effects.isEmpty ? nil : effects.joined(separator: ", ")
    }
  }
}
