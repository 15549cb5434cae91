import OverlapEngine

/// The checks that need a loaded scenario. Each group lives in an extension.
struct ScenarioLinter {
  let scenario: Scenario
  let source: SourceText
  let analysis: StaticAnalysis
  private(set) var findings: [LintFinding] = []

  init(scenario: Scenario, source: SourceText) {
    self.scenario = scenario
    self.source = source
    analysis = StaticAnalysis(scenario)
  }

  /// Every finding, in file order.
  mutating func run() -> [LintFinding] {
    checkReachability()
    checkConditions()
    checkEndings()
    checkDelayedEffects()
    checkNames()
    checkChoices()
    checkScenes()
    checkTones()
    checkTests()
    checkWidths()
    checkComments()
    checkEventTitles()
    checkStyleClaims()
    checkRequirements()
    checkQuizWording()
    return findings.enumerated().sorted { first, second in
      let (a, b) = (first.element.diagnostic.location, second.element.diagnostic.location)
      return (a.line, a.column, first.offset) < (b.line, b.column, second.offset)
    }.map(\.element)
  }

  mutating func report(_ rule: LintRule, _ severity: Diagnostic.Severity, at location: SourceLocation, _ message: String) {
    findings.append(LintFinding(rule, Diagnostic(severity, path: scenario.path, at: location, message)))
  }

  /// Every piece of narrative text, with what it belongs to.
  var texts: [(text: Text, owner: String)] {
    var all: [(Text, String)] = []
    if let intro = scenario.intro { all.append((intro, "the intro")) }
    for scene in scenario.scenes { all.append((scene.text, "scene '\(scene.id)'")) }
    for choice in scenario.choices {
      let owner = "choice '\(choice.id)'"
      all.append((choice.text, owner))
      if let outcome = choice.outcome { all.append((outcome, "the outcome of \(owner)")) }
      all += texts(of: choice.consequences, owner: owner)
    }
    for event in scenario.events {
      if let text = event.text { all.append((text, "event '\(event.id)'")) }
      all += texts(of: event.consequences, owner: "event '\(event.id)'")
    }
    for ending in scenario.endings {
      if let text = ending.text { all.append((text, "ending '\(ending.id)'")) }
    }
    return all
  }

  private func texts(of consequences: Consequences, owner: String) -> [(Text, String)] {
    consequences.later.compactMap { later in later.text.map { ($0, "a later effect of \(owner)") } }
      + consequences.chances.compactMap { chance in chance.text.map { ($0, "a chance effect of \(owner)") } }
      + (consequences.oneOf?.outcomes ?? []).compactMap { outcome in outcome.text.map { ($0, "an outcome of \(owner)") } }
  }
}
