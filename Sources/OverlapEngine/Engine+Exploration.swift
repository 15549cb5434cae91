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
/// The first branch misses every roll and picks the first outcome of every `one_of`.
/// After a move, `nextBranch()` moves the last draw that has outcomes left on to its next
/// outcome and forgets the draws after it, so replaying the same move from the same state
/// walks every combination of outcomes once, depth first.
public struct ScriptedDice: Dice {
  /// One draw: a roll (outcome 1 is a hit, 0 a miss) or a pick among weighted outcomes.
  public struct Draw: Sendable {
    /// The chosen outcome.
    public var outcome: Int
    /// The outcomes' weights; a roll of `percent` has the weights `[100 - percent, percent]`.
    public var weights: [Int]
    public var total: Int
  }

  /// The outcomes of the branch being played; later draws are added on their first outcome.
  public private(set) var draws: [Draw] = []
  /// Draws made since the branch started.
  public private(set) var made = 0
  /// `[100 - p, p]` for every percentage, made once so that a roll allocates nothing.
  private static let rollWeights = (0...100).map { [100 - $0, $0] }

  public init() {}

  public mutating func roll(percent: Int) -> Bool {
    draw(weights: Self.rollWeights[min(max(percent, 0), 100)], total: 100) == 1
  }

  public mutating func pick(weights: [Int], total: Int) -> Int {
    draw(weights: weights, total: total)
  }

  private mutating func draw(weights: [Int], total: Int) -> Int {
    defer { made += 1 }
    if made < draws.count { return draws[made].outcome }
    // Outcomes that cannot happen (weight 0) are never branches of their own.
    let first = weights.firstIndex { $0 > 0 } ?? 0
    draws.append(Draw(outcome: first, weights: weights, total: total))
    return first
  }

  /// The chance of this branch's outcomes.
  public var probability: Double {
    var product = 1.0
    for draw in draws[..<made] { product *= Double(draw.weights[draw.outcome]) / Double(draw.total) }
    return product
  }

  /// Prepares the next combination of outcomes; false once every one has been played.
  public mutating func nextBranch() -> Bool {
    draws.removeLast(draws.count - made)
    made = 0
    while let last = draws.indices.last {
      let weights = draws[last].weights
      if let next = weights.indices.first(where: { $0 > draws[last].outcome && weights[$0] > 0 }) {
        draws[last].outcome = next
        return true
      }
      draws.removeLast()
    }
    return false
  }
}
