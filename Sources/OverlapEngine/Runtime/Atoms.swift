/// Conditions as sets of simple tests, so that checking one costs a mask test.
///
/// Most conditions compare a name, or the difference of two, with constants, joined by
/// `and`, `or` and `not`. Each distinct comparison is an atom, with a bit in an
/// `AtomSet`. Where the rules check conditions, they first work out which atoms hold,
/// name by name: a name's comparisons split its values into intervals, and a table gives
/// the atoms that hold in each. A condition, written as an `or` of `and`s of atoms,
/// holds when the atoms that hold include all of one of its terms. A condition the atoms
/// cannot express (products, `min`, deep nesting) keeps its bytecode.
struct AtomSet: Equatable, Sendable, BitwiseCopyable {
  static let capacity = 128
  /// The last atom holds everywhere, so that "always" is a mask like any other.
  static let always = AtomSet(low: 0, high: 1 << 63)

  var low: UInt64 = 0
  var high: UInt64 = 0

  mutating func insert(_ atom: Int) {
    if atom < 64 { low |= 1 << UInt64(atom) } else { high |= 1 << UInt64(atom - 64) }
  }

  @inline(__always)
  mutating func formUnion(_ other: AtomSet) {
    low |= other.low
    high |= other.high
  }

  /// Whether every atom of `other` is here.
  @inline(__always)
  func contains(_ other: AtomSet) -> Bool { low & other.low == other.low && high & other.high == other.high }

  /// Whether some atom of `other` is here.
  @inline(__always)
  func intersects(_ other: AtomSet) -> Bool { low & other.low | high & other.high != 0 }

  func intersection(_ other: AtomSet) -> AtomSet { AtomSet(low: low & other.low, high: high & other.high) }
  func subtracting(_ other: AtomSet) -> AtomSet { AtomSet(low: low & ~other.low, high: high & ~other.high) }
  var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }
}

/// A condition by atoms, factored so that the usual checks are two mask tests: it holds
/// when every `required` atom holds and then any `anyOf` atom, or all of one `rest` term.
struct AtomCondition: Sendable, BitwiseCopyable {
  var required = AtomSet()
  var anyOf = AtomSet()
  /// Into `atomMasks`: terms of more than one atom beyond those required.
  var rest = CompiledScenario.Span(start: 0, count: 0)
}

/// A name, or the difference of two, and the atoms that hold for each of its values.
///
/// Its atoms split its values into intervals at their edges. When the edges are close
/// together the table has an entry for every value from `low` (one below the first edge)
/// to the last edge, and a value outside reads the nearest end, which stands for every
/// value beyond it. Otherwise `bounds` lists the edges, and a value's interval is the
/// number of edges at or below it.
struct AtomTerm: Sendable, BitwiseCopyable {
  /// `NameCode`s; `second` is -1 for a single name.
  var first: Int32
  var second: Int32
  /// Empty for a table by value.
  var bounds: CompiledScenario.Span
  var low: Int
  /// Into `atomTable`, with `size` entries.
  var table: Int32
  var size: Int32

  /// Whether it reads only the move counters.
  var isCounter: Bool { NameCode.readsOnlyCounters(first, second) }

  /// Whether it is one meter or variable with a table by value.
  var isReadByValue: Bool { first < NameCode.turn && second < 0 && bounds.count == 0 }

  /// A value's entry in a table by value: the ends stand for everything beyond them.
  @inline(__always)
  func entry(for value: Int) -> Int {
    // Unsigned, so that no value, however far from `low`, overflows.
    let offset = UInt(bitPattern: value &- low)
    return value <= low ? 0 : Int(truncatingIfNeeded: min(offset, UInt(size - 1)))
  }
}

/// Eight flags read as one byte, with a table of the atoms that hold for each of the 256
/// settings: all the atoms that test those flags.
struct AtomFlagByte: Sendable, BitwiseCopyable {
  /// Flags `8 * byte` to `8 * byte + 7`.
  var byte: Int32
  /// Into `atomTable`, with 256 entries.
  var table: Int32
}

/// Turns conditions into atoms at load time.
struct AtomWriter {
  /// `first - second` (or `first` alone) lying in `low...high`, or outside it when `negated`.
  struct Atom: Hashable {
    var first: Int32
    var second: Int32
    var low: Int
    var high: Int
    var negated: Bool

    func holds(at value: Int) -> Bool { (low...high).contains(value) != negated }

    /// Whether it reads only the move counters.
    var isCounter: Bool { NameCode.readsOnlyCounters(first, second) }
  }

