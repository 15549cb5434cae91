/// What one move did, grouped by cause as the rules ran: the move's own effects, each
/// chance rolled, each delayed effect that landed and each event that fired, each with
/// exactly the changes it made. It holds indices into the scenario, never names or text:
/// those belong to the renderers at the edge.
public struct Turn: Codable, Equatable, Sendable {
  /// A meter or variable (by its index in `Scenario.values`) before and after one effect.
  public struct Change: Codable, Equatable, Sendable {
    public var target: Int
    public var before: Int
    public var after: Int
    public var delta: Int { after.saturatingSubtracting(before) }
  }

  /// One of the move's chances (by index in its `chances`), and what it did if it hit.
  public struct Roll: Codable, Equatable, Sendable {
    public var chance: Int
    public var hit: Bool
    public var changes: [Change] = []
  }

  /// The outcome (by index in the move's `one_of`) that was picked, and what it did.
  public struct Pick: Codable, Equatable, Sendable {
    public var outcome: Int
    public var changes: [Change] = []
  }

  /// A delayed effect that landed this turn.
  public struct Landing: Codable, Equatable, Sendable {
    public var pending: GameState.Pending
    public var changes: [Change] = []
  }

  /// An event (by index) that fired this turn, with its own changes and what it set in motion.
  public struct Firing: Codable, Equatable, Sendable {
    public var event: Int
    public var changes: [Change] = []
    public var scheduled: [GameState.Pending] = []
  }

  /// The turn number: 1 for the first move.
  public var number: Int
  /// The scene the move was played in.
  public var scene: Int
  public var choice: Int
  /// Percentage of its gains the move kept under the balance rule.
  public var strength: Int
  /// The changes the move's own `effects` made.
  public var effects: [Change] = []
  public var rolls: [Roll] = []
  /// The outcome of the move's `one_of`, when it has one.
  public var pick: Pick?
  /// The move's own delayed effects, set in motion this turn.
  public var scheduled: [GameState.Pending] = []
  public var landed: [Landing] = []
  public var events: [Firing] = []
  /// Set when this move ended the game.
  public var ending: Int?

  /// Every change the turn made, in the order the rules made them.
  public var allChanges: [Change] {
    effects + rolls.flatMap(\.changes) + (pick?.changes ?? []) + landed.flatMap(\.changes) + events.flatMap(\.changes)
  }
}

/// What `apply` tells as it runs. Each change belongs to the cause opened last: the move
/// itself until a chance is rolled, a delayed effect lands or an event fires.
public protocol TurnRecorder {
  mutating func began(_ turn: @autoclosure () -> Turn)
  mutating func changed(_ change: @autoclosure () -> Turn.Change)
  mutating func rolled(chance: Int, hit: Bool)
  mutating func picked(outcome: Int)
  mutating func scheduled(_ pending: @autoclosure () -> GameState.Pending)
  mutating func landing(_ pending: @autoclosure () -> GameState.Pending)
  mutating func firing(_ event: Int)
  mutating func ended(_ ending: Int)
  /// Whether the recorder hears every choice the next scene offers (`offered`), in the
  /// order shown, where the rules only need to know that there is one.
  static var collectsOffers: Bool { get }
  mutating func offered(_ choice: Int)
}

// By default a recorder hears nothing, so each one says only what it records; the
// compiler removes the calls it ignores.
extension TurnRecorder {
  @inline(__always) public mutating func began(_ turn: @autoclosure () -> Turn) {}
  @inline(__always) public mutating func changed(_ change: @autoclosure () -> Turn.Change) {}
  @inline(__always) public mutating func rolled(chance: Int, hit: Bool) {}
  @inline(__always) public mutating func picked(outcome: Int) {}
  @inline(__always) public mutating func scheduled(_ pending: @autoclosure () -> GameState.Pending) {}
  @inline(__always) public mutating func landing(_ pending: @autoclosure () -> GameState.Pending) {}
  @inline(__always) public mutating func firing(_ event: Int) {}
  @inline(__always) public mutating func ended(_ ending: Int) {}
  public static var collectsOffers: Bool { false }
  @inline(__always) public mutating func offered(_ choice: Int) {}
}

/// Records nothing; exploration uses it, and the compiler removes every call.
public struct IgnoreTurn: TurnRecorder {
  public init() {}
}

/// Builds the `Turn` as the rules run.
public struct RecordTurn: TurnRecorder {
  /// The cause new changes belong to.
  private enum Cause { case move, roll, pick, landing, firing }

  public private(set) var turn = Turn(number: 0, scene: 0, choice: 0, strength: 100)
  private var cause = Cause.move

  public init() {}

  public mutating func began(_ turn: @autoclosure () -> Turn) { self.turn = turn() }

  public mutating func changed(_ change: @autoclosure () -> Turn.Change) {
    switch cause {
    case .move: turn.effects.append(change())
    case .roll: turn.rolls[turn.rolls.count - 1].changes.append(change())
    case .pick: turn.pick?.changes.append(change())
    case .landing: turn.landed[turn.landed.count - 1].changes.append(change())
    case .firing: turn.events[turn.events.count - 1].changes.append(change())
    }
  }

  public mutating func rolled(chance: Int, hit: Bool) {
    turn.rolls.append(Turn.Roll(chance: chance, hit: hit))
    cause = .roll
  }

  public mutating func picked(outcome: Int) {
    turn.pick = Turn.Pick(outcome: outcome)
    cause = .pick
  }

  /// A delayed effect goes with whatever set it in motion: the move, or the event firing.
  public mutating func scheduled(_ pending: @autoclosure () -> GameState.Pending) {
    let pending = pending()
    if case .event = pending.source, !turn.events.isEmpty {
      turn.events[turn.events.count - 1].scheduled.append(pending)
    } else {
      turn.scheduled.append(pending)
    }
  }

  public mutating func landing(_ pending: @autoclosure () -> GameState.Pending) {
    turn.landed.append(Turn.Landing(pending: pending()))
    cause = .landing
  }

  public mutating func firing(_ event: Int) {
    turn.events.append(Turn.Firing(event: event))
    cause = .firing
  }

  public mutating func ended(_ ending: Int) { turn.ending = ending }
}
