import Foundation
import OverlapEngine
import PropertyBased
import ScenarioSketches
import Testing

@testable import OverlapLab

/// `check` works out reachability without playing, as an over-approximation of every
/// game, so it must never call anything unreachable that a real game reaches.
@Suite struct ReachabilityPropertyTests {
  @Test func checkNeverCallsWhatAGameReachesUnreachable() async {
    await propertyCheck(count: 300, input: Sketches.scenario) { sketch in
      expectCheckAgreesWithPlay(sketch.yaml)
    }
  }

  /// Counterexamples the property found, kept so that they stay fixed.
  @Test(arguments: [
    // A variable at Int.min that an effect lowers: play wrapped it round to Int.max.
    """
    id: sketch
    title: Sketch
    summary: A generated scenario.
    goals: [Play it.]
    variables:
      v0: -9223372036854775808
    scenes:
      - id: s0
        text: Scene 0.
        choices:
          - {id: c0-0, text: Move 1, style: manager, effects: {v0: -1}}
    endings:
      - {id: n0, title: Ending 0, tone: success, when: "0 < v0"}
      - {id: default, title: Default, tone: mixed}
    """
  ])
  func foundCounterexamples(yaml: String) {
    expectCheckAgreesWithPlay(yaml)
  }

  /// Plays the scenario at random and expects every scene, choice, event and ending
  /// that a game reaches to be reachable according to `check`.
  func expectCheckAgreesWithPlay(_ yaml: String) {
    let data = Data(yaml.utf8)
    let scenario: Scenario
    do {
      scenario = try ScenarioLoader.load(data: data, path: "sketch.yaml")
    } catch {
      Issue.record("the scenario does not load:\n\(error)")
      return
    }
    let analysis = StaticAnalysis(scenario)
    let verdicts = Linter.lint(data: data, path: "sketch.yaml").filter { $0.rule == .unreachableEnding }
    let engine = Engine(scenario: scenario)
    var scenes: Set<Int> = []
    var choices: Set<Int> = []
    var events: Set<Int> = []
    var endings: Set<Int> = []
    for seed: UInt64 in 0..<40 {
      let game = RandomPlay.game(engine, seed: seed, limit: scenario.maxTurns)
      scenes.formUnion(game.states.map(\.scene))
      choices.formUnion(game.moves.compactMap { scenario.choiceIndex(id: $0) })
      events.formUnion(game.state.firedEvents.indices.filter { game.state.firedEvents[$0] })
      if let ending = game.state.ending { endings.insert(ending) }
    }
    for scene in scenes.sorted() {
      #expect(analysis.scenes[scene], "scene '\(scenario.scenes[scene].id)' was reached but check calls it unreachable")
    }
    for choice in choices.sorted() {
      #expect(analysis.choices[choice], "choice '\(scenario.choices[choice].id)' was played but check says it is never offered")
    }
    for event in events.sorted() {
      #expect(analysis.events[event], "event '\(scenario.events[event].id)' fired but check says it never can")
    }
    for ending in endings.sorted() {
      let id = scenario.endings[ending].id
      let verdict = verdicts.first { $0.diagnostic.message.hasPrefix("ending '\(id)' can never be reached") }
      #expect(verdict == nil, "ending '\(id)' was reached, but check says: \(verdict?.diagnostic.message ?? "")")
    }
  }
}
