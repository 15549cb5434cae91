/// 256 bits held inline, for a game's flags and fired events: copying a state copies
/// four words and touches no reference count.
public struct BitSet256: Hashable, Sendable, BitwiseCopyable {
  public static let capacity = 256

  @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

  public init() {}

  @inlinable
  public subscript(index: Int) -> Bool {
    get { word(index >> 6) & (1 << UInt64(index & 63)) != 0 }
    set {
      let bit: UInt64 = 1 << UInt64(index & 63)
      let old = word(index >> 6)
      setWord(index >> 6, newValue ? old | bit : old & ~bit)
    }
  }

  @inlinable
  func word(_ index: Int) -> UInt64 {
    switch index {
    case 0: words.0
    case 1: words.1
    case 2: words.2
    default: words.3
    }
  }

  @inlinable
  mutating func setWord(_ index: Int, _ value: UInt64) {
    switch index {
    case 0: words.0 = value
    case 1: words.1 = value
    case 2: words.2 = value
    default: words.3 = value
    }
  }

  /// Bits `8 * index` to `8 * index + 7`, as a number.
  @inline(__always)
  func byte(_ index: Int) -> Int { Int(truncatingIfNeeded: word(index >> 3) >> UInt64((index & 7) * 8)) & 0xFF }

  /// Sets every bit of `set`, then clears every bit of `clear`: the order the rules use.
  @inline(__always)
  mutating func apply(set: BitSet256, clear: BitSet256) {
    words.0 = (words.0 | set.words.0) & ~clear.words.0
    words.1 = (words.1 | set.words.1) & ~clear.words.1
    words.2 = (words.2 | set.words.2) & ~clear.words.2
    words.3 = (words.3 | set.words.3) & ~clear.words.3
  }

  public static func == (left: BitSet256, right: BitSet256) -> Bool {
    left.words.0 == right.words.0 && left.words.1 == right.words.1
      && left.words.2 == right.words.2 && left.words.3 == right.words.3
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
    hasher.combine(words.2)
    hasher.combine(words.3)
  }
}
