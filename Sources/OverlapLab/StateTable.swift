import OverlapEngine

/// The distinct states of one turn of an exhaustive search, packed into one byte
/// buffer with an open-addressing index, plus the weight that reaches each.
///
/// A `GameState` in a dictionary costs four heap arrays and a few hundred bytes;
/// packed, a state takes a few dozen bytes and no allocation of its own, which is
/// what lets millions of states fit. States keep the order in which they were first
/// reached, so sums are formed in the same order in every process.
struct StateTable {
  private(set) var bytes: [UInt8] = []
  /// Where each state's bytes start; the next state's start (or the end) is where they stop.
  private(set) var starts: [Int] = []
  private(set) var hashes: [UInt64] = []
  private(set) var weights: [Weight] = []
  /// State number plus one, or 0 for an empty slot; the count is a power of two.
  private var slots: [Int32] = Array(repeating: 0, count: 1024)

  var count: Int { starts.count }

  /// Adds `weight` to the packed state in `key`, inserting it if it is new.
  ///
  /// - Returns: whether the state was new.
  @discardableResult
  mutating func add(_ key: ArraySlice<UInt8>, hash: UInt64, weight: Weight) -> Bool {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let state = Int(slots[slot]) - 1
      if hashes[state] == hash, matches(state, key) {
        weights[state].add(weight)
        return false
      }
      slot = (slot + 1) & mask
    }
    slots[slot] = Int32(truncatingIfNeeded: count + 1)
    starts.append(bytes.count)
    bytes.append(contentsOf: key)
    hashes.append(hash)
    weights.append(weight)
    if count * 2 > slots.count { grow() }
    return true
  }

  mutating func add(_ key: ArraySlice<UInt8>, weight: Weight) {
    add(key, hash: Self.hash(key), weight: weight)
  }

  /// Adds every state of `other`, after this table's own.
  mutating func add(contentsOf other: StateTable) {
    for index in 0..<other.count { add(other.key(index), hash: other.hashes[index], weight: other.weights[index]) }
  }

  /// The packed bytes of state `index`.
  func key(_ index: Int) -> ArraySlice<UInt8> {
    bytes[starts[index]..<(index + 1 < count ? starts[index + 1] : bytes.count)]
  }

  private func matches(_ state: Int, _ key: ArraySlice<UInt8>) -> Bool {
    let stored = self.key(state)
    return stored.count == key.count && stored.elementsEqual(key)
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for state in 0..<count {
      var slot = Int(truncatingIfNeeded: hashes[state]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(truncatingIfNeeded: state + 1)
    }
  }

  /// FNV-1a over the bytes, finished with a SplitMix64 step so the low bits spread well.
  static func hash(_ key: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key {
      hash ^= UInt64(byte)
      hash &*= 0x100_0000_01b3
    }
    hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
    return hash ^ (hash >> 31)
  }
}

// MARK: - Packing

/// Packs a `GameState` without its generator (exhaustive search forces chance instead)
/// into bytes, and back. Numbers are zigzag LEB128, so meters take a
/// byte each; flags and fired events take a bit each.
enum StatePacking {
  /// Packs the parts of `state` that can change what happens next: what `reads` says
  /// no condition will read again packs as zero, and a streak past the balance limit
  /// packs as the limit, so states that differ only there merge.
  static func pack(_ state: GameState, keeping reads: FutureReads, into key: inout [UInt8]) {
    key.removeAll(keepingCapacity: true)
    let scene = state.scene
    let counts = reads.moveCounts[scene]
    write(scene, to: &key)
    write(state.moves, to: &key)
    write(counts ? state.leaderMoves : 0, to: &key)
    write(counts ? state.managerMoves : 0, to: &key)
    write(state.lastStyle.map { $0 == .leader ? 1 : 2 } ?? 0, to: &key)
    write(min(state.streak, reads.streakLimit), to: &key)
    write(state.ending.map { $0 + 1 } ?? 0, to: &key)
    for (index, value) in state.values.enumerated() { write(reads.values[scene][index] ? value : 0, to: &key) }
    writeBits(state.flags, keeping: reads.flags[scene], to: &key)
    writeBits(state.firedEvents, to: &key)
    write(state.pending.count, to: &key)
    for pending in state.pending {
      write(pending.due, to: &key)
      switch pending.source {
      case .choice(let index): write(index * 2, to: &key)
      case .event(let index): write(index * 2 + 1, to: &key)
      }
      write(pending.index, to: &key)
      write(pending.strength, to: &key)
    }
  }

  /// Fills `state` from `key`, reusing its arrays; its generator becomes `rng`.
  /// `state` must already have the scenario's numbers of values, flags and events.
  static func unpack(_ key: ArraySlice<UInt8>, into state: inout GameState, rng: SplitMix64) {
    var position = key.startIndex
    func next() -> Int { read(key, at: &position) }
    state.rng = rng
    state.scene = next()
    state.moves = next()
    state.leaderMoves = next()
    state.managerMoves = next()
    let style = next()
    state.lastStyle = style == 0 ? nil : style == 1 ? .leader : .manager
    state.streak = next()
    let ending = next()
    state.ending = ending == 0 ? nil : ending - 1
    for index in state.values.indices { state.values[index] = next() }
    readBits(key, at: &position, into: &state.flags)
    readBits(key, at: &position, into: &state.firedEvents)
    let pending = next()
    state.pending.removeAll(keepingCapacity: true)
    for _ in 0..<pending {
      let due = next()
      let source = next()
      let index = next()
      let strength = next()
      state.pending.append(GameState.Pending(
        due: due, from: source % 2 == 0 ? .choice(source / 2) : .event(source / 2), effect: index, strength: strength))
    }
  }

  @inline(__always)
  static func write(_ number: Int, to key: inout [UInt8]) {
    var zigzag = UInt64(bitPattern: Int64((number << 1) ^ (number >> 63)))
    while zigzag >= 0x80 {
      key.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
      zigzag >>= 7
    }
    key.append(UInt8(zigzag))
  }

  @inline(__always)
  static func read(_ key: ArraySlice<UInt8>, at position: inout Int) -> Int {
    var zigzag: UInt64 = 0
    var shift: UInt64 = 0
    while position < key.endIndex {
      let byte = key[position]
      position += 1
      zigzag |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    return Int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
  }

  static func writeBits(_ bits: [Bool], keeping mask: [Bool]? = nil, to key: inout [UInt8]) {
    var byte: UInt8 = 0
    for (index, bit) in bits.enumerated() {
      if bit && mask?[index] ?? true { byte |= 1 << UInt8(index % 8) }
      if index % 8 == 7 {
        key.append(byte)
        byte = 0
      }
    }
    if bits.count % 8 != 0 { key.append(byte) }
  }

  static func readBits(_ key: ArraySlice<UInt8>, at position: inout Int, into bits: inout [Bool]) {
    for index in bits.indices {
      bits[index] = key[position + index / 8] & (1 << UInt8(index % 8)) != 0
    }
    position += (bits.count + 7) / 8
  }
}
