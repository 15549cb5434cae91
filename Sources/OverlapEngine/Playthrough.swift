/// A game from its seed, with the moves played and what each did: the unit that
/// the UI, `run`, saves and the debrief share.
public struct Playthrough: Sendable {
  public let engine: Engine
  public let seed: UInt64
  public private(set) var state: GameState
  /// Choice ids, in order: what a save records.
  public private(set) var moves: [String] = []
  /// What each move did, as the engine recorded it.
  public private(set) var turns: [Turn] = []
  /// The state before each move, plus the current one; the debrief replays from these.
  public private(set) var states: [GameState]

  public init(engine: Engine, seed: UInt64) {
    self.engine = engine
    self.seed = seed
    state = engine.start(seed: seed)
    states = [state]
  }

  public var scenario: Scenario { engine.scenario }
  public var isFinished: Bool { state.isFinished }
  public var legalChoices: [Int] { engine.legalChoices(in: state) }

  /// Plays a move given as a shown number or a choice id.
  @discardableResult
  public mutating func play(_ move: String) throws(MoveError) -> Turn {
    play(choice: try engine.resolveMove(move, in: state))
  }

  /// Plays a choice that must be legal now.
  @discardableResult
  public mutating func play(choice: Int) -> Turn {
    let turn = engine.choose(choice, in: &state)
    moves.append(engine.scenario.choices[choice].id)
    turns.append(turn)
    states.append(state)
    return turn
  }

  /// Move `index` with names and rendered text, for the screens, `run` and the debrief.
  public func report(_ index: Int) -> TurnReport {
    TurnReport(turns[index], engine: engine, before: states[index], after: states[index + 1])
  }

  /// Every move, named and rendered.
  public var reports: [TurnReport] { turns.indices.map(report) }

  /// The last move, named and rendered, or nil before the first.
  public var lastReport: TurnReport? { turns.isEmpty ? nil : report(turns.count - 1) }

  /// Replays `moves` from `seed`, stopping at the first move that does not fit.
  public static func replay(engine: Engine, seed: UInt64, moves: [String]) throws(MoveError) -> Playthrough {
    var game = Playthrough(engine: engine, seed: seed)
    for move in moves { try game.play(move) }
    return game
  }

  /// The scene's text as it reads now.
  public var sceneText: String {
    engine.render(scenario.scenes[state.scene].text, in: state)
  }

  public func choiceText(_ choice: Int) -> String {
    engine.render(scenario.choices[choice].text, in: state)
  }

  public var ending: Ending? { state.ending.map { scenario.endings[$0] } }

  /// What the player knew the cause of a delayed effect by: the move's text as it read on
  /// the turn it was played, or the event's title.
  public func title(of source: GameState.Source, playedOnTurn turn: Int) -> String {
    switch source {
    case .choice(let choice): engine.render(scenario.choices[choice].text, in: states[max(0, min(states.count - 1, turn - 1))])
    case .event(let event): scenario.events[event].title
    }
  }

  public var endingText: String? {
    ending?.text.map { engine.render($0, in: state) }
  }
}

extension Playthrough: Equatable {
  /// Two games are the same when their scenario file, seed and moves are, and so the
  /// states those led to; the scenario's compiled rules need no comparing.
  public static func == (lhs: Playthrough, rhs: Playthrough) -> Bool {
    lhs.scenario.id == rhs.scenario.id && lhs.scenario.contentHash == rhs.scenario.contentHash && lhs.seed == rhs.seed
      && lhs.moves == rhs.moves && lhs.state == rhs.state
  }
}
