/// Recursive-descent parser for the condition language, emitting postfix ops.
///
/// Precedence, loosest first: `or`, `and`, `not`, comparisons, `+ -`, `* / %`, unary `-`.
struct ExpressionParser {
  enum Token: Equatable {
    case number(Int)
    case name(String)
    case symbol(String)
    case end
  }

  let characters: [Character]
  let lookup: (String) -> Expression.Name?
  var position = 0
  var token: Token = .end
  var tokenStart = 0
  var program: [Expression.Op] = []
  /// How many brackets, `not`s, signs and function calls enclose the current token.
  var depth = 0

  /// Deeper nesting than any author writes; the limit keeps hostile input from
  /// overflowing the stack of this recursive parser.
  static let maximumDepth = 256

  static let functions: [String: Expression.Op] = ["min": .min, "max": .max, "abs": .abs]
  static let comparisons: [String: Expression.Op] = [
    "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    "==": .equal, "!=": .notEqual,
  ]

  init(source: String, lookup: @escaping (String) -> Expression.Name?) {
    characters = Array(source)
    self.lookup = lookup
  }

  mutating func parseAll() throws(ExpressionError) -> [Expression.Op] {
    try advance()
    if token == .end { throw ExpressionError(message: "empty expression", offset: 0) }
    try parseOr()
    if token != .end {
      throw fail("unexpected \(describe(token)); expected an operator such as 'and', 'or', '<' or '+'")
    }
    return program
  }

  // MARK: - Grammar

  mutating func parseOr() throws(ExpressionError) {
    try parseAnd()
    while token == .name("or") {
      try advance()
      try parseAnd()
      program.append(.or)
    }
  }

  mutating func parseAnd() throws(ExpressionError) {
    try parseNot()
    while token == .name("and") {
      try advance()
      try parseNot()
      program.append(.and)
    }
  }

  mutating func parseNot() throws(ExpressionError) {
    if token == .name("not") {
      try advance()
      try nested { parser throws(ExpressionError) in try parser.parseNot() }
      program.append(.not)
    } else {
      try parseComparison()
    }
  }

  mutating func parseComparison() throws(ExpressionError) {
    try parseSum()
    if case .symbol(let symbol) = token, let op = Self.comparisons[symbol] {
      try advance()
      try parseSum()
      program.append(op)
      if case .symbol(let next) = token, Self.comparisons[next] != nil {
        throw fail("comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'")
      }
    }
  }

  mutating func parseSum() throws(ExpressionError) {
    try parseProduct()
    while case .symbol(let symbol) = token, symbol == "+" || symbol == "-" {
      try advance()
      try parseProduct()
      program.append(symbol == "+" ? .add : .subtract)
    }
  }

  mutating func parseProduct() throws(ExpressionError) {
    try parseUnary()
    while case .symbol(let symbol) = token, symbol == "*" || symbol == "/" || symbol == "%" {
      try advance()
      if symbol == "%" && !startsOperand(token) {
        throw fail("'%' is the remainder after dividing; for a percentage write the number alone, as in 'morale > 50'")
      }
      try parseUnary()
      program.append(symbol == "*" ? .multiply : symbol == "/" ? .divide : .remainder)
    }
  }

  mutating func parseUnary() throws(ExpressionError) {
    if token == .symbol("-") {
      try advance()
      try nested { parser throws(ExpressionError) in try parser.parseUnary() }
      program.append(.negate)
    } else if token == .symbol("+") {
      try advance()
      try nested { parser throws(ExpressionError) in try parser.parseUnary() }
    } else {
      try parseAtom()
    }
  }

  mutating func parseAtom() throws(ExpressionError) {
    switch token {
    case .number(let number):
      program.append(.constant(number))
      try advance()
    case .symbol("("):
      try advance()
      try nested { parser throws(ExpressionError) in try parser.parseOr() }
      try expect(")")
    case .name(let name):
      try parseName(name)
    default:
      throw fail("expected a number, a name or '(' but found \(describe(token))")
    }
  }

