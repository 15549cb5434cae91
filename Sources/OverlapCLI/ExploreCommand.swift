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
      random play, and gives up (exit 1) past --max-states kept states (a state one move \
      from the end is played out at once, not kept). \
      The JSON keys are described in docs/lab.md.

      --transcripts N --out DIR writes playthroughs to read instead of a report: under each \
      strategy the N/2 most likely paths and the N/2 rarest among --runs sampled games \
      (default 2000), plus one path to each ending reached, and an index.txt.
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

  @Option(name: .customLong("max-states"), help: "With --exhaustive: give up past this many kept states, counted over all turns.")
  var maxStates = 30_000_000

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Option(help: ArgumentHelp("Write this many readable playthroughs per strategy into --out.", valueName: "N"))
  var transcripts: Int?

  @Option(help: ArgumentHelp("The folder for --transcripts (created if needed).", valueName: "DIR"))
  var out: String?

  @OptionGroup var options: SharedOptions

  static let defaultRuns = 10_000

  func validate() throws {
    if let runs, runs < 1 { throw ValidationError("--runs must be at least 1") }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if maxStates < 1 { throw ValidationError("--max-states must be at least 1") }
    if exhaustive && runs != nil { throw ValidationError("--exhaustive explores every branch, so --runs does not apply") }
    if exhaustive && seed != nil { throw ValidationError("--exhaustive follows every chance outcome, so --seed does not apply") }
    if let transcripts, transcripts < 1 { throw ValidationError("--transcripts must be at least 1") }
    if transcripts != nil && out == nil { throw ValidationError("--transcripts needs --out DIR for the files") }
    if out != nil && transcripts == nil { throw ValidationError("--out is the folder for --transcripts N") }
    if transcripts != nil && exhaustive { throw ValidationError("--transcripts samples games, so --exhaustive does not apply") }
  }

  func run() throws {
    if Console.current.catchesSignals { StopOnSignal.install("explore interrupted; no report was written") }
    let scenario = try options.library.load(self.scenario)
    let engine = Engine(scenario: scenario)
    if let transcripts, let out {
      try writeTranscripts(engine: engine, count: transcripts, to: out)
      return
    }
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

  // MARK: - Transcripts

  func writeTranscripts(engine: Engine, count: Int, to folder: String) throws {
    let set = TranscriptSet(
      engine: engine, strategies: strategy.strategies, perStrategy: count, runs: runs ?? 2_000, seed: seed ?? defaultSeed)
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw CLIError("\(folder): cannot create the folder: \(error.localizedDescription)", .ioError)
    }
    var index = ["Transcripts of \(engine.scenario.title) (\(engine.scenario.id)), \(set.runs) sampled runs per strategy.", ""]
    for (number, pick) in set.picks.enumerated() {
      let ending = pick.game.ending?.id ?? "unfinished"
      let name = String(format: "%02d-%@-%@-%@.txt", number + 1, pick.strategy.rawValue, pick.kind.replacingOccurrences(of: " ", with: "-"), ending)
      let share = pick.kind == "ending" ? "first run to reach it" : "\(pick.count) of \(set.runs) runs"
      let heading = "\(engine.scenario.title): \(pick.strategy.rawValue) play, \(pick.kind) (\(share)), ending \(ending)"
      try OutputFile.write(Transcript.text(pick.game, reference: scenario, heading: heading), to: (folder as NSString).appendingPathComponent(name))
      index.append("\(name): \(pick.strategy.rawValue), \(pick.kind), \(share), ending \(ending)")
    }
    if !set.unreached.isEmpty { index += ["", "No sampled run reached: " + set.unreached.joined(separator: ", ")] }
    try OutputFile.write(index.joined(separator: "\n") + "\n", to: (folder as NSString).appendingPathComponent("index.txt"))
    Console.print("Wrote \(set.picks.count) transcripts and index.txt to \(folder).")
  }
}
