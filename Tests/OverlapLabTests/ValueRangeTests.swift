import OverlapEngine
import Testing

@testable import OverlapLab

/// Interval evaluation must hold every value the engine can compute, or the linter
/// would call a reachable condition impossible.
@Suite struct ValueRangeTests {
  static let sources = [
    "x + y", "x - y", "x * y", "x / y", "x % y", "-x", "abs(x)", "not x", "min(x, y)", "max(x, y)",
    "x < y", "x <= y", "x > y", "x >= y", "x == y", "x != y", "x and y", "x or y",
    "(x * 3 - y) / (y - 2)", "abs(x - y) % (x + 1)", "not (x < 3 or y >= x) and x != 0",
  ]

  /// Ranges around zero and at the extremes, where the rules change.
  static let ranges = [
    ValueRange(lower: -5, upper: 5), ValueRange(lower: 0, upper: 0), ValueRange(lower: 1, upper: 7),
    ValueRange(lower: -9, upper: -2), ValueRange(lower: 0, upper: 100), ValueRange(lower: -1, upper: 0),
    ValueRange(lower: 3, upper: 3), ValueRange(lower: Int.max - 2, upper: Int.max), ValueRange(lower: Int.min, upper: Int.min + 2),
  ]

  @Test(arguments: sources)
  func rangesHoldEveryValue(source: String) throws {
    let expression = try Expression(source) { name in
      name == "x" ? .value(0) : name == "y" ? .value(1) : nil
    }
    var generator = SplitMix64(seed: 11)
    for xs in Self.ranges {
      for ys in Self.ranges {
        let range = expression.range { name in name == .value(0) ? xs : ys }
        for _ in 0..<40 {
          let x = Self.pick(in: xs, &generator)
          let y = Self.pick(in: ys, &generator)
          let value = expression.evaluate { name in name == .value(0) ? x : y }
          #expect(range.lower <= value && value <= range.upper, "\(source) with x=\(x) in \(xs), y=\(y) in \(ys) gave \(value), outside \(range)")
        }
      }
    }
  }

  /// A value in `range`, often one of its ends.
  static func pick(in range: ValueRange, _ generator: inout SplitMix64) -> Int {
    switch generator.below(4) {
    case 0: return range.lower
    case 1: return range.upper
    default:
      let width = UInt64(bitPattern: Int64(range.upper &- range.lower))
      guard width < UInt64(Int.max) else { return range.lower }
      return range.lower + generator.below(Int(width) + 1)
    }
  }

  @Test func verdictsAreExactForSimpleComparisons() throws {
    let meter = ValueRange(lower: 0, upper: 100)
    #expect(ValueRange.less(meter, ValueRange(exactly: 0)) == .false)
    #expect(ValueRange.lessOrEqual(meter, ValueRange(exactly: 100)) == .true)
    #expect(ValueRange.less(meter, ValueRange(exactly: 50)) == .boolean)
    #expect(ValueRange.equal(ValueRange(exactly: 3), ValueRange(exactly: 3)) == .true)
    #expect(ValueRange(lower: 2, upper: 5).divided(by: ValueRange(exactly: 0)) == .false)
    #expect(ValueRange(lower: 10, upper: 20).divided(by: ValueRange(lower: 2, upper: 5)) == ValueRange(lower: 2, upper: 10))
    #expect(ValueRange(lower: 0, upper: 4).remainder(by: ValueRange(exactly: 7)) == ValueRange(lower: 0, upper: 4))
    #expect((ValueRange(exactly: .max) + ValueRange(exactly: 1)) == ValueRange(exactly: .max))
    #expect(ValueRange(lower: 0, upper: .max).description == "0..")
  }
}
