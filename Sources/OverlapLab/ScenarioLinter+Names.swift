import OverlapEngine

extension ScenarioLinter {
  // MARK: - Variables and flags

  /// Variables and flags should be both changed and read; meters always matter.
  mutating func checkNames() {
    var readValues = Array(repeating: false, count: scenario.values.count)
    var readFlags = Array(repeating: false, count: scenario.flags.count)
    for expression in expressions {
      for name in expression.names {
        switch name {
        case .value(let index): readValues[index] = true
        case .flag(let index): readFlags[index] = true
        case .builtin: break
        }
      }
    }
    var changedValues = Array(repeating: false, count: scenario.values.count)
    var setFlags = Array(repeating: false, count: scenario.flags.count)
    var clearedFlags = Array(repeating: false, count: scenario.flags.count)
    for consequences in scenario.allConsequences {
      for effect in consequences.effects + consequences.later.flatMap(\.effects) + consequences.chances.flatMap(\.effects)
        + (consequences.oneOf?.outcomes ?? []).flatMap(\.effects)
      {
        changedValues[effect.target] = true
      }
      let outcomes = consequences.oneOf?.outcomes ?? []
      for flag in consequences.setFlags + consequences.chances.flatMap(\.setFlags) + outcomes.flatMap(\.setFlags) {
        setFlags[flag] = true
      }
      for flag in consequences.clearFlags + consequences.chances.flatMap(\.clearFlags) + outcomes.flatMap(\.clearFlags) {
        clearedFlags[flag] = true
      }
    }

    for index in scenario.variables.indices {
      let variable = scenario.values[index]
      let what = "variable '\(variable.name)'"
      switch (readValues[index], changedValues[index]) {
      case (false, false):
        report(.unused, .warning, at: variable.location, "\(what) is declared but never used; remove it")
      case (true, false):
        report(
          .neverSet, .warning, at: variable.location,
          "\(what) is read but no effect changes it, so it is always \(variable.start); change it in some 'effects' or use the number")
      case (false, true):
        report(
          .neverRead, .warning, at: variable.location,
          "\(what) is changed but no condition or text reads it, so it makes no difference; use it or remove it")
      case (true, true):
        break
      }
    }
    for (index, flag) in scenario.flags.enumerated() {
      let what = "flag '\(flag.name)'"
      // Only a change away from the starting value counts as setting it.
      let changed = flag.start ? clearedFlags[index] : setFlags[index]
      switch (readFlags[index], changed || setFlags[index] || clearedFlags[index]) {
      case (false, false):
        report(.unused, .warning, at: flag.location, "\(what) is declared but never used; remove it")
      case (false, true):
        report(
          .neverRead, .warning, at: flag.location,
          "\(what) is set but no condition or text reads it, so it makes no difference; use it or remove it")
      case (true, _) where !changed:
        let (how, fix) = flag.start ? ("unsets", "unset") : ("sets", "set")
        report(
          .neverSet, .warning, at: flag.location,
          "\(what) is read but nothing \(how) it, so it is always \(flag.start); \(fix) it somewhere or drop the conditions on it")
      default:
        break
      }
    }
  }

  /// Every compiled expression: conditions, paragraph conditions and interpolations.
  var expressions: [Expression] {
    var all: [Expression] = []
    all += scenario.choices.compactMap(\.condition)
    all += scenario.events.compactMap(\.condition)
    all += scenario.endings.compactMap(\.condition)
    for (text, _) in texts {
      for paragraph in text.paragraphs {
        if let condition = paragraph.condition { all.append(condition) }
        for case .value(let expression) in paragraph.segments { all.append(expression) }
      }
    }
    return all
  }
}
