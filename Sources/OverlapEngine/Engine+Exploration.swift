// MARK: - Fast paths for the scenario lab

// `explore` plays millions of moves a second. These helpers reach the same rules as
// `legalChoices(in:)` and `choose(_:in:)`, but reuse buffers instead of allocating,
// and are non-generic so the compiler specialises `apply` here, inside the engine.

extension Engine {
  /// Writes the choices the player may pick now into `buffer`, in the order shown.
  ///
  /// The same list as `legalChoices(in:)`, written into storage the caller reuses.
  public func legalChoices(in state: GameState, into buffer: inout [Int]) {
    buffer.removeAll(keepingCapacity: true)
    guard !state.isFinished else { return }
    for choice in scenario.scenes[state.scene].choices where isOffered(choice, in: state) {
      buffer.append(choice)
    }
  }

  /// Plays `choice` with the state's own generator, recording nothing.
  public func advance(_ choice: Int, in state: inout GameState) {
    var dice = state.rng
    var recorder = IgnoreTurn()
    apply(choice, to: &state, dice: &dice, recorder: &recorder)
    state.rng = dice
  }

  /// Plays `choice` with chance outcomes forced by `dice`, recording nothing.
  public func advance(_ choice: Int, in state: inout GameState, dice: inout ScriptedDice) {
    var recorder = IgnoreTurn()
    apply(choice, to: &state, dice: &dice, recorder: &recorder)
  }
}

extension GameState {
  /// Makes this state equal to `other`, reusing this state's arrays when they are the same size.
  ///
  /// Restarting a game by plain assignment would share `other`'s arrays and copy them again
  /// on the first move; this keeps one set of buffers for a whole exploration.
  public mutating func overwrite(with other: GameState) {
    rng = other.rng
    scene = other.scene
    Self.copy(other.values, into: &values)
    Self.copy(other.flags, into: &flags)
    Self.copy(other.firedEvents, into: &firedEvents)
    pending.removeAll(keepingCapacity: true)
    pending.append(contentsOf: other.pending)
    moves = other.moves
    leaderMoves = other.leaderMoves
    managerMoves = other.managerMoves
    lastStyle = other.lastStyle
    streak = other.streak
    ending = other.ending
  }

  static func copy<T>(_ source: [T], into target: inout [T]) {
    guard source.count == target.count else {
      target = source
      return
    }
    for index in source.indices { target[index] = source[index] }
  }
}

extension GameState.Pending {
  /// A delayed effect, as the lab rebuilds it from a packed state.
  public init(due: Int, from source: GameState.Source, effect index: Int, strength: Int) {
    self.due = due
    self.source = source
    self.index = index
    self.strength = strength
  }
}

/// Dice whose outcomes are chosen in advance, so exhaustive exploration can follow
/// every chance outcome as its own branch.
///
/// The first branch misses every roll. After a move, `nextBranch()` turns the last
/// miss into a hit and forgets the rolls after it, so replaying the same move from
/// the same state walks every combination of outcomes once, depth first.
public struct ScriptedDice: Dice {
  public struct Roll: Equatable, Sendable {
    public var percent: Int
    public var hit: Bool
  }

  /// The outcomes of the branch being played; later rolls are added as misses.
  public private(set) var rolls: [Roll] = []
  /// Rolls made since the branch started.
  public private(set) var made = 0

  public init() {}

  public mutating func roll(percent: Int) -> Bool {
    defer { made += 1 }
    if made < rolls.count { return rolls[made].hit }
    rolls.append(Roll(percent: percent, hit: false))
    return false
  }

  /// The chance of this branch's outcomes, each roll hitting with `percent` in 100.
  public var probability: Double {
    var product = 1.0
    for roll in rolls[..<made] { product *= Double(roll.hit ? roll.percent : 100 - roll.percent) / 100 }
    return product
  }

  /// Prepares the next combination of outcomes; false once every one has been played.
  public mutating func nextBranch() -> Bool {
    rolls.removeLast(rolls.count - made)
    made = 0
    guard let last = rolls.lastIndex(where: { !$0.hit }) else {
      rolls.removeAll(keepingCapacity: true)
      return false
    }
    rolls[last].hit = true
    rolls.removeLast(rolls.count - last - 1)
    return true
  }
}
