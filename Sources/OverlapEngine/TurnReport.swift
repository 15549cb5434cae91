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
  public var scheduled: [Scheduled]
  public var landed: [Landed]
  public var events: [FiredEvent]
  public var meters: MeterValues
  public var ending: EndingSummary?

  init(engine: Engine, choice index: Int, before: GameState, after: GameState, happenings: [Happening]) {
    let scenario = engine.scenario
    let choice = scenario.choices[index]
    turn = before.turn
    scene = scenario.scenes[before.scene].id
    self.choice = choice.id
    choiceText = engine.render(choice.text, in: before)
    style = choice.style
    lens = choice.lens
    strength = after.streak > scenario.balance.streak ? scenario.balance.fade : 100
    outcome = choice.outcome.map { engine.render($0, in: after) }
    note = choice.note
    changes = scenario.values.indices.compactMap { value in
      before.values[value] == after.values[value]
        ? nil : Change(name: scenario.values[value].name, before: before.values[value], after: after.values[value])
    }
    meters = MeterValues(after)
    ending = after.ending.map { EndingSummary(scenario.endings[$0]) }
    rolls = []
    scheduled = []
    landed = []
    events = []
    // Changes since the last other happening, with their causes: a delayed effect or an
    // event is recorded after its own changes, which follow the move's own changes.
    var recent: [(cause: GameState.Source, change: Change)] = []
    func changesMade(by source: GameState.Source) -> [Change] {
      recent.filter { $0.cause == source }.map(\.change)
    }
    func name(_ source: GameState.Source) -> String {
      switch source {
      case .choice(let index): scenario.choices[index].id
      case .event(let index): scenario.events[index].id
      }
    }
    for happening in happenings {
      switch happening {
      case .changed(let target, let old, let new, let cause):
        recent.append((cause, Change(name: scenario.values[target].name, before: old, after: new)))
        continue
      case .rolled(let choiceIndex, let chanceIndex, let hit):
        let chance = scenario.choices[choiceIndex].consequences.chances[chanceIndex]
        rolls.append(Roll(percent: chance.percent, hit: hit, text: hit ? chance.text.map { engine.render($0, in: after) } : nil))
      case .scheduled(let pending):
        let delayed = engine.delayed(pending)
        var effects: [String: Int] = [:]
        for effect in delayed.effects { effects[scenario.values[effect.target].name, default: 0] += effect.amount }
        scheduled.append(Scheduled(turn: pending.due, effects: effects, strength: pending.strength))
      case .landed(let pending, let text):
        let delayed = engine.delayed(pending)
        landed.append(Landed(
          from: name(pending.source), playedOnTurn: pending.due - delayed.delay, text: text, changes: changesMade(by: pending.source)))
      case .eventFired(let eventIndex, let text):
        let event = scenario.events[eventIndex]
        events.append(FiredEvent(id: event.id, title: event.title, text: text, changes: changesMade(by: .event(eventIndex))))
      case .ended:
        break
      }
      recent = []
    }
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
