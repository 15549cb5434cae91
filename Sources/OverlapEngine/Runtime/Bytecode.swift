/// Conditions compiled for the rules' inner loop: 32-bit words in one pool that every
/// condition of a scenario shares, read through a pointer, so evaluating one touches no
/// reference count and no string.
///
/// A word is an opcode in its low byte and a signed operand in the other 24 bits.
/// Names (meters, variables, flags, counters) are one `NameCode` operand. Comparing a
/// name with a constant is one fused instruction followed by the constant's word, and
/// `and`/`or` skip their right side when the left decides.
enum Opcode: UInt8 {
  /// Pushes the operand.
  case constant
  /// Pushes `constants[operand]`, for numbers that do not fit in 24 bits.
  case bigConstant
  /// Pushes the name `operand` (a `NameCode`).
  case name
  case negate, not, abs
  /// Replaces the top with 1 if it is not 0, else 0: the result of a skipped `and`/`or`.
  case truth
  case add, subtract, multiply, divide, remainder
  case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual
  case and, or, min, max
  /// If the top is 0, jumps `operand` words on, leaving the 0; else pops it.
  case andSkip
  /// If the top is not 0, makes it 1 and jumps `operand` words on; else pops it.
  case orSkip
  /// Pushes 1 if all (or any) of the `operand` comparisons that follow hold, else 0;
  /// each is a `name OP constant` pair of words. `and`/`or` chains of comparisons, the
  /// usual condition, become one instruction.
  case allOf, anyOf
  /// `name OP constant`, with the name as the operand and the constant in the next word.
  case nameLess, nameLessOrEqual, nameGreater, nameGreaterOrEqual, nameEqual, nameNotEqual

  static let operandLimit: Int32 = 1 << 23

  var isFusedComparison: Bool { rawValue >= Opcode.nameLess.rawValue }

  @inline(__always)
  static func word(_ opcode: Opcode, _ operand: Int32 = 0) -> Int32 { Int32(opcode.rawValue) | (operand << 8) }

  /// The opcode in a word's low byte. Only `CodeWriter` writes words, always with a real opcode.
  @inline(__always)
  static func of(_ word: Int32) -> Opcode { unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self) }
}

/// A name in compiled code: a value's index, a flag's index plus `flagBase`, or a counter.
enum NameCode {
  static let turn: Int32 = 0x10000
  static let leaderMoves: Int32 = 0x10001
  static let managerMoves: Int32 = 0x10002
  static let flagBase: Int32 = 0x20000

  static func isCounter(_ name: Int32) -> Bool { name >= turn && name < flagBase }

  /// Whether `first`, less `second` when it is not -1, reads only the move counters.
  static func readsOnlyCounters(_ first: Int32, _ second: Int32) -> Bool { isCounter(first) && (second < 0 || isCounter(second)) }

  static func code(_ name: Expression.Name) -> Int32 {
    switch name {
    case .value(let index): Int32(index)
    case .flag(let index): flagBase + Int32(index)
    case .builtin(.turn): turn
    case .builtin(.leaderMoves): leaderMoves
    case .builtin(.managerMoves): managerMoves
    }
  }
}

/// Where a compiled condition sits in the code pool; no words means "always holds".
struct Program: Equatable, Sendable, BitwiseCopyable {
  var start: Int32
  var count: Int32

  static let always = Program(start: 0, count: 0)
}

/// Turns expressions' postfix programs into code words.
struct CodeWriter {
  private(set) var code: [Int32] = []
  private(set) var constants: [Int] = []
  /// The deepest stack any program written needs.
  private(set) var stackDepth = 1

  /// Past this many operations a program is written as it stands, without the
  /// tree that fusing and skipping need, so no recursion is ever deep.
  static let treeLimit = 512

  mutating func write(_ expression: Expression?) -> Program {
    guard let expression else { return .always }
    let start = code.count
    stackDepth = Swift.max(stackDepth, expression.stackDepth)
    if expression.program.count <= Self.treeLimit, let tree = Node.tree(of: expression.program) {
      emit(tree)
    } else {
      for op in expression.program { emit(op) }
    }
    return Program(start: Int32(start), count: Int32(code.count - start))
  }

