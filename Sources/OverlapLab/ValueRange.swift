import OverlapEngine

/// The values a number can take, as a closed interval. `Int.min` and `Int.max` are both
/// real values and "no bound": the engine's arithmetic saturates there.
struct ValueRange: Equatable, Sendable, CustomStringConvertible {
  var lower: Int
  var upper: Int

  static let any = ValueRange(lower: .min, upper: .max)
  static let boolean = ValueRange(lower: 0, upper: 1)
  static let `true` = ValueRange(exactly: 1)
  static let `false` = ValueRange(exactly: 0)

  init(lower: Int, upper: Int) {
    self.lower = lower
    self.upper = upper
  }

  init(exactly value: Int) {
    self.init(lower: value, upper: value)
  }

  /// Both ends widened to take in `other`.
  func union(_ other: ValueRange) -> ValueRange {
    ValueRange(lower: min(lower, other.lower), upper: max(upper, other.upper))
  }

  /// As a condition: 0 is false and anything else is true.
  var canBeTrue: Bool { lower != 0 || upper != 0 }
  var canBeFalse: Bool { lower <= 0 && 0 <= upper }

  var description: String {
    if lower == upper { return String(lower) }
    let low = lower == .min ? "" : String(lower)
    let high = upper == .max ? "" : String(upper)
    return "\(low)..\(high)"
  }

  static func truth(canBeTrue: Bool, canBeFalse: Bool) -> ValueRange {
    canBeTrue ? (canBeFalse ? .boolean : .true) : .false
  }
}

// MARK: - Arithmetic

// The engine saturates at the ends of `Int` (see `Int.saturatingAdding`), and saturated
// operations stay monotone, so the corners of the operands bound every result exactly.
extension ValueRange {
  /// The smallest range holding every `operation(a, b)` for corner values. Sound for
  /// operations monotone in each argument.
  static func corners(_ left: ValueRange, _ right: ValueRange, _ operation: (Int, Int) -> Int) -> ValueRange {
    var lowest = Int.max
    var highest = Int.min
    for a in [left.lower, left.upper] {
      for b in [right.lower, right.upper] {
        let value = operation(a, b)
        lowest = min(lowest, value)
        highest = max(highest, value)
      }
    }
    return ValueRange(lower: lowest, upper: highest)
  }

  static func + (left: ValueRange, right: ValueRange) -> ValueRange {
    corners(left, right) { $0.saturatingAdding($1) }
  }

  static func - (left: ValueRange, right: ValueRange) -> ValueRange {
    corners(left, right) { $0.saturatingSubtracting($1) }
  }

  static func * (left: ValueRange, right: ValueRange) -> ValueRange {
    corners(left, right) { $0.saturatingMultiplied(by: $1) }
  }

  var negated: ValueRange {
    ValueRange(lower: upper.saturatingNegated, upper: lower.saturatingNegated)
  }

  var absolute: ValueRange {
    if lower >= 0 { return self }
    if upper <= 0 { return negated }
    return ValueRange(lower: 0, upper: max(lower.saturatingMagnitude, upper))
  }

  /// Division as the engine does it: truncating, saturating, and 0 when dividing by 0.
  func divided(by divisor: ValueRange) -> ValueRange {
    var result: ValueRange?
    func include(_ range: ValueRange) { result = result.map { $0.union(range) } ?? range }
    if divisor.lower <= 0 && 0 <= divisor.upper { include(.false) }
    // For a divisor of one sign, truncating division is monotone in each argument.
    if divisor.upper >= 1 {
      include(Self.corners(self, ValueRange(lower: max(divisor.lower, 1), upper: divisor.upper)) { $0.saturatingDivided(by: $1) })
    }
    if divisor.lower <= -1 {
      include(Self.corners(self, ValueRange(lower: divisor.lower, upper: min(divisor.upper, -1))) { $0.saturatingDivided(by: $1) })
    }
    return result ?? .any
  }

