/// Distinct packed states of one turn of an exhaustive search, with the weight that
/// reaches each, in one open-addressing table: each slot holds the key's words, the
/// probability and the path count side by side, so an insert costs one cache miss.
///
/// Iterating visits slots in order. The slot order depends only on the keys inserted
/// and their order, so the same inserts give the same order, and the same sums, in
/// every process.
final class StateTable: @unchecked Sendable {
  /// Key words per state.
  let words: Int
  /// Words per slot: the key, the probability's bits, the path count (0 marks a free slot).
  private let stride: Int
  private var slots: UnsafeMutablePointer<UInt64>
  private var capacity: Int
  private(set) var count = 0

  /// Grown past seven tenths full, so that probe runs stay short.
  static func bytesPerState(words: Int) -> Int { (words + 2) * 8 * 10 / 7 }

  /// The smallest capacity that holds `count` states without growing. Slots are found by
  /// scaling the hash, not masking it, so any capacity works and a presized table wastes
  /// nothing to rounding.
  static func capacity(for count: Int) -> Int { max(64, count * 10 / 7 + 1) }

  init(words: Int, capacity: Int = 64) {
    self.words = words
    stride = words + 2
    self.capacity = capacity
    slots = .allocate(capacity: capacity * stride)
    slots.initialize(repeating: 0, count: capacity * stride)
  }

  deinit { slots.deallocate() }

  /// Adds `weight` to the state in `key`, inserting it if it is new.
  ///
  /// - Returns: whether the state was new.
  @discardableResult
  func add(_ key: UnsafePointer<UInt64>, hash: UInt64, weight: Weight) -> Bool {
    var slot = Int(truncatingIfNeeded: hash.multipliedFullWidth(by: UInt64(capacity)).high)
    while true {
      let entry = slots + slot * stride
      if entry[words + 1] == 0 {
        for word in 0..<words { entry[word] = key[word] }
        entry[words] = weight.probability.bitPattern
        entry[words + 1] = UInt64(weight.paths)
        count += 1
        if count * 10 > capacity * 7 { grow() }
        return true
      }
      if Self.equal(entry, key, words) {
        entry[words] = (Double(bitPattern: entry[words]) + weight.probability).bitPattern
        entry[words + 1] = UInt64(Weight.sum(Int(entry[words + 1]), weight.paths))
        return false
      }
      slot += 1
      if slot == capacity { slot = 0 }
    }
  }

  /// Adds every state of `list`, in its order.
  func add(contentsOf list: StateList) {
    list.forEach { key, weight in add(key, hash: Self.hash(key, words), weight: weight) }
  }

  /// Calls `body` with each state's key and weight, in slot order.
  func forEach(_ body: (UnsafePointer<UInt64>, Weight) throws -> Void) rethrows {
    for slot in 0..<capacity {
      let entry = slots + slot * stride
      guard entry[words + 1] != 0 else { continue }
      try body(entry, Weight(probability: Double(bitPattern: entry[words]), paths: Int(entry[words + 1])))
    }
  }

  private func grow() {
    let old = slots
    let oldCapacity = capacity
    capacity *= 2
    slots = .allocate(capacity: capacity * stride)
    slots.initialize(repeating: 0, count: capacity * stride)
    count = 0
    for slot in 0..<oldCapacity {
      let entry = old + slot * stride
      guard entry[words + 1] != 0 else { continue }
      add(entry, hash: Self.hash(entry, words), weight: Weight(probability: Double(bitPattern: entry[words]), paths: Int(entry[words + 1])))
    }
    old.deallocate()
  }

  @inline(__always)
  private static func equal(_ entry: UnsafePointer<UInt64>, _ key: UnsafePointer<UInt64>, _ words: Int) -> Bool {
    for index in 0..<words where entry[index] != key[index] { return false }
    return true
  }

  /// Each word folded in with a multiply, finished with a SplitMix64 step so every bit spreads.
  @inline(__always)
  static func hash(_ key: UnsafePointer<UInt64>, _ words: Int) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    for index in 0..<words { hash = (hash ^ key[index]) &* 0xBF58_476D_1CE4_E5B9 }
    hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
    return hash ^ (hash >> 31)
  }
}

/// States and weights packed end to end with no free slots: how a shard's piece of the
/// next turn waits to be merged, at a fraction of a table's size.
final class StateList: @unchecked Sendable {
  let words: Int
  private var storage: UnsafeMutablePointer<UInt64>?
  private(set) var count = 0

  /// The states of `table`, in its slot order.
  init(_ table: StateTable) {
    words = table.words
    guard table.count > 0 else { return }
    let stride = words + 2
    let storage = UnsafeMutablePointer<UInt64>.allocate(capacity: table.count * stride)
    var entry = storage
    table.forEach { key, weight in
      for word in 0..<words { entry[word] = key[word] }
      entry[words] = weight.probability.bitPattern
      entry[words + 1] = UInt64(weight.paths)
      entry += stride
    }
    self.storage = storage
    count = table.count
  }

  deinit { storage?.deallocate() }

  func forEach(_ body: (UnsafePointer<UInt64>, Weight) -> Void) {
    guard let storage else { return }
    for index in 0..<count {
      let entry = storage + index * (words + 2)
      body(entry, Weight(probability: Double(bitPattern: entry[words]), paths: Int(entry[words + 1])))
    }
  }

  /// Lets go of the states, once merged.
  func release() {
    storage?.deallocate()
    storage = nil
    count = 0
  }
}
