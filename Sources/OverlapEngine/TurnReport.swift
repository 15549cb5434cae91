/// What one move did, as data for every front end: the UI's result panel, `run`'s
/// JSON and the debrief.
public struct TurnReport: Codable, Equatable, Sendable {
  public struct Change: Codable, Equatable, Sendable {
    public var name: String
    public var before: Int
    public var after: Int
    public var delta: Int { after.saturatingSubtracting(before) }

    public init(name: String, before: Int, after: Int) {
      self.name = name
      self.before = before
      self.after = after
    }
  }

  public struct Roll: Codable, Equatable, Sendable {
    public var percent: Int
    public var hit: Bool
    public var text: String?
  }

  /// The outcome a `one_of` picked: its number (from 1) of how many, its odds and its text.
  public struct Pick: Codable, Equatable, Sendable {
    public var outcome: Int
    public var of: Int
    public var weight: Int
    public var total: Int
    public var text: String?

    /// The odds as a whole percentage, rounded, for players.
    public var percent: Int { (weight * 100 + total / 2) / total }
  }

  public struct Scheduled: Codable, Equatable, Sendable {
    /// The turn at whose end it lands.
    public var turn: Int
    /// Amounts as written, before the balance rule.
    public var effects: [String: Int]
    public var strength: Int
  }

  public struct Landed: Codable, Equatable, Sendable {
    /// The id of the choice or event that scheduled it.
    public var from: String
    public var playedOnTurn: Int
    public var text: String?
    public var changes: [Change]
  }

  public struct FiredEvent: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var text: String?
    public var changes: [Change]
  }

  public var turn: Int
  public var scene: String
  public var choice: String
  public var choiceText: String
  public var style: Style
  public var lens: Lens?
  /// Percentage of its gains the move kept under the balance rule.
  public var strength: Int
  public var outcome: String?
  public var note: String?
  /// Every meter and variable that ended the turn different, whatever changed it.
  public var changes: [Change]
  public var rolls: [Roll]
  /// The outcome of the move's `one_of`; absent when it has none.
  public var pick: Pick?
  public var scheduled: [Scheduled]
  public var landed: [Landed]
  public var events: [FiredEvent]
  public var meters: MeterValues
  public var ending: EndingSummary?

  /// Names and renders `turn`, played from `before` to `after`: a direct reading of the
  /// engine's record, with text rendered as it reads after the move.
  public init(_ turn: Turn, engine: Engine, before: GameState, after: GameState) {
    let scenario = engine.scenario
    let choice = scenario.choices[turn.choice]
    func changes(_ changes: [Turn.Change]) -> [Change] {
      changes.map { Change(name: scenario.values[$0.target].name, before: $0.before, after: $0.after) }
    }
    func name(_ source: GameState.Source) -> String {
      switch source {
      case .choice(let index): scenario.choices[index].id
      case .event(let index): scenario.events[index].id
      }
    }
    func scheduled(_ pending: GameState.Pending) -> Scheduled {
      var effects: [String: Int] = [:]
      for effect in engine.delayed(pending).effects { effects[scenario.values[effect.target].name, default: 0] += effect.amount }
      return Scheduled(turn: pending.due, effects: effects, strength: pending.strength)
    }
    self.turn = turn.number
    scene = scenario.scenes[turn.scene].id
    self.choice = choice.id
    choiceText = engine.render(choice.text, in: before)
    style = choice.style
    lens = choice.lens
    strength = turn.strength
    outcome = choice.outcome.map { engine.render($0, in: after) }
    note = choice.note
    self.changes = scenario.values.indices.compactMap { value in
      before.values[value] == after.values[value]
        ? nil : Change(name: scenario.values[value].name, before: before.values[value], after: after.values[value])
    }
    rolls = turn.rolls.map { roll in
      let chance = choice.consequences.chances[roll.chance]
      let text = roll.hit ? chance.text : chance.missText
      return Roll(percent: chance.percent, hit: roll.hit, text: text.map { engine.render($0, in: after) })
    }
    pick = turn.pick.flatMap { pick in
      choice.consequences.oneOf.map { oneOf in
        let outcome = oneOf.outcomes[pick.outcome]
        return Pick(
          outcome: pick.outcome + 1, of: oneOf.outcomes.count, weight: outcome.weight, total: oneOf.total,
          text: outcome.text.map { engine.render($0, in: after) })
      }
    }
    self.scheduled = (turn.scheduled + turn.events.flatMap(\.scheduled)).map(scheduled)
    landed = turn.landed.map { landing in
      let delayed = engine.delayed(landing.pending)
      return Landed(
        from: name(landing.pending.source), playedOnTurn: landing.pending.due - delayed.delay,
        text: delayed.text.map { engine.render($0, in: after) }, changes: changes(landing.changes))
    }
    events = turn.events.map { firing in
      let event = scenario.events[firing.event]
      return FiredEvent(
        id: event.id, title: event.title, text: event.text.map { engine.render($0, in: after) },
        changes: changes(firing.changes))
    }
    meters = MeterValues(after)
    ending = turn.ending.map { EndingSummary(scenario.endings[$0]) }
  }
}

public struct MeterValues: Codable, Equatable, Sendable {
  public var morale: Int
  public var efficiency: Int
  public var stability: Int

  public init(_ state: GameState) {
    morale = state.meter(.morale)
    efficiency = state.meter(.efficiency)
    stability = state.meter(.stability)
  }
}

public struct EndingSummary: Codable, Equatable, Sendable {
  public var id: String
  public var title: String
  public var tone: Tone

  public init(_ ending: Ending) {
    id = ending.id
    title = ending.title
    tone = ending.tone
  }
}
