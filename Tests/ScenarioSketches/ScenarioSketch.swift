/// A random scenario, described by small numbers and written out as YAML.
///
/// References (to values, flags and scenes) are plain indices taken modulo what
/// exists, so that shrinking can drop any part and the rest still makes sense.
/// Scenes only ever point forward, so the story never loops.
public struct ScenarioSketch: Sendable, CustomStringConvertible {
  public var meters: [Int]
  public var variables: [VariableSketch]
  /// Starting values, one per flag.
  public var flags: [Bool]
  /// 0 keeps the default balance rule; otherwise the streak length.
  public var streak: Int
  public var fade: Int
  public var scenes: [SceneSketch]
  public var events: [EventSketch]
  /// The conditional endings, before the default one.
  public var endings: [EndingSketch]

  /// The scenario file.
  public var yaml: String {
    let names = Names(variables: variables.count, flags: flags.count)
    var lines = ["id: sketch", "title: Sketch", "summary: A generated scenario.", "goals: [Play it.]"]
    lines.append("meters: {morale: \(meters[0]), efficiency: \(meters[1]), stability: \(meters[2])}")
    if !variables.isEmpty {
      lines.append("variables:")
      for (index, variable) in variables.enumerated() { lines.append("  v\(index): \(variable.yaml)") }
    }
    if !flags.isEmpty {
      lines.append("flags: {" + flags.enumerated().map { "f\($0.offset): \($0.element)" }.joined(separator: ", ") + "}")
    }
    if streak > 0 { lines.append("balance: {streak: \(streak), fade: \(fade)}") }
    lines.append("scenes:")
    for (index, scene) in scenes.enumerated() {
      lines += scene.yaml(index: index, sceneCount: scenes.count, names: names)
    }
    if !events.isEmpty {
      lines.append("events:")
      for (index, event) in events.enumerated() { lines.append("  - " + event.yaml(index: index, names: names)) }
    }
    lines.append("endings:")
    for (index, ending) in endings.enumerated() { lines.append("  - " + ending.yaml(index: index, names: names)) }
    lines.append("  - {id: default, title: Default, tone: mixed}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The YAML, so that a failing case prints as a file one can save and run.
  public var description: String { "\n" + yaml }
}

/// Turns indices into the names a scenario declares.
struct Names {
  static let meters = ["morale", "efficiency", "stability"]
  static let builtins = ["turn", "leader_moves", "manager_moves"]
  var variables: Int
  var flags: Int

  func value(_ index: Int) -> String {
    let all = Self.meters.count + variables
    let pick = index % all
    return pick < Self.meters.count ? Self.meters[pick] : "v\(pick - Self.meters.count)"
  }

  /// Nil when the scenario has no flags.
  func flag(_ index: Int) -> String? { flags == 0 ? nil : "f\(index % flags)" }

  /// A flow list of flag names, or nil when there is nothing to list.
  func flagList(_ indices: [Int]) -> String? {
    let names = Array(Set(indices.compactMap(flag))).sorted()
    return names.isEmpty ? nil : "[" + names.joined(separator: ", ") + "]"
  }

  /// A flow mapping of effects; a target named twice keeps its first amount, as YAML
  /// refuses duplicate keys.
  func effects(_ effects: [EffectSketch]) -> String {
    var seen: Set<String> = []
    var parts: [String] = []
    for effect in effects {
      let name = value(effect.target)
      if seen.insert(name).inserted { parts.append("\(name): \(effect.amount)") }
    }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}

/// An integer as an expression; the loader has no literal for `Int.min`.
func literal(_ number: Int) -> String {
  if number == .min { return "(-9223372036854775807 - 1)" }
  return number < 0 ? "(\(number))" : String(number)
}

// MARK: - Declarations

public struct VariableSketch: Sendable {
  public var start: Int
  /// Distance from the start to each declared bound; nil leaves that side open.
  public var below: Int?
  public var above: Int?

  var yaml: String {
    guard below != nil || above != nil else { return String(start) }
    var parts = ["start: \(start)"]
    // Saturating, so that a start near the limits of Int still gives valid bounds.
    if let below { parts.append("min: \(start.subtractingReportingOverflow(below).overflow ? Int.min : start - below)") }
    if let above { parts.append("max: \(start.addingReportingOverflow(above).overflow ? Int.max : start + above)") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}

// MARK: - Expressions

/// A constant, a meter or variable, a flag, a built-in name, or an absolute value.
public struct AtomSketch: Sendable {
  public var kind: Int
  public var index: Int
  public var number: Int

  func expression(_ names: Names) -> String {
    switch kind {
    case 1: names.value(index)
    case 2: names.flag(index) ?? literal(number)
    case 3: Names.builtins[index % Names.builtins.count]
    case 4: "abs(\(names.value(index)))"
    default: literal(number)
    }
  }
}

/// An operator and its right operand, applied to everything before it.
public struct StepSketch: Sendable {
  public var operation: Int
  public var atom: AtomSketch
}

/// Arithmetic: an atom followed by steps, bracketed from the left.
public struct TermSketch: Sendable {
  public var first: AtomSketch
  public var steps: [StepSketch]

  func expression(_ names: Names) -> String {
    steps.reduce(first.expression(names)) { left, step in
      let right = step.atom.expression(names)
      switch step.operation {
      case 5: return "min(\(left), \(right))"
      case 6: return "max(\(left), \(right))"
      default: return "(\(left) \(["+", "-", "*", "/", "%"][step.operation]) \(right))"
      }
    }
  }
}

/// One comparison (or a bare term), maybe negated, joined to the clauses before it.
public struct ClauseSketch: Sendable {
  public var negated: Bool
  public var left: TermSketch
  /// 0 to 5 compare; 6 uses the left term alone as the condition.
  public var comparison: Int
  public var right: TermSketch
  public var joinedWithOr: Bool

  func expression(_ names: Names) -> String {
    let body =
      comparison == 6
      ? left.expression(names)
      : "\(left.expression(names)) \(["<", "<=", ">", ">=", "==", "!="][comparison]) \(right.expression(names))"
    return negated ? "not (\(body))" : body
  }
}

/// A condition as YAML (quoted), or nil for no condition.
func condition(_ clauses: [ClauseSketch], _ names: Names) -> String? {
  guard let first = clauses.first else { return nil }
  let source = clauses.dropFirst().reduce(first.expression(names)) { left, clause in
    "(\(left)) \(clause.joinedWithOr ? "or" : "and") (\(clause.expression(names)))"
  }
  return "\"\(source)\""
}

// MARK: - Content

public struct EffectSketch: Sendable {
  public var target: Int
  public var amount: Int
}

public struct LaterSketch: Sendable {
  public var delay: Int
  public var effects: [EffectSketch]
  public var text: TermSketch?

  func yaml(_ names: Names) -> String {
    var parts = ["in: \(delay)", "effects: \(names.effects(effects))"]
    if let text { parts.append("text: \"It lands: {\(text.expression(names))}.\"") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}

public struct ChanceSketch: Sendable {
  public var percent: Int
  public var effects: [EffectSketch]
  public var set: [Int]
  public var unset: [Int]
  /// A route taken if it hits, coded as in `ChoiceSketch.next`.
  public var next: Int

  func yaml(_ names: Names, scene: Int, sceneCount: Int) -> String {
    var parts = ["percent: \(percent)", "effects: \(names.effects(effects))"]
    if let flags = names.flagList(set) { parts.append("set: \(flags)") }
    if let flags = names.flagList(unset) { parts.append("unset: \(flags)") }
    if let next = destination(next, from: scene, sceneCount: sceneCount) { parts.append("next: \(next)") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}

/// One outcome of a `one_of`.
public struct OutcomeSketch: Sendable {
  public var weight: Int
  public var effects: [EffectSketch]
  public var set: [Int]
  public var unset: [Int]
  /// A route taken if it is picked, coded as in `ChoiceSketch.next`.
  public var next: Int

  func yaml(_ names: Names, scene: Int, sceneCount: Int) -> String {
    var parts = ["weight: \(weight)", "effects: \(names.effects(effects))", "text: \"Outcome {morale}.\""]
    if let flags = names.flagList(set) { parts.append("set: \(flags)") }
    if let flags = names.flagList(unset) { parts.append("unset: \(flags)") }
    if let next = destination(next, from: scene, sceneCount: sceneCount) { parts.append("next: \(next)") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}

public struct ChoiceSketch: Sendable {
  public var leader: Bool
  public var condition: [ClauseSketch]
  public var effects: [EffectSketch]
  public var later: [LaterSketch]
  public var chances: [ChanceSketch]
  /// Written as a `one_of` when it has two outcomes or more.
  public var oneOf: [OutcomeSketch]
  public var set: [Int]
  public var unset: [Int]
  /// 0 follows the scene; 1 ends the story; n jumps n - 1 scenes ahead (or ends past the last).
  public var next: Int
  public var outcome: TermSketch?

  func yaml(scene: Int, index: Int, sceneCount: Int, names: Names) -> String {
    var parts = ["id: c\(scene)-\(index)", "text: \"Move \(index + 1)\"", "style: \(leader ? "leader" : "manager")"]
    if let condition = ScenarioSketches.condition(condition, names) { parts.append("if: \(condition)") }
    if !effects.isEmpty { parts.append("effects: \(names.effects(effects))") }
    if !later.isEmpty { parts.append("later: [" + later.map { $0.yaml(names) }.joined(separator: ", ") + "]") }
    if !chances.isEmpty {
      parts.append("chance: [" + chances.map { $0.yaml(names, scene: scene, sceneCount: sceneCount) }.joined(separator: ", ") + "]")
    }
    if oneOf.count >= 2 {
      parts.append("one_of: [" + oneOf.map { $0.yaml(names, scene: scene, sceneCount: sceneCount) }.joined(separator: ", ") + "]")
    }
    if let flags = names.flagList(set) { parts.append("set: \(flags)") }
    if let flags = names.flagList(unset) { parts.append("unset: \(flags)") }
    if let next = destination(next, from: scene, sceneCount: sceneCount) { parts.append("next: \(next)") }
    if let outcome { parts.append("outcome: \"Now {\(outcome.expression(names))}.\"") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}

/// A `next` that only points forward; nil keeps the default.
func destination(_ code: Int, from scene: Int, sceneCount: Int) -> String? {
  switch code {
  case 0: return nil
  case 1: return "end"
  default:
    let target = scene + code - 1
    return target < sceneCount ? "s\(target)" : "end"
  }
}

public struct SceneSketch: Sendable {
  public var choices: [ChoiceSketch]
  public var next: Int
  public var shown: TermSketch?
  /// A paragraph shown only when this holds; empty for none.
  public var aside: [ClauseSketch]

  func yaml(index: Int, sceneCount: Int, names: Names) -> [String] {
    var paragraphs = ["\"Scene \(index)" + (shown.map { ": {\($0.expression(names))}" } ?? "") + ".\""]
    if let aside = condition(aside, names) { paragraphs.append("{if: \(aside), text: An aside.}") }
    var lines = ["  - id: s\(index)", "    text: [" + paragraphs.joined(separator: ", ") + "]"]
    if let next = destination(next, from: index, sceneCount: sceneCount) { lines.append("    next: \(next)") }
    lines.append("    choices:")
    for (number, choice) in choices.enumerated() {
      lines.append("      - " + choice.yaml(scene: index, index: number, sceneCount: sceneCount, names: names))
    }
    return lines
  }
}

public struct EventSketch: Sendable {
  public var condition: [ClauseSketch]
  /// 0 leaves `chance` out.
  public var chance: Int
  public var once: Bool
  public var effects: [EffectSketch]
  public var set: [Int]
  public var unset: [Int]
  public var later: [LaterSketch]

  func yaml(index: Int, names: Names) -> String {
    var parts = ["id: e\(index)", "title: Event \(index)", "once: \(once)"]
    let when = ScenarioSketches.condition(condition, names)
    // An event needs `when` or `chance`.
    if let when { parts.append("when: \(when)") } else if chance == 0 { parts.append("when: \"true\"") }
    if chance > 0 { parts.append("chance: \(chance)") }
    if !effects.isEmpty { parts.append("effects: \(names.effects(effects))") }
    if let flags = names.flagList(set) { parts.append("set: \(flags)") }
    if let flags = names.flagList(unset) { parts.append("unset: \(flags)") }
    if !later.isEmpty { parts.append("later: [" + later.map { $0.yaml(names) }.joined(separator: ", ") + "]") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}

public struct EndingSketch: Sendable {
  /// Never empty: only the default ending goes without `when`.
  public var condition: [ClauseSketch]
  public var immediate: Bool
  public var tone: Int
  public var text: TermSketch?

  func yaml(index: Int, names: Names) -> String {
    var parts = [
      "id: n\(index)", "title: Ending \(index)", "tone: \(["success", "mixed", "failure"][tone])",
      "when: \(ScenarioSketches.condition(condition, names) ?? "\"true\"")",
    ]
    if immediate { parts.append("immediate: true") }
    if let text { parts.append("text: \"Ended at {\(text.expression(names))}.\"") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}
