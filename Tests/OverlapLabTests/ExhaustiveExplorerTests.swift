import OverlapEngine
import Testing

@testable import OverlapLab

@Suite struct ExhaustiveExplorerTests {
  /// The exact probabilities of each ending, by walking every branch without merging anything.
  func bruteForce(_ engine: Engine, _ strategy: Strategy, state: GameState, probability: Double, into endings: inout [Double]) {
    if let ending = state.ending {
      endings[ending] += probability
      return
    }
    var legal = engine.legalChoices(in: state)
    strategy.narrow(&legal, in: state, styles: engine.scenario.choices.map(\.style))
    for choice in legal {
      var dice = ScriptedDice()
      repeat {
        var next = state
        engine.advance(choice, in: &next, dice: &dice)
        bruteForce(engine, strategy, state: next, probability: probability / Double(legal.count) * dice.probability, into: &endings)
      } while dice.nextBranch()
    }
  }

  @Test(arguments: [LabFixtures.tiny, LabFixtures.clean, LabFixtures.weighted], Strategy.allCases)
  func mergedExplorationMatchesBruteForce(path: String, strategy: Strategy) throws {
    let engine = try LabFixtures.engine(path)
    var expected = Array(repeating: 0.0, count: engine.scenario.endings.count)
    bruteForce(engine, strategy, state: engine.start(seed: 0), probability: 1, into: &expected)
    var first: [Double]?
    for jobs in [1, 2, 3, 8] {
      let result = try ExhaustiveExplorer(engine: engine).explore(strategy, maxStates: 10_000, jobs: jobs)
      for (found, wanted) in zip(result.probabilities, expected) {
        #expect(abs(found - wanted) < 1e-12)
      }
      #expect(abs(result.probabilities.reduce(0, +) - 1) < 1e-12)
      // The same sums in the same order, whatever the jobs: identical to the last bit.
      #expect(result.probabilities == (first ?? result.probabilities))
      first = first ?? result.probabilities
    }
  }

  /// On a built-in scenario, big enough that every shard is busy, any number of jobs
  /// gives bit-for-bit the same figures.
  @Test func jobsNeverChangeABuiltInScenariosFigures() throws {
    let engine = try LabFixtures.engine(LabFixtures.repository.appendingPathComponent("Scenarios/delegation.yaml").path)
    let results = try [1, 2, 3].map { try ExhaustiveExplorer(engine: engine).explore(.manager, maxStates: 1_000_000, jobs: $0) }
    #expect(results.allSatisfy { $0.probabilities == results[0].probabilities && $0.paths == results[0].paths })
    #expect(results.allSatisfy { $0.states == results[0].states && $0.turns == results[0].turns })
  }

  @Test func tinyProbabilitiesAreExact() throws {
    let result = try ExhaustiveExplorer(engine: LabFixtures.engine(LabFixtures.tiny)).explore(.random, maxStates: 1000)
    #expect(abs(result.probabilities[1] - 1.0 / 3) < 1e-12)
    #expect(abs(result.probabilities[2] - 2.0 / 3) < 1e-12)
    #expect(result.probabilities[0] == 0)
    #expect(result.events == [false])
    #expect(result.choices.allSatisfy { $0 })
    // vision: 3 moves then 2; plan: 2 then 2; gamble: 2 chance outcomes, then 2 and 2.
    let playthroughs = result.paths.reduce(0, +)
    #expect(playthroughs == 18)
  }

  /// `one_of` weights 2 : 1 become exact probabilities, and routed scenes are explored.
  @Test func weightedOutcomesHaveTheirExactProbabilities() throws {
    let engine = try LabFixtures.engine(LabFixtures.weighted)
    let scenario = engine.scenario
    let result = try ExhaustiveExplorer(engine: engine).explore(.random, maxStates: 1000)
    // Half the games ask Dana: she agrees 2 times in 3. The other half assign the work.
    let expected = ["agreed": 1.0 / 3, "refused": 1.0 / 6, "other": 1.0 / 2]
    for (id, probability) in expected {
      let index = try #require(scenario.endingIndex(id: id))
      #expect(abs(result.probabilities[index] - probability) < 1e-12, "\(id)")
    }
    #expect(result.scenes.allSatisfy { $0 })
    // ask-dana: 2 outcomes, then 2 moves each; assign: 2 rolls, then 2 moves each.
    #expect(result.paths.reduce(0, +) == 8)
    // Sampling with the game's own generator lands on the same numbers.
    let tally = Explorer(engine: engine).sample(.random, runs: 30_000, seed: 4, jobs: 2)
    for (index, probability) in result.probabilities.enumerated() {
      #expect(abs(Double(tally.endings[index]) / 30_000 - probability) < 0.015)
    }
  }

  @Test func scriptedDicePickEveryOutcomeWithItsWeight() {
    var dice = ScriptedDice()
    var seen: [[Int]] = []
    var probabilities: [Double] = []
    repeat {
      let first = dice.pick(weights: [2, 0, 1], total: 3)
      let second = dice.roll(percent: 25) ? 1 : 0
      seen.append([first, second])
      probabilities.append(dice.probability)
    } while dice.nextBranch()
    // An outcome of weight 0 never becomes a branch.
    #expect(seen == [[0, 0], [0, 1], [2, 0], [2, 1]])
    for (found, wanted) in zip(probabilities, [2.0 / 3 * 0.75, 2.0 / 3 * 0.25, 1.0 / 3 * 0.75, 1.0 / 3 * 0.25]) {
      #expect(abs(found - wanted) < 1e-12)
    }
  }

  @Test func samplingConvergesOnTheExactProbabilities() throws {
    let engine = try LabFixtures.engine(LabFixtures.clean)
    let exact = try ExhaustiveExplorer(engine: engine).explore(.balanced, maxStates: 1000)
    let tally = Explorer(engine: engine).sample(.balanced, runs: 40_000, seed: 4, jobs: 2)
    for (index, probability) in exact.probabilities.enumerated() {
      #expect(abs(Double(tally.endings[index]) / 40_000 - probability) < 0.02)
    }
  }

  @Test func threadsFindTheSameStatesAndCoverage() throws {
    let engine = try LabFixtures.engine(LabFixtures.clean)
    let one = try ExhaustiveExplorer(engine: engine).explore(.random, maxStates: 1000, jobs: 1)
    let three = try ExhaustiveExplorer(engine: engine).explore(.random, maxStates: 1000, jobs: 3)
    #expect(one.states == three.states && one.turns == three.turns && one.paths == three.paths)
    #expect(one.scenes == three.scenes && one.choices == three.choices && one.events == three.events)
  }

  @Test func givesUpPastTheStateLimit() throws {
    let explorer = ExhaustiveExplorer(engine: try LabFixtures.engine(LabFixtures.tiny))
    #expect(throws: ExhaustiveExplorer.TooManyStates.self) { try explorer.explore(.random, maxStates: 3) }
    do {
      _ = try explorer.explore(.random, maxStates: 3)
    } catch {
      #expect(error.description.hasPrefix("gave up: playing 'random', the game reaches more than 3 distinct states by turn 2"))
    }
  }

  @Test func scriptedDiceWalkEveryCombinationOnce() {
    var dice = ScriptedDice()
    var seen: [[Bool]] = []
    var total = 0.0
    repeat {
      let first = dice.roll(percent: 30)
      // The second roll only happens when the first hits.
      let second = first ? dice.roll(percent: 50) : false
      seen.append([first, second])
      total += dice.probability
    } while dice.nextBranch()
    #expect(seen == [[false, false], [true, false], [true, true]])
    #expect(abs(total - 1) < 1e-12)
  }
}
