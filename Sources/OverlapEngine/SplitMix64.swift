/// The project's own seeded generator, so results never depend on the standard library's.
///
/// SplitMix64 (Steele, Lea and Flood, 2014): one 64-bit word of state, fast, and
/// good enough for game dice. The state is saved with the game.
public struct SplitMix64: Codable, Hashable, Sendable, BitwiseCopyable {
  public private(set) var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound`, without modulo bias (Lemire's method).
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }
}

/// Where chance rolls come from. Normal play uses the seeded generator; exhaustive
/// exploration forces each outcome in turn instead.
public protocol Dice {
  /// True with probability `percent` in 100.
  mutating func roll(percent: Int) -> Bool
  /// An index into `weights`, each picked with probability `weights[i]` in `total`, their sum.
  mutating func pick(weights: UnsafeBufferPointer<Int>, total: Int) -> Int
}

extension Dice {
  public mutating func pick(weights: [Int], total: Int) -> Int {
    weights.withUnsafeBufferPointer { pick(weights: $0, total: total) }
  }
}

extension SplitMix64: Dice {
  public mutating func roll(percent: Int) -> Bool {
    below(100) < percent
  }

  public mutating func pick(weights: UnsafeBufferPointer<Int>, total: Int) -> Int {
    var draw = below(total)
    for (index, weight) in weights.enumerated() {
      if draw < weight { return index }
      draw -= weight
    }
    return weights.count - 1
  }
}
