import Foundation
import OverlapEngine
import Testing

@testable import OverlapLab

@Suite struct ExplorationReportTests {
  @Test func histogramsGivePercentilesAndMeans() throws {
    var histogram = MeterHistogram()
    var state = try LabFixtures.engine(LabFixtures.tiny).start(seed: 0)
    state.values[1] = 0
    for morale in 1...100 {
      state.values[0] = morale
      histogram.add(state)
    }
    let morale = histogram.statistics(of: .morale)
    #expect(morale == MeterStatistics(mean: 50.5, p10: 10, p50: 50, p90: 90, min: 1, max: 100))
    #expect(histogram.statistics(of: .efficiency)?.p90 == 0)
  }

  /// A scenario where playing only leader moves wins every time.
  static let leaderWins = LabFixtures.scenario(scenes: LabFixtures.scene("a", lead: "morale: 20") + "\n" + LabFixtures.scene("b", lead: "morale: 20"))

  @Test func aWinningOneStyleStrategyIsAFinding() throws {
    let scenario = try LabFixtures.load(Self.leaderWins)
    let explorer = Explorer(engine: Engine(scenario: scenario))
    let tallies = Strategy.allCases.map { ($0, explorer.sample($0, runs: 400, seed: 1, jobs: 2)) }
    let report = ExplorationReport(scenario: scenario, reference: "t", tallies: tallies, seed: 1, jobs: 2, seconds: 0.5)
    #expect(report.strategies["leader"]?.success == 1)
    #expect(report.findings.contains { $0.hasPrefix("the leader strategy (a leader move whenever one is offered) reaches a success ending in 100.0% of runs") && $0.hasSuffix("one style dominates") })
    #expect(!report.findings.contains { $0.hasPrefix("the manager strategy") })
    #expect(report.runs == 1600)
    #expect(report.turnsPerSecond == report.turns * 2)
  }

  @Test func sampleReportsHaveTheDocumentedKeys() throws {
    let scenario = try ScenarioLoader.load(path: LabFixtures.tiny)
    let tally = Explorer(engine: Engine(scenario: scenario)).sample(.random, runs: 200, seed: 1, jobs: 1)
    let report = ExplorationReport(scenario: scenario, reference: "tiny", tallies: [(.random, tally)], seed: 1, jobs: 1, seconds: 0.01)
    let json = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
    for key in ["scenario", "runs", "turns", "seconds", "strategies", "coverage", "unreached", "findings", "examples"] {
      #expect(json[key] != nil, "missing \(key)")
    }
    #expect(json["states"] == nil && json["probabilities"] == nil)
    let random = try #require((json["strategies"] as? [String: Any])?["random"] as? [String: Any])
    #expect(Set(random.keys).isSuperset(of: ["endings", "tones", "meters"]))
    #expect((report.unreached["endings"] ?? []) == ["collapse"])
    #expect(report.coverage["events"] == ExplorationReport.Coverage(reached: 0, total: 1))
    #expect(report.text(for: scenario).contains("  thrive: overlap run tiny --seed "))
  }

  @Test func exhaustiveReportsHaveStatesAndProbabilities() throws {
    let scenario = try ScenarioLoader.load(path: LabFixtures.tiny)
    let explorer = ExhaustiveExplorer(engine: Engine(scenario: scenario))
    let results = try [Strategy.random, .leader].map { try explorer.explore($0, maxStates: 1000) }
    let report = ExplorationReport(scenario: scenario, reference: "tiny", results: results, jobs: 1, seconds: 0.01)
    #expect(report.states == results[0].states + results[1].states)
    #expect(report.probabilities == ["collapse": 0, "thrive": 0.333333333333, "muddle": 0.666666666667])
    #expect(report.strategies["leader"]?.probabilities?["muddle"] == 1)
    #expect(report.findings == ["ending 'collapse' can never be reached, whatever the player does"])
    #expect(report.text(for: scenario).contains("  thrive    success       33.3%      0.0%"))
  }
}
