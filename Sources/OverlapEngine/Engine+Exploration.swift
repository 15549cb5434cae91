// MARK: - Fast paths for the scenario lab

// `explore` plays millions of moves a second. These reach the same rules as
// `legalChoices(in:)` and `choose(_:in:)`, but write into buffers the caller reuses,
// and are non-generic so the compiler specialises `apply` here, inside the engine.

extension Engine {
  /// Writes the choices the player may pick now into `buffer`, in the order shown.
  public func legalChoices(in state: GameState, into buffer: inout [Int]) {
    buffer.removeAll(keepingCapacity: true)
    guard !state.isFinished else { return }
    for position in runtime.scenes[state.scene].choices.range {
      let choice = Int(runtime.sceneLists[position])
      if runtime.holds(runtime.choices[choice].condition, in: state) { buffer.append(choice) }
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

  /// Plays `choice` with chance outcomes forced by `dice`, telling `recorder` what happens.
  public func advance<R: TurnRecorder>(_ choice: Int, in state: inout GameState, dice: inout ScriptedDice, recorder: inout R) {
    apply(choice, to: &state, dice: &dice, recorder: &recorder)
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