  /// Remainder as the engine does it: the sign of the dividend, and 0 for a divisor of 0.
  func remainder(by divisor: ValueRange) -> ValueRange {
    if lower == .min || divisor.lower == .min { return .any }
    let largest = max(abs(divisor.lower), abs(divisor.upper))
    if largest == 0 { return .false }
    if lower >= 0 && upper < min(abs(divisor.lower), abs(divisor.upper)) && !(divisor.lower <= 0 && 0 <= divisor.upper) {
      return self
    }
    return ValueRange(lower: lower < 0 ? max(lower, -(largest - 1)) : 0, upper: upper > 0 ? min(upper, largest - 1) : 0)
  }
}

// MARK: - Comparison and logic

extension ValueRange {
  static func less(_ left: ValueRange, _ right: ValueRange) -> ValueRange {
    truth(canBeTrue: left.lower < right.upper, canBeFalse: left.upper >= right.lower)
  }

  static func lessOrEqual(_ left: ValueRange, _ right: ValueRange) -> ValueRange {
    truth(canBeTrue: left.lower <= right.upper, canBeFalse: left.upper > right.lower)
  }

  static func equal(_ left: ValueRange, _ right: ValueRange) -> ValueRange {
    let overlap = left.lower <= right.upper && right.lower <= left.upper
    let same = left.lower == left.upper && left == right
    return truth(canBeTrue: overlap, canBeFalse: !same)
  }

  static func and(_ left: ValueRange, _ right: ValueRange) -> ValueRange {
    truth(canBeTrue: left.canBeTrue && right.canBeTrue, canBeFalse: left.canBeFalse || right.canBeFalse)
  }

  static func or(_ left: ValueRange, _ right: ValueRange) -> ValueRange {
    truth(canBeTrue: left.canBeTrue || right.canBeTrue, canBeFalse: left.canBeFalse && right.canBeFalse)
  }

  var not: ValueRange {
    ValueRange.truth(canBeTrue: canBeFalse, canBeFalse: canBeTrue)
  }
}

// MARK: - Expressions

extension Expression {
  /// Every value the expression can take when each name stays within the range `read` gives.
  ///
  /// Names are treated as independent, so the answer may be wider than the truth
  /// (`x - x` gives more than 0), but never narrower: "never true" here is certain.
  func range(_ read: (Expression.Name) -> ValueRange) -> ValueRange {
    var stack: [ValueRange] = []
    for op in program {
      switch op {
      case .constant(let number): stack.append(ValueRange(exactly: number))
      case .value(let index): stack.append(read(.value(index)))
      case .flag(let index): stack.append(read(.flag(index)))
      case .builtin(let builtin): stack.append(read(.builtin(builtin)))
      case .negate, .not, .abs:
        guard let operand = stack.popLast() else { return .any }
        stack.append(op == .negate ? operand.negated : op == .not ? operand.not : operand.absolute)
      default:
        guard let right = stack.popLast(), let left = stack.popLast() else { return .any }
        stack.append(Self.combine(op, left, right))
      }
    }
    return stack.last ?? .any
  }

  static func combine(_ op: Op, _ left: ValueRange, _ right: ValueRange) -> ValueRange {
    switch op {
    case .add: left + right
    case .subtract: left - right
    case .multiply: left * right
    case .divide: left.divided(by: right)
    case .remainder: left.remainder(by: right)
    case .less: ValueRange.less(left, right)
    case .lessOrEqual: ValueRange.lessOrEqual(left, right)
    case .greater: ValueRange.less(right, left)
    case .greaterOrEqual: ValueRange.lessOrEqual(right, left)
    case .equal: ValueRange.equal(left, right)
    case .notEqual: ValueRange.equal(left, right).not
    case .and: ValueRange.and(left, right)
    case .or: ValueRange.or(left, right)
    case .min: ValueRange(lower: min(left.lower, right.lower), upper: min(left.upper, right.upper))
    case .max: ValueRange(lower: max(left.lower, right.lower), upper: max(left.upper, right.upper))
    default: .any
    }
  }

  /// The names the expression reads, in order of first use.
  var names: [Expression.Name] {
    var seen: [Expression.Name] = []
    for op in program {
      let name: Expression.Name? =
        switch op {
        case .value(let index): .value(index)
        case .flag(let index): .flag(index)
        case .builtin(let builtin): .builtin(builtin)
        default: nil
        }
      if let name, !seen.contains(name) { seen.append(name) }
    }
    return seen
  }
}
