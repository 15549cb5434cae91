/// Everything about a game in progress, including the random generator, so that
/// a state can be copied, compared, saved and resumed exactly.
public struct GameState: Codable, Hashable, Sendable {
  /// A delayed effect waiting to land.
  public struct Pending: Codable, Hashable, Sendable {
    /// The move count at whose end it lands.
    public var due: Int
    public var source: Source
    /// Index into the source's `later` list.
    public var index: Int
    /// Percentage of its gains it keeps (the balance rule at the time it was played).
    public var strength: Int
  }

  /// What caused a change: a choice or an event, by index.
  public enum Source: Codable, Hashable, Sendable {
    case choice(Int)
    case event(Int)
  }

  public var rng: SplitMix64
  public var scene: Int
  /// Meters, then variables, as laid out in `Scenario.values`.
  public var values: [Int]
  public var flags: [Bool]
  public var firedEvents: [Bool]
  public var pending: [Pending]
  /// Moves played so far.
  public var moves: Int
  public var leaderMoves: Int
  public var managerMoves: Int
  public var lastStyle: Style?
  /// How many moves in a row have had `lastStyle`.
  public var streak: Int
  /// Set when the game is over.
  public var ending: Int?

  public var isFinished: Bool { ending != nil }
  /// The turn being played now (1 before the first move).
  public var turn: Int { moves + 1 }

  public func meter(_ meter: Meter) -> Int { values[meter.rawValue] }
  public var meters: [Int] { Array(values[0..<Meter.allCases.count]) }
}

extension GameState {
  /// The value a name in an expression or a text stands for: flags read as 1 or 0.
  @inline(__always)
  func read(_ name: Expression.Name) -> Int {
    switch name {
    case .value(let index): values[index]
    case .flag(let index): flags[index] ? 1 : 0
    case .builtin(.turn): turn
    case .builtin(.leaderMoves): leaderMoves
    case .builtin(.managerMoves): managerMoves
    }
  }
}
