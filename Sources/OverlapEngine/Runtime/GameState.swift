/// Everything about a game in progress, including the random generator, so that
/// a state can be copied, compared and resumed exactly.
///
/// Nothing in it lives on the heap: values sit in inline storage, flags and fired events
/// in bit sets, and delayed effects in a small inline queue. Copying a state is a plain
/// memory copy, which is what lets the lab play millions
/// of moves a second on every core without contending for reference counts.
public struct GameState: Sendable, BitwiseCopyable {
  /// The most meters and variables, flags and events a scenario may declare; the loader
  /// refuses more, at the declaration that passes the limit.
  public static let valueCapacity = 32
  public static let flagCapacity = BitSet256.capacity
  public static let eventCapacity = BitSet256.capacity
  /// The most delayed effects that may wait at once; the loader refuses a scenario
  /// whose `mostDelayedEffectsWaiting` is more.
  public static let pendingCapacity = PendingQueue.capacity

  /// A delayed effect waiting to land.
  public struct Pending: Codable, Hashable, Sendable {
    /// The move count at whose end it lands.
    public var due: Int
    public var source: Source
    /// Index into the source's `later` list.
    public var index: Int
    /// Percentage of its gains it keeps (the balance rule at the time it was played).
    public var strength: Int

    public init(due: Int, source: Source, index: Int, strength: Int) {
      self.due = due
      self.source = source
      self.index = index
      self.strength = strength
    }
  }

  /// What caused a change: a choice or an event, by index.
  public enum Source: Codable, Hashable, Sendable {
    case choice(Int)
    case event(Int)
  }

  public var rng: SplitMix64
  public var scene: Int
  /// Moves played so far: always `leaderMoves + managerMoves`, which the rules rely on.
  public var moves: Int
  public var leaderMoves: Int
  public var managerMoves: Int
  public var lastStyle: Style?
  /// How many moves in a row have had `lastStyle`.
  public var streak: Int
  /// Set when the game is over.
  public var ending: Int?

  /// Meters, then variables, as laid out in `Scenario.values`; `valueCount` are in use.
  @usableFromInline var valueStore: InlineArray<32, Int>
  @usableFromInline var flagBits: BitSet256
  @usableFromInline var firedBits: BitSet256
  var waiting: PendingQueue
  let valueCount: Int32
  let flagCount: Int32
  let eventCount: Int32

  init(rng: SplitMix64, scene: Int, values: [Int], flags: [Bool], events: Int) {
    precondition(values.count <= Self.valueCapacity && flags.count <= Self.flagCapacity && events <= Self.eventCapacity)
    self.rng = rng
    self.scene = scene
    moves = 0
    leaderMoves = 0
    managerMoves = 0
    lastStyle = nil
    streak = 0
    ending = nil
    valueStore = InlineArray(repeating: 0)
    for (index, value) in values.enumerated() { valueStore[index] = value }
    flagBits = BitSet256()
    for (index, flag) in flags.enumerated() { flagBits[index] = flag }
    firedBits = BitSet256()
    waiting = PendingQueue()
    valueCount = Int32(values.count)
    flagCount = Int32(flags.count)
    eventCount = Int32(events)
  }

  // Inlinable, so that the lab reads a state where it lies instead of calling across
  // modules with a copy of it.
  @inlinable public var isFinished: Bool { ending != nil }
  /// The turn being played now (1 before the first move).
  @inlinable public var turn: Int { moves + 1 }

  @inlinable public func value(_ index: Int) -> Int { valueStore[index] }
  @inlinable public func flag(_ index: Int) -> Bool { flagBits[index] }
  @inlinable public func fired(_ event: Int) -> Bool { firedBits[event] }

  public func meter(_ meter: Meter) -> Int { valueStore[meter.rawValue] }
  public var meters: [Int] { Meter.allCases.map(meter) }

  /// Every meter and variable, in `Scenario.values` order. A copy, for screens and
  /// reports; the rules read `value(_:)`.
  public var values: [Int] {
    get { (0..<Int(valueCount)).map { valueStore[$0] } }
    set { for (index, value) in newValue.prefix(Int(valueCount)).enumerated() { valueStore[index] = value } }
  }

  public var flags: [Bool] {
    get { (0..<Int(flagCount)).map { flagBits[$0] } }
    set { for (index, flag) in newValue.prefix(Int(flagCount)).enumerated() { flagBits[index] = flag } }
  }

  public var firedEvents: [Bool] { (0..<Int(eventCount)).map { firedBits[$0] } }

  /// The delayed effects waiting to land, oldest first.
  public var pending: [Pending] { (0..<waiting.count).map { waiting[$0].pending } }
  public var pendingCount: Int { waiting.count }
  public func pending(at position: Int) -> Pending { waiting[position].pending }
}

extension GameState {
  // For the lab, which rebuilds states it stored packed; the rules never need these.

  public mutating func setValue(_ index: Int, _ value: Int) { valueStore[index] = value }
  public mutating func setFlag(_ index: Int, _ value: Bool) { flagBits[index] = value }
  public mutating func setFired(_ event: Int, _ value: Bool) { firedBits[event] = value }
  /// Adds a delayed effect at the end of the queue.
  public mutating func queue(_ pending: Pending) { waiting.append(PendingQueue.Entry(pending)) }
}

extension GameState: Hashable {
  public static func == (left: GameState, right: GameState) -> Bool {
    left.rng == right.rng && left.scene == right.scene && left.moves == right.moves
      && left.leaderMoves == right.leaderMoves && left.managerMoves == right.managerMoves
      && left.lastStyle == right.lastStyle && left.streak == right.streak && left.ending == right.ending
      && left.values == right.values && left.flagBits == right.flagBits && left.firedBits == right.firedBits
      && left.waiting == right.waiting
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(rng)
    hasher.combine(scene)
    hasher.combine(moves)
    hasher.combine(values)
    hasher.combine(flagBits)
    hasher.combine(firedBits)
  }
}

extension GameState {
  /// The value a name in an expression or a text stands for: flags read as 1 or 0.
  @inline(__always)
  func read(_ name: Expression.Name) -> Int {
    switch name {
    case .value(let index): valueStore[index]
    case .flag(let index): flagBits[index] ? 1 : 0
    case .builtin(.turn): turn
    case .builtin(.leaderMoves): leaderMoves
    case .builtin(.managerMoves): managerMoves
    }
  }
}