  /// Past this many terms in `or` form a condition keeps its bytecode.
  static let termLimit = 16
  /// Constants, and names that take part in arithmetic, stay within this, so that the
  /// atoms' arithmetic is exact where the author's saturates.
  static let magnitudeLimit = 1 << 40

  static func isSmall(_ number: Int) -> Bool { number >= -magnitudeLimit && number <= magnitudeLimit }

  /// Every atom but the one that always holds.
  static let atomLimit = AtomSet.capacity - 1

  /// Whether a name's values stay within `magnitudeLimit`.
  let isBounded: (Int32) -> Bool
  private(set) var atoms: [Atom] = []
  private var numbers: [Atom: Int] = [:]
  /// Every condition's `rest` terms, one after another.
  private(set) var masks: [AtomSet] = []

  init(isBounded: @escaping (Int32) -> Bool) {
    self.isBounded = isBounded
  }

  /// The condition by atoms, or nil when atoms cannot express it or there is no room for
  /// its new atoms.
  mutating func write(_ expression: Expression?) -> AtomCondition? {
    var terms: [[Atom]] = [[]]
    if let expression {
      guard expression.program.count <= CodeWriter.treeLimit, let tree = CodeWriter.Node.tree(of: expression.program),
        let found = normalForm(tree, negated: false)
      else { return nil }
      terms = found
    }
    let fresh = Set(terms.joined()).filter { numbers[$0] == nil }
    guard atoms.count + fresh.count <= Self.atomLimit else { return nil }
    let sets = terms.map { term in
      var mask = AtomSet()
      for atom in term { mask.insert(number(of: atom)) }
      return mask
    }
    return factored(sets)
  }

  /// `or` of `sets` with the atoms they all share taken out, single atoms gathered into
  /// one mask, and the longer terms those make redundant dropped. No terms never holds.
  private mutating func factored(_ sets: [AtomSet]) -> AtomCondition {
    var condition = AtomCondition()
    guard let first = sets.first else { return condition }
    condition.required = sets.dropFirst().reduce(first) { $0.intersection($1) }
    var longer: [AtomSet] = []
    for set in sets {
      let own = set.subtracting(condition.required)
      switch own.count {
      case 0:
        // This term needs only what all need: the rest add nothing.
        condition.anyOf = .always
        return condition
      case 1: condition.anyOf.formUnion(own)
      default: longer.append(own)
      }
    }
    longer.removeAll { $0.intersects(condition.anyOf) }
    condition.rest = CompiledScenario.Span(start: Int32(masks.count), count: Int32(longer.count))
    masks += longer
    return condition
  }

  private mutating func number(of atom: Atom) -> Int {
    if let known = numbers[atom] { return known }
    atoms.append(atom)
    numbers[atom] = atoms.count - 1
    return atoms.count - 1
  }

  /// Values apart at which a table by value stops paying for itself.
  static let directLimit = 512

  /// Everything the rules need to work out which atoms hold.
  struct Tables {
    /// Terms of one meter or variable read by value first, `valueTerms` of them; terms
    /// of the move counters alone last, from `counterTerms` on.
    var terms: [AtomTerm] = []
    var valueTerms = 0
    var counterTerms = 0
    /// Flag bytes, then interval edges, then every table, one after another.
    var flagBytes: [AtomFlagByte] = []
    var bounds: [Int] = []
    var table: [AtomSet] = []
    /// Where the table by leader and manager moves starts, `counterSide` squared
    /// entries: one lookup for every counter term, in any game that has not outrun it.
    var counterTable = 0
    var counterSide = 0
  }

  /// The largest table by leader and manager moves worth building.
  static let counterTableLimit = 4096

