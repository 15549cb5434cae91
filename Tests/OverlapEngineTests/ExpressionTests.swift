import Testing

@testable import OverlapEngine

@Suite struct ExpressionTests {
  /// Names for tests: morale=0, efficiency=1 as values; ready as a flag; plus builtins.
  static func lookup(_ name: String) -> Expression.Name? {
    switch name {
    case "morale": .value(0)
    case "efficiency": .value(1)
    case "ready": .flag(0)
    case "turn": .builtin(.turn)
    default: nil
    }
  }

  func evaluate(_ source: String, morale: Int = 40, efficiency: Int = 70, ready: Bool = true, turn: Int = 3) throws -> Int {
    let expression = try Expression(source, lookup: Self.lookup)
    return expression.evaluate { name in
      switch name {
      case .value(0): morale
      case .value(_): efficiency
      case .flag: ready ? 1 : 0
      case .builtin: turn
      }
    }
  }

  @Test(arguments: [
    ("1 + 2 * 3", 7),
    ("(1 + 2) * 3", 9),
    ("10 - 4 - 3", 3),
    ("7 / 2", 3),
    ("-7 / 2", -3),
    ("7 % 3", 1),
    ("5 / 0", 0),
    ("5 % 0", 0),
    ("-morale", -40),
    ("--3", 3),
    ("min(morale, efficiency)", 40),
    ("max(morale, efficiency) + 1", 71),
    ("abs(morale - efficiency)", 30),
    ("morale < efficiency", 1),
    ("morale >= 40", 1),
    ("morale > 40", 0),
    ("morale == 40 and efficiency != 70", 0),
    ("morale == 40 or efficiency != 70", 1),
    ("not ready", 0),
    ("not morale > 50", 1),
    ("ready and turn == 3", 1),
    ("true and not false", 1),
    ("morale + efficiency > 100 or ready and false", 1),
  ])
  func evaluates(source: String, expected: Int) throws {
    #expect(try evaluate(source) == expected)
  }

  @Test func andBindsTighterThanOr() throws {
    // If 'or' bound tighter this would be (1 or 0) and 0 = 0.
    #expect(try evaluate("1 or 0 and 0") == 1)
  }

  @Test(arguments: [
    ("", "empty expression", 0),
    ("morale >", "expected a number, a name or '(' but found the end of the expression", 8),
    ("moral > 3", "unknown name 'moral'", 0),
    ("morale = 3", "use '==' to compare two values", 7),
    ("morale && ready", "write 'and' instead of '&&'", 7),
    ("!ready", "write 'not' instead of '!'", 0),
    ("(morale > 3", "expected ')' but found the end of the expression", 11),
    ("1 < 2 < 3", "comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'", 6),
    ("morale 3", "unexpected '3'; expected an operator such as 'and', 'or', '<' or '+'", 7),
    ("min(1)", "expected ',' but found ')'", 5),
    ("99999999999999999999", "number is too large", 0),
    ("morale # 2", "unexpected character '#'", 7),
  ])
  func reportsErrorsWithOffsets(source: String, message: String, offset: Int) {
    #expect(throws: ExpressionError(message: message, offset: offset)) {
      try Expression(source, lookup: Self.lookup)
    }
  }

  @Test func constantsFold() throws {
    #expect(try Expression("2 * 3 > 5", lookup: Self.lookup).constantValue == 1)
    #expect(try Expression("morale > 5", lookup: Self.lookup).constantValue == nil)
  }

  /// Messages that say what the author meant, never a "fix" that changes the meaning.
  @Test(arguments: [
    ("morale => 5", "write '>=' for 'at least'"),
    ("morale =< 5", "write '<=' for 'at most'"),
    ("morale = 5", "use '==' to compare two values"),
    ("mn(morale, 3) > 1", "unknown function 'mn'; did you mean 'min'? the functions are min, max and abs"),
    ("average(morale) > 1", "unknown function 'average'; the functions are min, max and abs"),
    ("50% > morale", "'%' is the remainder after dividing; for a percentage write the number alone, as in 'morale > 50'"),
  ])
  func mistakesGetAdviceThatKeepsTheMeaning(source: String, message: String) {
    #expect(throws: ExpressionError.self) { try Expression(source, lookup: Self.lookup) }
    do {
      _ = try Expression(source, lookup: Self.lookup)
    } catch {
      #expect(error.message == message)
    }
  }

  @Test func overflowSaturatesInsteadOfTrapping() throws {
    #expect(try evaluate("9223372036854775807 + 1") == Int.max)
    #expect(try evaluate("(0 - 9223372036854775807 - 1) / (0 - 1)") == Int.max)
  }
}
