import Foundation
import OverlapEngine

/// What `overlap explore` found, as one value that prints as text or JSON
/// (the keys are described in docs/lab.md).
public struct ExplorationReport: Encodable, Sendable {
  /// How one strategy fared.
  public struct StrategySummary: Encodable, Sendable {
    /// Runs played; in exhaustive mode, distinct playthroughs (every chance outcome a branch).
    public var runs: Int
    /// Moves played; in exhaustive mode, moves applied while branching.
    public var turns: Int
    /// Runs (or playthroughs) by ending id.
    public var endings: [String: Int]
    /// Runs (or playthroughs) by tone.
    public var tones: [String: Int]
    /// Final meters; in exhaustive mode weighted by probability.
    public var meters: [String: MeterStatistics]
    /// The share of runs, or in exhaustive mode the probability, of a success ending.
    public var success: Double
    /// Exhaustive mode: the exact probability of each ending.
    public var probabilities: [String: Double]?
    /// Exhaustive mode: distinct states in which a move was chosen.
    public var states: Int?
  }

  /// How much of one kind of content some run reached.
  public struct Coverage: Encodable, Sendable, Equatable {
    public var reached: Int
    public var total: Int
  }

  /// A run that reached an ending, to replay with `overlap run`.
  public struct Example: Encodable, Sendable, Equatable {
    public var strategy: String
    public var seed: UInt64
    public var moves: [String]
  }

  public var scenario: String
  public var title: String
  public var path: String
  /// "sample" or "exhaustive".
  public var mode: String
  /// Sampling only: the seed the runs' seeds derive from.
  public var seed: UInt64?
  public var jobs: Int
  public var runs: Int
  public var turns: Int
  public var seconds: Double
  public var turnsPerSecond: Int
  public var strategies: [String: StrategySummary]
  /// Keyed by `scenes`, `choices`, `events` and `endings`.
  public var coverage: [String: Coverage]
  /// The ids never reached, keyed like `coverage`.
  public var unreached: [String: [String]]
  /// Sampling only: an example run for each ending reached, by ending id.
  public var examples: [String: Example]?
  /// Plain-language observations: dominant one-style strategies, endings never reached.
  public var findings: [String]
  /// Exhaustive only: distinct states, over every strategy explored.
  public var states: Int?
  /// Exhaustive only: the probability of each ending under uniform random play.
  public var probabilities: [String: Double]?

  /// The strategies in the order they were explored, for the text report.
  let order: [Strategy]
  /// What the user typed to name the scenario, for replay commands.
  let reference: String

  enum CodingKeys: String, CodingKey {
    case scenario, title, path, mode, seed, jobs, runs, turns, seconds, turnsPerSecond, strategies
    case coverage, unreached, examples, findings, states, probabilities
  }
}

// MARK: - Building

extension ExplorationReport {
  /// The report of sampled runs.
  public init(
    scenario: Scenario, reference: String, tallies: [(Strategy, RunTally)], seed: UInt64, jobs: Int, seconds: Double
  ) {
    var strategies: [String: StrategySummary] = [:]
    for (strategy, tally) in tallies {
      let runs = max(tally.runs, 1)
      let success = scenario.endings.indices.filter { scenario.endings[$0].tone == .success }.reduce(0) { $0 + tally.endings[$1] }
      strategies[strategy.rawValue] = StrategySummary(
        runs: tally.runs, turns: tally.turns, endings: Self.byEnding(scenario, tally.endings),
        tones: Self.byTone(scenario, tally.endings, zero: 0, +), meters: Self.meters(tally.meters),
        success: Self.round(Double(success) / Double(runs)))
    }
    var examples: [String: Example] = [:]
    for (index, ending) in scenario.endings.enumerated() {
      for (strategy, tally) in tallies {
        guard let example = tally.examples[index] else { continue }
        examples[ending.id] = Example(strategy: strategy.rawValue, seed: example.seed, moves: example.moves.map { scenario.choices[$0].id })
        break
      }
    }
    let turns = tallies.reduce(0) { $0 + $1.1.turns }
    self.init(
      scenario: scenario, reference: reference, mode: "sample", seed: seed, jobs: jobs,
      runs: tallies.reduce(0) { $0 + $1.1.runs }, turns: turns, seconds: seconds, strategies: strategies,
      order: tallies.map(\.0),
      reached: (
        scenes: tallies.map { $0.1.scenes.map { $0 > 0 } }, choices: tallies.map { $0.1.choices.map { $0 > 0 } },
        events: tallies.map { $0.1.events.map { $0 > 0 } }, endings: tallies.map { $0.1.endings.map { $0 > 0 } }
      ))
    self.examples = examples
    findings = findings(scenario, exhaustive: false)
  }

  /// The report of exhaustive exploration; `results` should include `.random`.
  public init(scenario: Scenario, reference: String, results: [ExhaustiveResult], jobs: Int, seconds: Double) {
    var strategies: [String: StrategySummary] = [:]
    for result in results {
      let success = scenario.endings.indices.filter { scenario.endings[$0].tone == .success }.reduce(0) { $0 + result.probabilities[$1] }
      strategies[result.strategy.rawValue] = StrategySummary(
        runs: result.paths.reduce(0, Weight.sum), turns: result.turns, endings: Self.byEnding(scenario, result.paths),
        tones: Self.byTone(scenario, result.paths, zero: 0, Weight.sum), meters: Self.meters(result.meters),
        success: Self.round(success), probabilities: Self.byEnding(scenario, result.probabilities.map(Self.round)),
        states: result.states)
    }
    self.init(
      scenario: scenario, reference: reference, mode: "exhaustive", seed: nil, jobs: jobs,
      runs: results.reduce(0) { Weight.sum($0, $1.paths.reduce(0, Weight.sum)) }, turns: results.reduce(0) { $0 + $1.turns },
      seconds: seconds, strategies: strategies, order: results.map(\.strategy),
      reached: (
        scenes: results.map(\.scenes), choices: results.map(\.choices), events: results.map(\.events),
        endings: results.map { $0.probabilities.map { $0 > 0 } }
      ))
    states = results.reduce(0) { $0 + $1.states }
    probabilities = (results.first { $0.strategy == .random } ?? results.first).map {
      Self.byEnding(scenario, $0.probabilities.map(Self.round))
    }
    findings = findings(scenario, exhaustive: true)
  }