  /// An expression's postfix program as a tree, for the writers that look at its shape.
  indirect enum Node {
    case leaf(Expression.Op)
    case unary(Expression.Op, Node)
    case binary(Expression.Op, Node, Node)

    static func tree(of program: [Expression.Op]) -> Node? {
      var stack: [Node] = []
      for op in program {
        switch op {
        case .constant, .value, .flag, .builtin: stack.append(.leaf(op))
        case .negate, .not, .abs:
          guard let operand = stack.popLast() else { return nil }
          stack.append(.unary(op, operand))
        default:
          guard let right = stack.popLast(), let left = stack.popLast() else { return nil }
          stack.append(.binary(op, left, right))
        }
      }
      return stack.count == 1 ? stack[0] : nil
    }

    var name: Int32? {
      switch self {
      case .leaf(.value(let index)): NameCode.code(.value(index))
      case .leaf(.flag(let index)): NameCode.code(.flag(index))
      case .leaf(.builtin(let builtin)): NameCode.code(.builtin(builtin))
      default: nil
      }
    }

    var smallConstant: Int32? {
      if case .leaf(.constant(let number)) = self { Int32(exactly: number) } else { nil }
    }

    /// The node as one `name OP constant` test of truth, where it is one: a comparison of
    /// a name with a small constant, `not name`, or a bare name.
    var comparison: (opcode: Opcode, name: Int32, constant: Int32)? {
      switch self {
      case .binary(let op, let left, let right):
        if let fused = CodeWriter.fused(op), let name = left.name, let constant = right.smallConstant {
          return (fused, name, constant)
        }
        if let fused = CodeWriter.fused(CodeWriter.mirrored(op)), let name = right.name, let constant = left.smallConstant {
          return (fused, name, constant)
        }
        return nil
      case .unary(.not, let operand): return operand.name.map { (.nameEqual, $0, 0) }
      case .leaf: return name.map { (.nameNotEqual, $0, 0) }
      default: return nil
      }
    }

    /// The operands of a chain of one operator, `a and b and c`, left to right.
    func chain(of op: Expression.Op) -> [Node] {
      var operands: [Node] = []
      var pending = [self]
      while let node = pending.popLast() {
        if case .binary(op, let left, let right) = node {
          pending += [right, left]
        } else {
          operands.append(node)
        }
      }
      return operands
    }
  }

  private mutating func emit(_ node: Node) {
    switch node {
    case .leaf(let op): emit(op)
    case .unary(let op, let operand):
      emit(operand)
      emit(op)
    case .binary(.and, _, _): emitChain(node.chain(of: .and), group: .allOf, skip: .andSkip)
    case .binary(.or, _, _): emitChain(node.chain(of: .or), group: .anyOf, skip: .orSkip)
    case .binary(let op, let left, let right):
      if let (fused, name, constant) = node.comparison {
        code += [Opcode.word(fused, name), constant]
      } else {
        emit(left)
        emit(right)
        emit(op)
      }
    }
  }

  /// An `and` (or `or`) chain: its simple comparisons first, as one grouped instruction
  /// (conditions have no side effects, so order does not matter), then the rest, each
  /// skipped once the answer is known.
  private mutating func emitChain(_ operands: [Node], group: Opcode, skip: Opcode) {
    let comparisons = operands.compactMap(\.comparison)
    let rest = operands.filter { $0.comparison == nil }
    var parts = 0
    if !comparisons.isEmpty {
      code.append(Opcode.word(group, Int32(comparisons.count)))
      for (opcode, name, constant) in comparisons { code += [Opcode.word(opcode, name), constant] }
      parts = 1
    }
    var jumps: [Int] = []
    for operand in rest {
      if parts > 0 {
        jumps.append(code.count)
        code.append(0)
      }
      emit(operand)
      parts += 1
    }
    guard !jumps.isEmpty else {
      if comparisons.isEmpty { code.append(Opcode.word(.truth)) }
      return
    }
    code.append(Opcode.word(.truth))
    for jump in jumps { code[jump] = Opcode.word(skip, Int32(code.count - jump - 1)) }
  }

  private mutating func emit(_ op: Expression.Op) {
    switch op {
    case .constant(let number):
      if number > -Int(Opcode.operandLimit), number < Int(Opcode.operandLimit) {
        code.append(Opcode.word(.constant, Int32(number)))
      } else {
        code.append(Opcode.word(.bigConstant, Int32(constants.count)))
        constants.append(number)
      }
    case .value(let index): code.append(Opcode.word(.name, NameCode.code(.value(index))))
    case .flag(let index): code.append(Opcode.word(.name, NameCode.code(.flag(index))))
    case .builtin(let builtin): code.append(Opcode.word(.name, NameCode.code(.builtin(builtin))))
    case .negate: code.append(Opcode.word(.negate))
    case .not: code.append(Opcode.word(.not))
    case .abs: code.append(Opcode.word(.abs))
    case .add: code.append(Opcode.word(.add))
    case .subtract: code.append(Opcode.word(.subtract))
    case .multiply: code.append(Opcode.word(.multiply))
    case .divide: code.append(Opcode.word(.divide))
    case .remainder: code.append(Opcode.word(.remainder))
    case .less: code.append(Opcode.word(.less))
    case .lessOrEqual: code.append(Opcode.word(.lessOrEqual))
    case .greater: code.append(Opcode.word(.greater))
    case .greaterOrEqual: code.append(Opcode.word(.greaterOrEqual))
    case .equal: code.append(Opcode.word(.equal))
    case .notEqual: code.append(Opcode.word(.notEqual))
    case .and: code.append(Opcode.word(.and))
    case .or: code.append(Opcode.word(.or))
    case .min: code.append(Opcode.word(.min))
    case .max: code.append(Opcode.word(.max))
    }
  }

  fileprivate static func fused(_ op: Expression.Op) -> Opcode? {
    switch op {
    case .less: .nameLess
    case .lessOrEqual: .nameLessOrEqual
    case .greater: .nameGreater
    case .greaterOrEqual: .nameGreaterOrEqual
    case .equal: .nameEqual
    case .notEqual: .nameNotEqual
    default: nil
    }
  }

  /// The comparison with its sides swapped: `5 < x` is `x > 5`.
  static func mirrored(_ op: Expression.Op) -> Expression.Op {
    switch op {
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    default: op
    }
  }
}
