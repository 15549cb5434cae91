extension CompiledScenario {
  // The state is `inout` only so that it is read where it lies: passing a mutable state
  // to a borrowing parameter copies all of it first, which costs more than the rules.

  /// The atoms that hold in `state`: for each byte of flags, and each name (or
  /// difference), that atoms test, the table entry for its value.
  func atoms(in state: inout GameState) -> AtomSet {
    var holding = AtomSet.always
    for flags in atomFlagBytes {
      holding.formUnion(atomTable[Int(flags.table) + state.flagBits.byte(Int(flags.byte))])
    }
    // Meters and variables by table come first: read straight, with no branch.
    for term in atomTerms[..<atomValueTerms] {
      holding.formUnion(atomTable[Int(term.table) + term.entry(for: state.valueStore[Int(term.first)])])
    }
    var generic = atomTerms[atomValueTerms..<atomCounterTerms]
    let (leader, manager) = (UInt(bitPattern: state.leaderMoves), UInt(bitPattern: state.managerMoves))
    if leader < UInt(atomCounterSide) && manager < UInt(atomCounterSide) {
      holding.formUnion(atomTable[atomCounterTable + Int(leader) * atomCounterSide + Int(manager)])
    } else {
      generic = atomTerms[atomValueTerms...]
    }
    for term in generic {
      var value = read(term.first, in: &state)
      // Differences are of bounded names only, so this cannot overflow.
      if term.second >= 0 { value &-= read(term.second, in: &state) }
      var entry = 0
      if term.bounds.count == 0 {
        entry = term.entry(for: value)
      } else {
        for bound in atomBounds[term.bounds.range] { entry &+= value >= bound ? 1 : 0 }
      }
      holding.formUnion(atomTable[Int(term.table) + entry])
    }
    return holding
  }

  /// Whether a condition holds in `state`, where `atoms` are the atoms that hold there.
  @inline(__always)
  func holds(_ condition: Condition, atoms: AtomSet, in state: inout GameState) -> Bool {
    let factored = condition.atoms
    guard atoms.contains(factored.required) else { return false }
    if atoms.intersects(factored.anyOf) { return true }
    for index in factored.rest.range where atoms.contains(atomMasks[index]) { return true }
    return condition.byProgram && holds(condition.program, in: &state)
  }

  /// Whether a compiled condition holds in `state`.
  @inline(__always)
  func holds(_ program: Program, in state: inout GameState) -> Bool {
    guard program.count > 0 else { return true }
    // The commonest conditions are one instruction: run them without a stack.
    let start = Int(program.start)
    let word = code[start]
    switch Opcode.of(word) {
    case .allOf where program.count == 1 + 2 * (word >> 8): return all(word >> 8, from: start + 1, in: &state)
    case .anyOf where program.count == 1 + 2 * (word >> 8): return any(word >> 8, from: start + 1, in: &state)
    case let opcode where opcode.isFusedComparison && program.count == 2:
      return Self.compare(opcode, read(word >> 8, in: &state), Int(code[start + 1]))
    default: return evaluate(program, in: &state) != 0
    }
  }

  /// Whether all `count` comparisons from `position` hold.
  @inline(__always)
  func all(_ count: Int32, from position: Int, in state: inout GameState) -> Bool {
    for pair in 0..<Int(count) {
      let word = code[position + 2 * pair]
      if !Self.compare(Opcode.of(word), read(word >> 8, in: &state), Int(code[position + 2 * pair + 1])) { return false }
    }
    return true
  }

  /// Whether any of `count` comparisons from `position` holds.
  @inline(__always)
  func any(_ count: Int32, from position: Int, in state: inout GameState) -> Bool {
    for pair in 0..<Int(count) {
      let word = code[position + 2 * pair]
      if Self.compare(Opcode.of(word), read(word >> 8, in: &state), Int(code[position + 2 * pair + 1])) { return true }
    }
    return false
  }

  @inline(__always)
  static func compare(_ opcode: Opcode, _ value: Int, _ constant: Int) -> Bool {
    switch opcode {
    case .nameLess: value < constant
    case .nameLessOrEqual: value <= constant
    case .nameGreater: value > constant
    case .nameGreaterOrEqual: value >= constant
    case .nameEqual: value == constant
    default: value != constant
    }
  }

  @inline(__always)
  func read(_ name: Int32, in state: inout GameState) -> Int {
    if name < NameCode.turn { return state.valueStore[Int(name)] }
    if name >= NameCode.flagBase { return state.flagBits[Int(name - NameCode.flagBase)] ? 1 : 0 }
    switch name {
    case NameCode.turn: return state.turn
    case NameCode.leaderMoves: return state.leaderMoves
    default: return state.managerMoves
    }
  }

  /// Runs a program with the same arithmetic as `Expression.evaluate` (saturating, and 0
  /// for division by zero). A stack of a fixed 16 words is plain stack memory with no
  /// checks; only a scenario with deeper programs pays for sizing one.
  func evaluate(_ program: Program, in state: inout GameState) -> Int {
    if stackDepth <= 16 {
      return withUnsafeTemporaryAllocation(of: Int.self, capacity: 16) { run(program, in: &state, on: $0) }
    }
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: stackDepth) { run(program, in: &state, on: $0) }
  }

  @inline(__always)
  private func run(_ program: Program, in state: inout GameState, on stack: UnsafeMutableBufferPointer<Int>) -> Int {
    var top = 0
    var position = Int(program.start)
    let end = position + Int(program.count)
    while position < end {
      let word = code[position]
      let operand = word >> 8
      position += 1
      switch Opcode.of(word) {
      case .constant:
        stack[top] = Int(operand)
        top += 1
      case .bigConstant:
        stack[top] = constants[Int(operand)]
        top += 1
      case .name:
        stack[top] = read(operand, in: &state)
        top += 1
      case .negate: stack[top - 1] = stack[top - 1].saturatingNegated
      case .not: stack[top - 1] = stack[top - 1] == 0 ? 1 : 0
      case .abs: stack[top - 1] = stack[top - 1].saturatingMagnitude
      case .truth: stack[top - 1] = stack[top - 1] != 0 ? 1 : 0
      case .andSkip:
        if stack[top - 1] == 0 { position += Int(operand) } else { top -= 1 }
      case .orSkip:
        if stack[top - 1] != 0 {
          stack[top - 1] = 1
          position += Int(operand)
        } else {
          top -= 1
        }
      case .allOf:
        stack[top] = all(operand, from: position, in: &state) ? 1 : 0
        top += 1
        position += 2 * Int(operand)
      case .anyOf:
        stack[top] = any(operand, from: position, in: &state) ? 1 : 0
        top += 1
        position += 2 * Int(operand)
      case .nameLess, .nameLessOrEqual, .nameGreater, .nameGreaterOrEqual, .nameEqual, .nameNotEqual:
        let value = read(operand, in: &state)
        let constant = Int(code[position])
        position += 1
        stack[top] = Self.compare(Opcode.of(word), value, constant) ? 1 : 0
        top += 1
      case let binary:
        top -= 1
        stack[top - 1] = Self.apply(binary, stack[top - 1], stack[top])
      }
    }
    return stack[0]
  }

  @inline(__always)
  static func apply(_ op: Opcode, _ left: Int, _ right: Int) -> Int {
    switch op {
    case .add: left.saturatingAdding(right)
    case .subtract: left.saturatingSubtracting(right)
    case .multiply: left.saturatingMultiplied(by: right)
    case .divide: left.saturatingDivided(by: right)
    case .remainder: left.saturatingRemainder(dividingBy: right)
    case .less: left < right ? 1 : 0
    case .lessOrEqual: left <= right ? 1 : 0
    case .greater: left > right ? 1 : 0
    case .greaterOrEqual: left >= right ? 1 : 0
    case .equal: left == right ? 1 : 0
    case .notEqual: left != right ? 1 : 0
    case .and: left != 0 && right != 0 ? 1 : 0
    case .or: left != 0 || right != 0 ? 1 : 0
    case .min: Swift.min(left, right)
    case .max: Swift.max(left, right)
    default: 0
    }
  }
}