  /// The tables for every atom written, in a scenario whose games last up to `maxTurns` moves.
  func tables(maxTurns: Int) -> Tables {
    var result = Tables()
    var terms: [AtomTerm] = []
    var order: [[Int32]] = []
    var members: [[Int32]: [Int]] = [:]
    for (number, atom) in atoms.enumerated() {
      // Flags group by byte; any other name, or difference, is its own term.
      let key = atom.second < 0 && atom.first >= NameCode.flagBase ? [(atom.first - NameCode.flagBase) / 8] : [atom.first, atom.second]
      if members[key] == nil { order.append(key) }
      members[key, default: []].append(number)
    }
    for key in order {
      let numbers = members[key] ?? []
      if key.count == 1 {
        result.flagBytes.append(AtomFlagByte(byte: key[0], table: Int32(result.table.count)))
        for setting in 0..<256 {
          var holding = AtomSet()
          for number in numbers {
            let flag = Int(atoms[number].first - NameCode.flagBase) % 8
            if atoms[number].holds(at: setting >> flag & 1) { holding.insert(number) }
          }
          result.table.append(holding)
        }
        continue
      }
      let edges = Set(numbers.flatMap { number -> [Int] in
        let atom = atoms[number]
        return (atom.low > .min ? [atom.low] : []) + (atom.high < .max ? [atom.high + 1] : [])
      }).sorted()
      func holding(at value: Int) -> AtomSet {
        var holding = AtomSet()
        for number in numbers where atoms[number].holds(at: value) { holding.insert(number) }
        return holding
      }
      var term = AtomTerm(
        first: key[0], second: key[1], bounds: CompiledScenario.Span(start: Int32(result.bounds.count), count: 0), low: 0,
        table: Int32(result.table.count), size: 0)
      // Edges come from constants within `magnitudeLimit`, so their difference cannot overflow.
      let direct = edges.first.map { first in (edges.last ?? first) - first < Self.directLimit }
      if let first = edges.first, let last = edges.last, direct == true {
        // From one below the first edge, which stands for everything below, to the last.
        term.low = first - 1
        result.table += (first - 1...last).map(holding)
      } else {
        term.bounds.count = Int32(edges.count)
        result.bounds += edges
        // Interval 0 runs from Int.min; interval i from the i-th edge.
        result.table += ([Int.min] + edges).map(holding)
      }
      term.size = Int32(result.table.count) - term.table
      terms.append(term)
    }
    let byValue = terms.filter(\.isReadByValue)
    let counters = terms.filter(\.isCounter)
    let rest = terms.filter { !$0.isReadByValue && !$0.isCounter }
    result.terms = byValue + rest + counters
    result.valueTerms = byValue.count
    result.counterTerms = byValue.count + rest.count
    let side = maxTurns + 1
    if !counters.isEmpty, side * side <= Self.counterTableLimit {
      result.counterTable = result.table.count
      result.counterSide = side
      result.table += counterEntries(side: side)
    }
    return result
  }

  /// The counter atoms that hold after each number of leader moves (the row) and manager
  /// moves (the column), each below `side`. The turn is one more than the moves played.
  private func counterEntries(side: Int) -> [AtomSet] {
    (0..<side * side).map { entry in
      var holding = AtomSet()
      for number in atoms.indices where atoms[number].isCounter {
        let atom = atoms[number]
        let value = Self.counter(atom.first, entry / side, entry % side) - (atom.second < 0 ? 0 : Self.counter(atom.second, entry / side, entry % side))
        if atom.holds(at: value) { holding.insert(number) }
      }
      return holding
    }
  }

  /// A move counter's value after `leader` leader moves and `manager` manager moves.
  private static func counter(_ name: Int32, _ leader: Int, _ manager: Int) -> Int {
    switch name {
    case NameCode.turn: leader + manager + 1
    case NameCode.leaderMoves: leader
    default: manager
    }
  }

  // MARK: - From a tree to an `or` of `and`s

  /// The node's truth (its negation when `negated`) as terms of atoms, or nil.
  private func normalForm(_ node: CodeWriter.Node, negated: Bool) -> [[Atom]]? {
    switch node {
    case .unary(.not, let operand):
      return normalForm(operand, negated: !negated)
    case .binary(.and, let left, let right), .binary(.or, let left, let right):
      guard let first = normalForm(left, negated: negated), let second = normalForm(right, negated: negated) else { return nil }
      // `a and b` is a product of terms; so is `not (a or b)`.
      if case .binary(.and, _, _) = node, !negated { return product(first, second) }
      if case .binary(.or, _, _) = node, negated { return product(first, second) }
      let union = first + second
      return union.count <= Self.termLimit ? union : nil
    case .binary(let op, let left, let right) where Self.comparisons.contains(op):
      return comparison(op, left, right, negated: negated)
    default:
      // Any other value is true when it is not 0.
      return comparison(.notEqual, node, .leaf(.constant(0)), negated: negated)
    }
  }

  private func product(_ first: [[Atom]], _ second: [[Atom]]) -> [[Atom]]? {
    guard first.count * second.count <= Self.termLimit else { return nil }
    return first.flatMap { left in second.map { left + $0 } }
  }

  private static let comparisons: [Expression.Op] = [.less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual]

