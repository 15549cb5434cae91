import OverlapEngine

extension ScenarioLinter {
  // MARK: - Scenes

  mutating func checkReachability() {
    let start = scenario.scenes[scenario.startScene].id
    for (index, scene) in scenario.scenes.enumerated() where !analysis.scenes[index] {
      let why =
        analysis.linkedScenes[index]
        ? "every choice that leads to it has a condition that can never be true"
        : "no choice or 'next' leads to it from the start scene '\(start)'"
      report(.unreachableScene, .error, at: scene.location, "scene '\(scene.id)' is never reached: \(why)")
    }
  }

  // MARK: - Conditions

  mutating func checkConditions() {
    for (index, choice) in scenario.choices.enumerated() where analysis.scenes[choice.scene] {
      guard let condition = choice.condition else { continue }
      let location = source.location(ofKey: "if", in: choice.location)
      let range = analysis.range(of: condition)
      if !analysis.choices[index] {
        report(.neverTrue, .error, at: location, "choice '\(choice.id)' is never offered: \(never(condition))")
      } else if range == .true {
        report(
          .alwaysTrue, .warning, at: location,
          "choice '\(choice.id)' is always offered: its condition '\(condition.source)' is always true "
            + "(\(analysis.explain(condition))); remove the 'if' or fix it")
      }
    }
    for (index, event) in scenario.events.enumerated() where !analysis.events[index] {
      if !analysis.scenesAllow(event) {
        let key = event.inScenes.isEmpty ? "after" : "in"
        report(
          .neverTrue, .error, at: source.location(ofKey: key, in: event.location),
          "event '\(event.id)' can never fire: no path reaches the scenes its '\(key)' names")
        continue
      }
      guard let condition = event.condition else { continue }
      report(.neverTrue, .error, at: source.location(ofKey: "when", in: event.location), "event '\(event.id)' can never fire: \(never(condition))")
    }
    for (text, owner) in texts {
      for paragraph in text.paragraphs {
        guard let condition = paragraph.condition, !analysis.range(of: condition).canBeTrue else { continue }
        report(.neverTrue, .warning, at: text.location, "a paragraph of \(owner) is never shown: \(never(condition))")
      }
    }
  }

  /// "its condition 'x' can never be true (x is 0..100)".
  func never(_ condition: Expression) -> String {
    let names = analysis.explain(condition)
    return "its condition '\(condition.source)' can never be true" + (names.isEmpty ? "" : " (\(names))")
  }

  // MARK: - Endings

  /// Endings are tried in list order: immediate ones after every move, and all of
  /// them when the story runs out. One that always holds hides those after it.
  mutating func checkEndings() {
    var alwaysFirst: Ending?
    var alwaysFirstImmediate: Ending?
    for ending in scenario.endings {
      let location = ending.condition == nil ? ending.location : source.location(ofKey: "when", in: ending.location)
      let range = ending.condition.map { analysis.range(of: $0) } ?? .true
      let hiddenBy = ending.immediate ? alwaysFirstImmediate : alwaysFirst
      if let condition = ending.condition, !range.canBeTrue {
        report(.unreachableEnding, .error, at: location, "ending '\(ending.id)' can never be reached: \(never(condition))")
      } else if let hiddenBy {
        report(.unreachableEnding, .error, at: location, "ending '\(ending.id)' can never be reached: ending '\(hiddenBy.id)' comes before it and always applies")
      } else if ending.immediate, range == .true {
        report(.unreachableEnding, .error, at: location, "ending '\(ending.id)' is immediate and always applies, so every game ends after the first move")
      }
      if range == .true {
        alwaysFirst = alwaysFirst ?? ending
        if ending.immediate { alwaysFirstImmediate = alwaysFirstImmediate ?? ending }
      }
    }
  }

  // MARK: - Delayed effects

  /// A delayed effect lands `in` moves later, so it needs that many moves left to play.
  mutating func checkDelayedEffects() {
    for (index, choice) in scenario.choices.enumerated() {
      // The longest of the routes the move can take, chances' and outcomes' included.
      let left = scenario.routes(of: index).map { $0.map { scenario.turnsFrom[$0] } ?? 0 }.max() ?? 0
      for later in choice.consequences.later where later.delay > left {
        let advice = left == 0
          ? "the story ends with this choice, so make it an immediate effect"
          : "at most \(left) \(left == 1 ? "turn is" : "turns are") played after the choice; make 'in' \(left) or less"
        report(.neverLands, .warning, at: later.location, "this later effect of choice '\(choice.id)' lands \(later.delay) turns on and can never land: \(advice)")
      }
    }
    // An event fires after a move, so at most all but one of the longest path's moves remain.
    let left = max(0, scenario.maxTurns - 1)
    for event in scenario.events {
      for later in event.consequences.later where later.delay > left {
        report(
          .neverLands, .warning, at: later.location,
          "this later effect of event '\(event.id)' lands \(later.delay) turns on and can never land: "
            + "at most \(left) \(left == 1 ? "turn is" : "turns are") played after an event; make 'in' \(left) or less")
      }
    }
  }
}
