import OverlapEngine

/// Many playthroughs side by side, for a facilitator: one group per scenario, each
/// with a table of runs, the spread of endings and who chose what on every turn.
public struct ClassDebrief: Codable, Equatable, Sendable {
  /// In the order their scenarios first appear among the runs.
  public var groups: [Group]

  /// The runs of one scenario.
  public struct Group: Codable, Equatable, Sendable {
    public var scenario: Debrief.ScenarioInfo
    /// Every seed played, ascending; one seed means every run met the same chances.
    public var seeds: [UInt64]
    public var runs: [Debrief]
    /// Every ending of the scenario, in priority order, with the runs that reached it.
    public var endings: [EndingCount]
    /// Runs that are still in progress.
    public var unfinished: [String]
    public var turns: [TurnChoices]
  }

  public struct EndingCount: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var tone: Tone
    public var runs: [String]
  }

  /// What every run chose on one turn.
  public struct TurnChoices: Codable, Equatable, Sendable {
    public var turn: Int
    /// Each distinct move, in the order the scenario lists them.
    public var picks: [Pick]
  }

  public struct Pick: Codable, Equatable, Sendable {
    public var scene: String
    public var sceneTitle: String?
    public var choice: String
    public var choiceText: String
    public var style: Style
    public var runs: [String]
  }
}

// MARK: - Building

extension ClassDebrief {
  /// Groups runs by scenario. Runs need distinct names; unnamed ones are called "run N".
  ///
  /// - Parameter runs: each run's debrief and the scenario it was played on, whose
  ///   endings and choice order the comparison follows.
  public init(_ runs: [(debrief: Debrief, scenario: Scenario)]) {
    var order: [String] = []
    var byScenario: [String: [(debrief: Debrief, scenario: Scenario)]] = [:]
    for (offset, run) in runs.enumerated() {
      var debrief = run.debrief
      if debrief.name == nil { debrief.name = "run \(offset + 1)" }
      let id = run.scenario.id
      if byScenario[id] == nil { order.append(id) }
      byScenario[id, default: []].append((debrief, run.scenario))
    }
    groups = order.compactMap { id in
      guard let members = byScenario[id], let scenario = members.first?.scenario else { return nil }
      return Self.group(members.map(\.debrief), scenario: scenario)
    }
  }

  static func group(_ runs: [Debrief], scenario: Scenario) -> Group {
    let endings = scenario.endings.map { ending in
      EndingCount(
        id: ending.id, title: ending.title, tone: ending.tone,
        runs: runs.filter { $0.ending?.id == ending.id }.map(\.label))
    }
    let longest = runs.map(\.turns.count).max() ?? 0
    let turns = (0..<longest).map { index in
      let played = runs.compactMap { run in index < run.turns.count ? (run.label, run.turns[index]) : nil }
      // Scenario order keeps a turn's moves in the order players saw them.
      let choices = scenario.choices.filter { choice in played.contains { $0.1.choice == choice.id } }
      let picks = choices.compactMap { choice -> Pick? in
        let who = played.filter { $0.1.choice == choice.id }
        guard let first = who.first?.1 else { return nil }
        return Pick(
          scene: first.scene, sceneTitle: first.sceneTitle, choice: first.choice, choiceText: first.choiceText,
          style: first.style, runs: who.map(\.0))
      }
      return TurnChoices(turn: index + 1, picks: picks)
    }
    return Group(
      scenario: Debrief.ScenarioInfo(id: scenario.id, title: scenario.title),
      seeds: Array(Set(runs.map(\.seed))).sorted(), runs: runs, endings: endings,
      unfinished: runs.filter { !$0.finished }.map(\.label), turns: turns)
  }
}

extension Debrief {
  /// The name shown in class tables.
  var label: String { name ?? "your game" }
}