  mutating func parseName(_ name: String) throws(ExpressionError) {
    let start = tokenStart
    if ["and", "or", "not"].contains(name) {
      throw fail("'\(name)' needs a value before it")
    }
    try advance()
    if let function = Self.functions[name] {
      try expect("(")
      try nested { parser throws(ExpressionError) in
        try parser.parseOr()
        if function != .abs {
          try parser.expect(",")
          try parser.parseOr()
        }
      }
      try expect(")")
      program.append(function)
      return
    }
    switch name {
    case "true": program.append(.constant(1))
    case "false": program.append(.constant(0))
    default:
      switch lookup(name) {
      case .value(let index): program.append(.value(index))
      case .flag(let index): program.append(.flag(index))
      case .builtin(let builtin): program.append(.builtin(builtin))
      case nil where token == .symbol("("):
        let guess = closestMatch(to: name, in: Self.functions.keys.sorted()).map { "did you mean '\($0)'? " } ?? ""
        throw ExpressionError(message: "unknown function '\(name)'; \(guess)the functions are min, max and abs", offset: start)
      case nil: throw ExpressionError(message: "unknown name '\(name)'", offset: start)
      }
    }
  }

  /// Runs `parse` one level deeper, refusing nesting past `maximumDepth`.
  mutating func nested(_ parse: (inout ExpressionParser) throws(ExpressionError) -> Void) throws(ExpressionError) {
    guard depth < Self.maximumDepth else { throw fail("expression nested too deeply (more than \(Self.maximumDepth) levels)") }
    depth += 1
    defer { depth -= 1 }
    try parse(&self)
  }

  // MARK: - Tokens

  func startsOperand(_ token: Token) -> Bool {
    switch token {
    case .number, .name: true
    case .symbol(let symbol): ["(", "-", "+"].contains(symbol)
    case .end: false
    }
  }

  mutating func expect(_ symbol: String) throws(ExpressionError) {
    guard token == .symbol(symbol) else {
      throw fail("expected '\(symbol)' but found \(describe(token))")
    }
    try advance()
  }

  func fail(_ message: String) -> ExpressionError {
    ExpressionError(message: message, offset: tokenStart)
  }

  func describe(_ token: Token) -> String {
    switch token {
    case .number(let number): return "'\(number)'"
    case .name(let name): return "'\(name)'"
    case .symbol(let symbol): return "'\(symbol)'"
    case .end: return "the end of the expression"
    }
  }

  mutating func advance() throws(ExpressionError) {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
    tokenStart = position
    guard position < characters.count else {
      token = .end
      return
    }
    let character = characters[position]
    if character.isASCII, character.isNumber {
      var number = 0
      while position < characters.count, characters[position].isASCII, let digit = characters[position].wholeNumberValue {
        let (product, overflow1) = number.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = product.addingReportingOverflow(digit)
        if overflow1 || overflow2 { throw fail("number is too large") }
        number = sum
        position += 1
      }
      token = .number(number)
    } else if character.isLetter || character == "_" {
      var name = ""
      while position < characters.count,
        characters[position].isLetter || characters[position].isNumber || characters[position] == "_"
      {
        name.append(characters[position])
        position += 1
      }
      token = .name(name)
    } else {
      let pair = position + 1 < characters.count ? String([character, characters[position + 1]]) : ""
      if ["<=", ">=", "==", "!="].contains(pair) {
        token = .symbol(pair)
        position += 2
      } else if "<>+-*/%(),".contains(character) {
        token = .symbol(String(character))
        position += 1
      } else if pair == "=>" || pair == "=<" {
        throw fail("write '\(pair == "=>" ? ">=" : "<=")' for '\(pair == "=>" ? "at least" : "at most")'")
      } else if character == "=" {
        throw fail("use '==' to compare two values")
      } else if pair == "&&" || pair == "||" {
        throw fail("write '\(pair == "&&" ? "and" : "or")' instead of '\(pair)'")
      } else if character == "!" {
        throw fail("write 'not' instead of '!'")
      } else {
        throw fail("unexpected character '\(character)'")
      }
    }
  }
}