  private init(
    scenario: Scenario, reference: String, mode: String, seed: UInt64?, jobs: Int, runs: Int, turns: Int,
    seconds: Double, strategies: [String: StrategySummary], order: [Strategy],
    reached: (scenes: [[Bool]], choices: [[Bool]], events: [[Bool]], endings: [[Bool]])
  ) {
    self.scenario = scenario.id
    title = scenario.title
    path = scenario.path
    self.mode = mode
    self.seed = seed
    self.jobs = jobs
    self.runs = runs
    self.turns = turns
    self.seconds = (seconds * 1000).rounded() / 1000
    turnsPerSecond = seconds > 0 ? Int(Double(turns) / seconds) : 0
    self.strategies = strategies
    self.order = order
    self.reference = reference
    let kinds: [(String, [String], [[Bool]])] = [
      ("scenes", scenario.scenes.map(\.id), reached.scenes), ("choices", scenario.choices.map(\.id), reached.choices),
      ("events", scenario.events.map(\.id), reached.events), ("endings", scenario.endings.map(\.id), reached.endings),
    ]
    coverage = [:]
    unreached = [:]
    for (kind, ids, flags) in kinds {
      let never = ids.indices.filter { index in !flags.contains { $0[index] } }.map { ids[$0] }
      coverage[kind] = Coverage(reached: ids.count - never.count, total: ids.count)
      unreached[kind] = never
    }
    findings = []
  }

  // MARK: - Pieces

  static func byEnding<Value>(_ scenario: Scenario, _ values: [Value]) -> [String: Value] {
    Dictionary(uniqueKeysWithValues: zip(scenario.endings.map(\.id), values))
  }

  static func byTone<Value>(_ scenario: Scenario, _ values: [Value], zero: Value, _ add: (Value, Value) -> Value) -> [String: Value] {
    var tones = Dictionary(uniqueKeysWithValues: Tone.allCases.map { ($0.rawValue, zero) })
    for (ending, value) in zip(scenario.endings, values) {
      tones[ending.tone.rawValue] = add(tones[ending.tone.rawValue] ?? zero, value)
    }
    return tones
  }

  static func meters(_ histogram: MeterHistogram) -> [String: MeterStatistics] {
    var meters: [String: MeterStatistics] = [:]
    for meter in Meter.allCases {
      if let statistics = histogram.statistics(of: meter) { meters[meter.name] = statistics }
    }
    return meters
  }

  /// Twelve decimals: enough to tell any two outcomes apart, and no floating-point noise.
  static func round(_ value: Double) -> Double {
    (value * 1e12).rounded() / 1e12
  }

  // MARK: - Findings

  /// What an author should look at: a one-style strategy that wins, endings never reached.
  func findings(_ scenario: Scenario, exhaustive: Bool) -> [String] {
    var notes: [String] = []
    func share(_ fraction: Double) -> String {
      exhaustive ? "with probability \(Self.percent(fraction))" : "in \(Self.percent(fraction)) of runs"
    }
    let mixed = order.filter { $0 == .random || $0 == .balanced }.compactMap { strategy in
      strategies[strategy.rawValue].map { (strategy, $0.success) }
    }
    let bestMixed = mixed.max { $0.1 < $1.1 }
    for strategy in order where strategy == .leader || strategy == .manager {
      guard let success = strategies[strategy.rawValue]?.success, success > 0 else { continue }
      var note = "the \(strategy.rawValue) strategy (\(strategy.summary)) reaches a success ending \(share(success))"
      if let bestMixed, success >= bestMixed.1 {
        note += ", as often as \(bestMixed.0.rawValue) play (\(Self.percent(bestMixed.1))) or more: one style dominates"
      } else {
        note += "; playing one style should not win"
      }
      notes.append(note)
    }
    let hasSuccess = scenario.endings.contains { $0.tone == .success }
    if hasSuccess, !strategies.values.contains(where: { $0.success > 0 }) {
      notes.append("no strategy reached a success ending; check that the good outcome can be reached")
    }
    if let never = unreached["endings"], !never.isEmpty {
      let list = never.map { "'\($0)'" }.joined(separator: ", ")
      notes.append(
        exhaustive && order.contains(.random)
          ? "\(never.count == 1 ? "ending" : "endings") \(list) can never be reached, whatever the player does"
          : "\(never.count == 1 ? "ending" : "endings") \(list) never reached in these runs; try more runs or --exhaustive")
    }
    if let random = strategies[Strategy.random.rawValue], let only = random.endings.first(where: { $0.value == random.runs && $0.value > 0 }) {
      notes.append("every random run ends in '\(only.key)', so the choices make no difference to the ending")
    }
    return notes
  }

  static func percent(_ fraction: Double) -> String {
    let value = fraction * 100
    if value > 0 && value < 0.1 { return "<0.1%" }
    return String(format: "%.1f%%", value)
  }
}
