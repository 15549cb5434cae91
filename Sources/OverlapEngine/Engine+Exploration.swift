// MARK: - Fast paths for the scenario lab

// `explore` plays millions of moves a second. These reach the same rules as
// `legalChoices(in:)` and `choose(_:in:)`, but write into buffers the caller reuses,
// and are non-generic so the compiler specialises `apply` here, inside the engine.

extension Engine {
  /// Writes the choices the player may pick now into `buffer`, in the order shown.
  /// The state is `inout` only so that it is read in place rather than copied.
  public func legalChoices(in state: inout GameState, into buffer: inout [Int]) {
    buffer.removeAll(keepingCapacity: true)
    guard !state.isFinished else { return }
    let atoms = runtime.atoms(in: &state)
    for position in runtime.scenes[state.scene].choices.range {
      let choice = Int(runtime.sceneLists[position])
      if runtime.holds(runtime.choices[choice].condition, atoms: atoms, in: &state) { buffer.append(choice) }
    }
  }

  /// Plays `choice` with the state's own generator, recording nothing.
  public func advance(_ choice: Int, in state: inout GameState) {
    var dice = state.rng
    var recorder = IgnoreTurn()
    apply(choice, to: &state, dice: &dice, recorder: &recorder)
    state.rng = dice
  }

  /// Plays `choice` with the state's own generator and writes the choices the player may
  /// pick next into `legal` (none once the game is over): what `legalChoices` would give,
  /// without checking the offers a second time.
  public func advance(_ choice: Int, in state: inout GameState, offering legal: inout [Int]) {
    var dice = state.rng
    var recorder = CollectOffers()
    swap(&recorder.choices, &legal)
    apply(choice, to: &state, dice: &dice, recorder: &recorder)
    swap(&recorder.choices, &legal)
    // One at a time: cheaper than `removeAll(keepingCapacity:)` for the few a scene has.
    while legal.count > recorder.count { legal.removeLast() }
    state.rng = dice
  }

  /// Plays `choice` with chance outcomes forced by `dice`, recording nothing.
  public func advance(_ choice: Int, in state: inout GameState, dice: inout ScriptedDice) {
    var recorder = IgnoreTurn()
    apply(choice, to: &state, dice: &dice, recorder: &recorder)
  }

  /// Plays `choice` with chance outcomes forced by `dice`, noting which events fire.
  public func advance(_ choice: Int, in state: inout GameState, dice: inout ScriptedDice, noting events: inout FiredEvents) {
    apply(choice, to: &state, dice: &dice, recorder: &events)
  }
}

/// Notes which events fired and nothing else: exhaustive search reports what some branch
/// reached without keeping fired bits that nothing reads in its states.
public struct FiredEvents: TurnRecorder {
  public var fired: [Bool]

  public init(count: Int) { fired = Array(repeating: false, count: count) }

  // Read first: writing to an array checks that it is not shared, every time.
  @inline(__always) public mutating func firing(_ event: Int) { if !fired[event] { fired[event] = true } }
}

/// Hears the choices the next scene offers and nothing else, writing them over the
/// front of `choices`; the first `count` are this move's.
struct CollectOffers: TurnRecorder {
  var choices: [Int] = []
  var count = 0

  static var collectsOffers: Bool { true }
  @inline(__always) mutating func offered(_ choice: Int) {
    if count < choices.count { choices[count] = choice } else { choices.append(choice) }
    count += 1
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
  /// One draw: a roll (outcome 1 is a hit, 0 a miss) or a pick among weighted outcomes,
  /// whose weights sit in `weights` from `start`; a roll of `p` has the weights `100 - p, p`.
  struct Draw {
    var outcome: Int
    var start: Int
    var count: Int
    var total: Int
    /// The outcome's weight over `total`, worked out when the outcome is chosen, not per branch.
    var chance = 0.0

    mutating func choose(_ outcome: Int, weights: [Int]) {
      self.outcome = outcome
      chance = Double(weights[start + outcome]) / Double(total)
    }
  }

  /// The outcomes of the branch being played; later draws are added on their first outcome.
  private var draws: [Draw] = []
  /// Every draw's weights, one after another, so that a draw allocates nothing.
  private var weights: [Int] = []
  /// Draws made since the branch started.
  public private(set) var made = 0

  public init() {}

  public mutating func roll(percent: Int) -> Bool {
    if let outcome = replayed() { return outcome == 1 }
    weights.append(100 - percent)
    weights.append(percent)
    return begin(count: 2, total: 100) == 1
  }

  public mutating func pick(weights outcomes: UnsafeBufferPointer<Int>, total: Int) -> Int {
    if let outcome = replayed() { return outcome }
    weights.append(contentsOf: outcomes)
    return begin(count: outcomes.count, total: total)
  }

  /// The outcome already chosen for this draw, when the branch has one.
  private mutating func replayed() -> Int? {
    guard made < draws.count else { return nil }
    made += 1
    return draws[made - 1].outcome
  }

  /// A new draw over the last `count` weights, on its first outcome that can happen
  /// (weight 0 is never a branch of its own).
  private mutating func begin(count: Int, total: Int) -> Int {
    let start = weights.count - count
    let first = (0..<count).first { weights[start + $0] > 0 } ?? 0
    var draw = Draw(outcome: first, start: start, count: count, total: total)
    draw.choose(first, weights: weights)
    draws.append(draw)
    made += 1
    return first
  }

  /// The chance of this branch's outcomes.
  public var probability: Double {
    var product = 1.0
    for draw in draws[..<made] { product *= draw.chance }
    return product
  }

  /// Prepares the next combination of outcomes; false once every one has been played.
  public mutating func nextBranch() -> Bool {
    drop(draws.count - made)
    made = 0
    while let last = draws.last {
      if let next = ((last.outcome + 1)..<last.count).first(where: { weights[last.start + $0] > 0 }) {
        draws[draws.count - 1].choose(next, weights: weights)
        return true
      }
      drop(1)
    }
    return false
  }

  // Usually there is nothing to drop, and asking an array to remove nothing still costs a call.
  private mutating func drop(_ count: Int) {
    guard count > 0 else { return }
    draws.removeLast(count)
    let kept = draws.last.map { $0.start + $0.count } ?? 0
    if weights.count > kept { weights.removeLast(weights.count - kept) }
  }
}
