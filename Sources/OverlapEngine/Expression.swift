/// A condition or value written by a scenario author, compiled once at load time.
///
/// The compiled form is a flat postfix program, so evaluating it in `explore`'s
/// inner loop is plain arithmetic over the state's arrays, with no allocation.
public struct Expression: Hashable, Sendable {
  /// The text the author wrote, for messages and the linter.
  public let source: String
  public let program: [Op]
  let stackDepth: Int

  public enum Builtin: String, Hashable, Sendable, CaseIterable {
    case turn
    case leaderMoves = "leader_moves"
    case managerMoves = "manager_moves"
  }

  public enum Op: Hashable, Sendable {
    case constant(Int)
    /// A meter or variable, by its index in `GameState.values`.
    case value(Int)
    /// A flag, by its index in `GameState.flags`: 1 when set, else 0.
    case flag(Int)
    case builtin(Builtin)
    case negate, not, abs
    case add, subtract, multiply, divide, remainder
    case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual
    case and, or, min, max
  }

  /// What a name in an expression refers to.
  public enum Name: Hashable, Sendable {
    case value(Int)
    case flag(Int)
    case builtin(Builtin)
  }

  /// An expression that is always the given constant.
  public init(constant: Int) {
    source = String(constant)
    program = [.constant(constant)]
    stackDepth = 1
  }

  /// Parses `source`, resolving names with `lookup`.
  ///
  /// - Throws: `ExpressionError` with the character offset of the problem.
  public init(_ source: String, lookup: (String) -> Name?) throws(ExpressionError) {
    let program = try withoutActuallyEscaping(lookup) { lookup throws(ExpressionError) in
      var parser = ExpressionParser(source: source, lookup: lookup)
      return try parser.parseAll()
    }
    self.source = source
    self.program = program
    self.stackDepth = Expression.depth(of: program)
  }

  /// The condition of an `elif` or `else` paragraph: none of `earlier` holds, and `own`
  /// does (an `else` has none). Compiled into one program, so the rules and `check`'s
  /// range analysis need nothing new.
  public init(noneOf earlier: [Expression], then own: Expression?) {
    var program: [Op] = []
    var parts: [String] = []
    for condition in earlier {
      program += condition.program + [.not]
      if !parts.isEmpty { program.append(.and) }
      parts.append("not (\(condition.source))")
    }
    if let own {
      program += own.program
      if !parts.isEmpty { program.append(.and) }
      parts.append("(\(own.source))")
    }
    if program.isEmpty { program = [.constant(1)] }
    self.source = parts.isEmpty ? "true" : parts.joined(separator: " and ")
    self.program = program
    self.stackDepth = Expression.depth(of: program)
  }

  /// The value when the program has no names: used to fold constants and spot
  /// conditions that are fixed.
  public var constantValue: Int? {
    for op in program {
      switch op {
      case .value, .flag, .builtin: return nil
      default: continue
      }
    }
    return evaluate { _ in 0 }
  }

  /// Evaluates with `read` supplying names (values, flags and builtins).
  @inline(__always)
  public func evaluate(_ read: (Name) -> Int) -> Int {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: stackDepth) { stack in
      var top = 0
      for op in program {
        switch op {
        case .constant(let number): stack[top] = number; top += 1
        case .value(let index): stack[top] = read(.value(index)); top += 1
        case .flag(let index): stack[top] = read(.flag(index)); top += 1
        case .builtin(let builtin): stack[top] = read(.builtin(builtin)); top += 1
        case .negate: stack[top - 1] = stack[top - 1].saturatingNegated
        case .not: stack[top - 1] = stack[top - 1] == 0 ? 1 : 0
        case .abs: stack[top - 1] = stack[top - 1].saturatingMagnitude
        default:
          top -= 1
          let right = stack[top]
          let left = stack[top - 1]
          stack[top - 1] = Expression.apply(op, left, right)
        }
      }
      return stack[0]
    }
  }

  @inline(__always)
  static func apply(_ op: Op, _ left: Int, _ right: Int) -> Int {
    switch op {
    // Saturating, and 0 for division by zero: a scenario must never crash the engine.
    case .add: return left.saturatingAdding(right)
    case .subtract: return left.saturatingSubtracting(right)
    case .multiply: return left.saturatingMultiplied(by: right)
    case .divide: return left.saturatingDivided(by: right)
    case .remainder: return left.saturatingRemainder(dividingBy: right)
    case .less: return left < right ? 1 : 0
    case .lessOrEqual: return left <= right ? 1 : 0
    case .greater: return left > right ? 1 : 0
    case .greaterOrEqual: return left >= right ? 1 : 0
    case .equal: return left == right ? 1 : 0
    case .notEqual: return left != right ? 1 : 0
    case .and: return left != 0 && right != 0 ? 1 : 0
    case .or: return left != 0 || right != 0 ? 1 : 0
    case .min: return Swift.min(left, right)
    case .max: return Swift.max(left, right)
    default: return 0
    }
  }

  static func depth(of program: [Op]) -> Int {
    var depth = 0
    var deepest = 1
    for op in program {
      switch op {
      case .constant, .value, .flag, .builtin: depth += 1
      case .negate, .not, .abs: break
      default: depth -= 1
      }
      deepest = Swift.max(deepest, depth)
    }
    return deepest
  }
}

/// A problem in an expression, at a character offset into its source.
public struct ExpressionError: Error, Equatable, Sendable {
  public let message: String
  public let offset: Int
}
