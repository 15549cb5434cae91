import ArgumentParser
import Foundation
import OverlapEngine
import OverlapLab

struct ExploreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explore",
    abstract: "Play many playthroughs: endings, meter statistics, coverage and dominant strategies.",
    discussion: """
      Strategies: random (any legal move), leader or manager (a move of that style whenever \
      one is offered), balanced (the style that is behind so far), or all four. Each run's \
      seed derives from --seed and the run's number, so results repeat whatever --jobs is, \
      and every example run can be replayed with 'overlap run'.

      --exhaustive follows every move and every chance outcome, merging identical states, \
      and reports exact reachability and exact probabilities. It always includes uniform \
      random play, and gives up (exit 1) past --max-states distinct states. \
      The JSON keys are described in docs/lab.md.
      """)

  enum StrategyChoice: String, ExpressibleByArgument, CaseIterable {
    case random, leader, manager, balanced, all

    var strategies: [Strategy] {
      self == .all ? Strategy.allCases : Strategy(rawValue: rawValue).map { [$0] } ?? []
    }
  }

  @Argument(help: "A scenario id (such as 'change') or a path to a scenario file.")
  var scenario: String

  @Option(help: "Runs per strategy. Default: 10000.")
  var runs: Int?

  @Option(help: "Which strategy to play: random, leader, manager, balanced or all.")
  var strategy: StrategyChoice = .all

  @Option(help: "The seed the runs' seeds derive from. Default: 1, so that results repeat.")
  var seed: UInt64?

  @Option(help: "Threads to use. Default: the number of cores.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Explore every branch instead of sampling runs.")
  var exhaustive = false

  @Option(name: .customLong("max-states"), help: "With --exhaustive: give up past this many distinct states.")
  var maxStates = 10_000_000

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: SharedOptions

  static let defaultRuns = 10_000

  func validate() throws {
    if let runs, runs < 1 { throw ValidationError("--runs must be at least 1") }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if maxStates < 1 { throw ValidationError("--max-states must be at least 1") }
    if exhaustive && runs != nil { throw ValidationError("--exhaustive explores every branch, so --runs does not apply") }
    if exhaustive && seed != nil { throw ValidationError("--exhaustive follows every chance outcome, so --seed does not apply") }
  }

  func run() throws {
    if Console.current.catchesSignals { StopOnSignal.install("explore interrupted; no report was written") }
    let scenario = try options.library.load(self.scenario)
    let engine = Engine(scenario: scenario)
    let clock = ContinuousClock()
    let started = clock.now
    let report: ExplorationReport
    if exhaustive {
      let strategies = [.random] + strategy.strategies.filter { $0 != .random }
      let explorer = ExhaustiveExplorer(engine: engine)
      var results: [ExhaustiveResult] = []
      for strategy in strategies {
        do {
          results.append(try explorer.explore(strategy, maxStates: maxStates, jobs: jobs))
        } catch {
          throw CLIError(error.description, .failed)
        }
      }
      report = ExplorationReport(
        scenario: scenario, reference: self.scenario, results: results, jobs: jobs, seconds: Self.seconds(since: started, clock))
    } else {
      let explorer = Explorer(engine: engine)
      let seed = seed ?? defaultSeed
      let strategies = strategy.strategies
      let tallies = Array(zip(strategies, explorer.sample(strategies, runs: runs ?? Self.defaultRuns, seed: seed, jobs: jobs)))
      report = ExplorationReport(
        scenario: scenario, reference: self.scenario, tallies: tallies, seed: seed, jobs: jobs,
        seconds: Self.seconds(since: started, clock))
    }
    switch format {
    case .text: Console.current.out(report.text(for: scenario))
    case .json: Console.print(try PrettyJSON.text(report))
    }
  }

  static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }
}
