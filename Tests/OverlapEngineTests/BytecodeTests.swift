import Testing

@testable import OverlapEngine

/// Compiled conditions (atoms, fused comparisons, skipping `and`/`or`, big constants,
/// deep stacks) give exactly what `Expression.evaluate` gives, on random expressions and
/// states.
@Suite struct BytecodeTests {
  /// A random expression over three variables (`c` bounded, so sums of it become atoms),
  /// two flags and the move counters.
  static func expression(depth: Int, _ random: inout SplitMix64) -> String {
    let leaves = [
      "a", "b", "c", "c", "ready", "set", "turn", "leader_moves", "0", "1", "-3", "42", "9000000", "-9223372036854775807",
    ]
    guard depth > 0, random.below(4) != 0 else { return leaves[random.below(leaves.count)] }
    let left = expression(depth: depth - 1, &random)
    let right = expression(depth: depth - 1, &random)
    switch random.below(6) {
    case 0: return "(not (\(left)))"
    case 1: return "\(["min", "max"][random.below(2)])(\(left), \(right))"
    case 2: return "abs(\(left))"
    default:
      let operators = ["+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=", "and", "or"]
      return "(\(left) \(operators[random.below(operators.count)]) \(right))"
    }
  }

  /// Shallow programs run on the fixed 16-word stack; one deep chain makes the whole
  /// scenario use a stack sized at load.
  @Test(arguments: [false, true])
  func compiledConditionsMatchTheInterpreter(deep: Bool) throws {
    var random = SplitMix64(seed: 12)
    var sources = (0..<300).map { _ in Self.expression(depth: 1 + random.below(5), &random) }
    if deep { sources.append((0..<40).map { "(a + \($0)" }.joined(separator: " * ") + String(repeating: ")", count: 40) + " > 0") }
    let choices = sources.enumerated().map { index, source in
      """
          - id: c\(index)
            text: T
            style: leader
            if: "\(source)"
      """
    }.joined(separator: "\n")
    let scenario = try Fixtures.load(
      Fixtures.scenario(
        scenes: "  - id: s\n    text: T\n    choices:\n\(choices)",
        extra: "variables: {a: 0, b: 0, c: {start: 0, min: -50, max: 50}}\nflags: [ready, set]"))
    let engine = Engine(scenario: scenario)
    #expect((engine.runtime.stackDepth > 16) == deep)
    let byAtoms = engine.runtime.choices.filter { !$0.condition.byProgram }.count
    #expect(byAtoms > 50 && byAtoms < sources.count, "both ways are tried: \(byAtoms) of \(sources.count) by atoms")
    var state = engine.start(seed: 1)
    for _ in 0..<200 {
      let interesting = [0, 1, -1, 2, 5, 100, -100, Int.max, Int.min, 9_000_000]
      state.setValue(3, interesting[random.below(interesting.count)])
      state.setValue(4, Int(truncatingIfNeeded: random.next()) >> random.below(64))
      // `c` stays within its declared range, as the rules keep it.
      state.setValue(5, random.below(101) - 50)
      state.setFlag(0, random.below(2) == 1)
      state.setFlag(1, random.below(2) == 1)
      state.moves = random.below(20)
      state.leaderMoves = random.below(state.moves + 1)
      state.managerMoves = state.moves - state.leaderMoves
      for (index, choice) in scenario.choices.enumerated() {
        let expected = choice.condition!.evaluate(state.read) != 0
        #expect(engine.isOffered(index, in: state) == expected, "\(sources[index])")
      }
    }
  }

  /// Every condition of the built-in scenarios is decided by atoms, the fast way.
  @Test(arguments: ["change", "delegation", "project-manager"])
  func builtInConditionsGoByAtoms(name: String) throws {
    let runtime = Engine(scenario: try ScenarioLoader.load(path: Fixtures.path("Scenarios/\(name).yaml"))).runtime
    #expect(runtime.choices.allSatisfy { !$0.condition.byProgram })
    #expect(runtime.events.allSatisfy { !$0.condition.byProgram })
    #expect(runtime.endings.allSatisfy { !$0.condition.byProgram })
  }

  /// Conditions are factored so the usual check is two mask tests: atoms every term
  /// shares are required, single atoms are gathered into one mask, and only longer terms
  /// are left to test one by one.
  @Test func conditionsAreFactoredIntoMasks() throws {
    // (condition, required atoms, atoms any of which will do, longer terms left)
    let cases: [(String, Int, Int, Int)] = [
      ("ready", 1, 1, 0),
      ("c > 3 or c < -3 or set", 0, 3, 0),
      ("ready and set", 2, 1, 0),
      ("ready and (c > 3 or (set and c < -3))", 1, 1, 1),
      ("ready or (ready and set)", 1, 1, 0),
      ("c > 3 or (c > 3 and set) or (set and ready)", 0, 1, 1),
      ("1 > 2", 0, 0, 0),
    ]
    let choices = cases.enumerated().map { index, item in
      "      - id: c\(index)\n        text: T\n        style: leader\n        if: \"\(item.0)\""
    }.joined(separator: "\n")
    let scenario = try Fixtures.load(
      Fixtures.scenario(
        scenes: "  - id: s\n    text: T\n    choices:\n\(choices)",
        extra: "variables: {c: {start: 0, min: -50, max: 50}}\nflags: [ready, set]"))
    let runtime = Engine(scenario: scenario).runtime
    for (index, item) in cases.enumerated() {
      let condition = runtime.choices[index].condition
      #expect(!condition.byProgram, "\(item.0)")
      // "Always" is an atom of its own, so a term that needs only the required atoms counts one.
      let factored = condition.atoms
      #expect(
        [factored.required.count, factored.anyOf.count, Int(factored.rest.count)] == [item.1, item.2, item.3],
        "\(item.0)")
    }
  }
}