  /// `left OP right` as one atom, when both sides are sums of at most two names (one
  /// added, one taken away) and a constant.
  private func comparison(_ op: Expression.Op, _ left: CodeWriter.Node, _ right: CodeWriter.Node, negated: Bool) -> [[Atom]]? {
    guard let left = Linear(left), let right = Linear(right) else { return nil }
    var difference = left
    difference.subtract(right)
    guard let difference = difference.simplified, Self.isSmall(difference.constant) else { return nil }
    // Every name summed must be bounded, even one that cancels out: `y + x - x` saturates
    // for a huge `x`. Comparing two names directly is a difference here, so it counts too.
    let arithmetic = left.isArithmetic || right.isArithmetic || difference.names.count == 2
    if arithmetic, !(left.names + right.names).allSatisfy({ isBounded($0.name) }) { return nil }
    // `names + constant OP 0`, turned round so the name added comes first.
    var op = op
    var first: Int32 = -1
    var second: Int32 = -1
    var constant = -difference.constant
    switch difference.names.count {
    case 0:
      let holds = (Expression.apply(op, difference.constant, 0) != 0) != negated
      return holds ? [[]] : []
    case 1 where difference.names[0].coefficient == 1:
      first = difference.names[0].name
    case 1:
      first = difference.names[0].name
      op = CodeWriter.mirrored(op)
      constant = difference.constant
    default:
      guard let added = difference.names.first(where: { $0.coefficient == 1 }),
        let taken = difference.names.first(where: { $0.coefficient == -1 })
      else { return nil }
      first = added.name
      second = taken.name
    }
    var atom = Self.atom(op, constant, first: first, second: second)
    atom.negated = atom.negated != negated
    return [[atom]]
  }

  /// Constants are within `magnitudeLimit`, so `constant ± 1` cannot overflow.
  private static func atom(_ op: Expression.Op, _ constant: Int, first: Int32, second: Int32) -> Atom {
    func range(_ low: Int, _ high: Int, negated: Bool = false) -> Atom {
      Atom(first: first, second: second, low: low, high: high, negated: negated)
    }
    switch op {
    case .less: return range(.min, constant - 1)
    case .lessOrEqual: return range(.min, constant)
    case .greater: return range(constant + 1, .max)
    case .greaterOrEqual: return range(constant, .max)
    case .equal: return range(constant, constant)
    default: return range(constant, constant, negated: true)
    }
  }

  /// A sum of names, each added or taken away, and a constant.
  struct Linear {
    var names: [(name: Int32, coefficient: Int)] = []
    var constant = 0
    /// Whether any sum or negation was taken, where the author's arithmetic saturates.
    var isArithmetic = false

    init?(_ node: CodeWriter.Node) {
      switch node {
      case .leaf(.constant(let number)):
        guard AtomWriter.isSmall(number) else { return nil }
        constant = number
      case .leaf(.value(let index)): names = [(NameCode.code(.value(index)), 1)]
      case .leaf(.flag(let index)): names = [(NameCode.code(.flag(index)), 1)]
      case .leaf(.builtin(let builtin)): names = [(NameCode.code(.builtin(builtin)), 1)]
      case .unary(.negate, let operand):
        guard let inner = Linear(operand) else { return nil }
        self = Linear()
        subtract(inner)
      case .binary(.add, let left, let right), .binary(.subtract, let left, let right):
        guard let first = Linear(left), var second = Linear(right) else { return nil }
        if case .binary(.subtract, _, _) = node { second.negate() }
        self = first
        names += second.names
        constant += second.constant
        isArithmetic = true
      default: return nil
      }
    }

    private init() {}

    mutating func negate() {
      names = names.map { ($0.name, -$0.coefficient) }
      constant = -constant
    }

    mutating func subtract(_ other: Linear) {
      var other = other
      other.negate()
      names += other.names
      constant += other.constant
      isArithmetic = true
    }

    /// Like names merged, at most two left, each added or taken away once; nil otherwise.
    var simplified: Linear? {
      var merged: [(name: Int32, coefficient: Int)] = []
      for (name, coefficient) in names {
        if let index = merged.firstIndex(where: { $0.name == name }) {
          merged[index].coefficient += coefficient
        } else {
          merged.append((name, coefficient))
        }
      }
      merged.removeAll { $0.coefficient == 0 }
      guard merged.count <= 2, merged.allSatisfy({ abs($0.coefficient) == 1 }) else { return nil }
      var result = self
      result.names = merged
      return result
    }
  }
}
