/// The delayed effects of a game, oldest first, inline, so that copying a game is a
/// plain memory copy. The loader refuses a scenario in which more than `capacity` could
/// be waiting at once (`Scenario.mostDelayedEffectsWaiting`).
struct PendingQueue: Equatable, Sendable, BitwiseCopyable {
  typealias Storage = InlineArray<16, Entry>
  static let capacity = Storage.count

  /// One delayed effect in twelve bytes.
  struct Entry: Equatable, Sendable, BitwiseCopyable {
    var due: Int32
    /// A choice's index, or an event's index as `~index`.
    var source: Int32
    /// Index into the source's `later` list.
    var index: UInt16
    var strength: UInt8

    init(due: Int32, source: Int32, index: UInt16, strength: UInt8) {
      self.due = due
      self.source = source
      self.index = index
      self.strength = strength
    }

    init(_ pending: GameState.Pending) {
      due = Int32(clamping: pending.due)
      switch pending.source {
      case .choice(let choice): source = Int32(choice)
      case .event(let event): source = ~Int32(event)
      }
      index = UInt16(pending.index)
      strength = UInt8(pending.strength)
    }

    var pending: GameState.Pending {
      GameState.Pending(
        due: Int(due), source: source >= 0 ? .choice(Int(source)) : .event(Int(~source)), index: Int(index),
        strength: Int(strength))
    }
  }

  private var entries = Storage(repeating: Entry(due: 0, source: 0, index: 0, strength: 0))
  private(set) var count = 0
  /// The earliest `due` waiting, so that a move with nothing due skips the queue.
  private var soonest = Int32.max

  var isEmpty: Bool { count == 0 }

  @inline(__always)
  subscript(position: Int) -> Entry { entries[position] }

  /// Adds an entry at the end; past `capacity` it traps, which the loader's bound rules out.
  mutating func append(_ entry: Entry) {
    entries[count] = entry
    count += 1
    soonest = min(soonest, entry.due)
  }

  /// Whether some entry is due after `moves` moves.
  @inline(__always)
  func hasDue(by moves: Int) -> Bool { soonest <= moves }

  /// Writes `entry` at `position`, which is below `count`: how landing keeps, in order,
  /// the entries that are not due, over the ones that landed.
  @inline(__always)
  mutating func place(_ entry: Entry, at position: Int) { entries[position] = entry }

  /// Keeps the first `kept` entries, after landing has moved the rest down.
  mutating func truncate(to kept: Int) {
    count = kept
    soonest = .max
    for index in 0..<count { soonest = min(soonest, self[index].due) }
  }

  static func == (left: PendingQueue, right: PendingQueue) -> Bool {
    guard left.count == right.count else { return false }
    for index in 0..<left.count where left[index] != right[index] { return false }
    return true
  }
}
