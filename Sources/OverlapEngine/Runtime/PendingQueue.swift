/// The delayed effects of a game, oldest first: up to `inlineCapacity` inline, the rest
/// (a rare, long-delay game) in an overflow array that a normal game never allocates.
struct PendingQueue: Equatable, Sendable {
  static let inlineCapacity = 8

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

  private var inline = InlineArray<8, Entry>(repeating: Entry(due: 0, source: 0, index: 0, strength: 0))
  private var overflow: [Entry]?
  private(set) var count = 0
  /// The earliest `due` waiting, so that a move with nothing due skips the queue.
  private var soonest = Int32.max

  var isEmpty: Bool { count == 0 }

  @inline(__always)
  subscript(position: Int) -> Entry {
    position < Self.inlineCapacity ? inline[position] : overflow![position - Self.inlineCapacity]
  }

  mutating func append(_ entry: Entry) {
    if count < Self.inlineCapacity {
      inline[count] = entry
    } else {
      if overflow == nil { overflow = [] }
      overflow!.append(entry)
    }
    count += 1
    soonest = min(soonest, entry.due)
  }

  /// Removes and returns the next entry from `position` on that is due after `moves`
  /// moves, leaving `position` where the search should go on. Mutating only so that it
  /// reads the queue in place.
  @inline(__always)
  mutating func takeDue(by moves: Int, from position: inout Int) -> Entry? {
    guard soonest <= moves else { return nil }
    while position < count {
      let entry = self[position]
      if entry.due <= moves {
        remove(at: position)
        return entry
      }
      position += 1
    }
    return nil
  }

  /// Removes the entry at `position`, keeping the order of the rest.
  mutating func remove(at position: Int) {
    let removed = self[position].due
    for index in position..<(count - 1) {
      let next = self[index + 1]
      if index < Self.inlineCapacity { inline[index] = next } else { overflow![index - Self.inlineCapacity] = next }
    }
    count -= 1
    if count >= Self.inlineCapacity { overflow!.removeLast() }
    if overflow?.isEmpty == true { overflow = nil }
    // Only taking away the earliest entry can make the rest's earliest later.
    guard removed == soonest else { return }
    soonest = .max
    for index in 0..<count { soonest = min(soonest, self[index].due) }
  }

  static func == (left: PendingQueue, right: PendingQueue) -> Bool {
    guard left.count == right.count else { return false }
    for index in 0..<left.count where left[index] != right[index] { return false }
    return true
  }
}
