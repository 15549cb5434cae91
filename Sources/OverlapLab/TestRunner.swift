import Foundation
import OverlapEngine

/// Runs the test cases written inside a scenario: plays each move script through
/// the engine and compares the result with what the test expects.
public enum TestRunner {
  /// Runs every test of `scenario`, in file order.
  public static func run(_ scenario: Scenario) -> [TestOutcome] {
    let engine = Engine(scenario: scenario)
    return scenario.tests.map { run($0, engine: engine) }
  }

  static func run(_ test: TestCase, engine: Engine) -> TestOutcome {
    let clock = ContinuousClock()
    let started = clock.now
    var outcome = TestOutcome(scenario: engine.scenario.id, path: engine.scenario.path, name: test.name, location: test.location)
    outcome.failures = failures(of: test, engine: engine)
    let elapsed = clock.now - started
    outcome.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return outcome
  }

  static func failures(of test: TestCase, engine: Engine) -> [TestOutcome.Failure] {
    let scenario = engine.scenario
    var game = Playthrough(engine: engine, seed: test.seed ?? Engine.defaultSeed)
    for (number, move) in test.moves.enumerated() {
      if let ending = game.ending {
        let left = test.moves[number...].joined(separator: ", ")
        return [.init(turn: game.state.moves, message: "the game ended in '\(ending.id)' after turn \(game.state.moves), but moves remain: \(left)")]
      }
      do {
        try game.play(move)
      } catch {
        return [.init(turn: error.turn, message: error.message)]
      }
    }
    var failures: [TestOutcome.Failure] = []
    let last = game.state.moves
    if let expected = test.ending {
      if let ending = game.ending {
        if ending.id != expected {
          failures.append(.init(turn: last, message: "expected ending '\(expected)', but the game ended in '\(ending.id)' (\(ending.tone.rawValue))"))
        }
      } else {
        failures.append(.init(turn: last, message: "expected ending '\(expected)', but the game is not over: it waits in scene '\(scenario.scenes[game.state.scene].id)'"))
      }
    }
    if let tone = test.tone, game.ending?.tone != tone {
      let actual = game.ending.map { "'\($0.tone.rawValue)' (ending '\($0.id)')" } ?? "none: the game is not over"
      failures.append(.init(turn: last, message: "expected tone '\(tone.rawValue)', but the tone is \(actual)"))
    }
    for range in test.ranges {
      let name = scenario.values[range.value].name
      let value = game.state.values[range.value]
      guard !(range.lower...range.upper).contains(value) else { continue }
      // The turn after which the value left the range for good.
      let values = game.states.map { $0.values[range.value] }
      let stayedOut = values.reversed().prefix { !(range.lower...range.upper).contains($0) }.count
      let left = values.count - stayedOut
      let since = left == 0 ? "it was never in range" : "it left the range on turn \(left)"
      failures.append(.init(turn: left == 0 ? last : left, message: "\(name) is \(value), expected \(describe(range)); \(since)"))
    }
    for (flag, expected) in test.flags where game.state.flags[flag] != expected {
      let values = game.states.map { $0.flags[flag] }
      let stayed = values.reversed().prefix { $0 != expected }.count
      let changed = values.count - stayed
      let since = changed == 0 ? "it never was" : "it changed on turn \(changed)"
      failures.append(.init(turn: changed == 0 ? last : changed, message: "flag '\(scenario.flags[flag].name)' is \(!expected), expected \(expected); \(since)"))
    }
    failures += offerFailures(of: test, game: game)
    for (event, expected) in test.fired {
      let turn = game.turns.first { $0.events.contains { $0.event == event } }?.number
      guard (turn != nil) != expected else { continue }
      let id = scenario.events[event].id
      failures.append(
        .init(turn: turn ?? last, message: expected ? "event '\(id)' never fired" : "event '\(id)' fired on turn \(turn ?? 0), expected it not to"))
    }
    if !test.phrases.isEmpty {
      let shown = Transcript.text(game, reference: scenario.id, heading: "")
      for (phrase, expected) in test.phrases where shown.contains(phrase) != expected {
        failures.append(.init(turn: last, message: expected ? "no text shows \"\(phrase)\"" : "a text shows \"\(phrase)\", expected it never to"))
      }
    }
    return failures
  }

  /// Whether each choice named in `offered`/`not_offered` was offered at its turn.
  static func offerFailures(of test: TestCase, game: Playthrough) -> [TestOutcome.Failure] {
    test.offered.compactMap { turn, choice, expected in
      let id = game.scenario.choices[choice].id
      guard game.states.indices.contains(turn - 1) else {
        return .init(turn: game.state.moves, message: "choice '\(id)' is checked at turn \(turn), but the moves stop before it")
      }
      let offered = game.engine.legalChoices(in: game.states[turn - 1]).contains(choice)
      guard offered != expected else { return nil }
      return .init(turn: turn, message: "choice '\(id)' is \(offered ? "" : "not ")offered at turn \(turn), expected \(expected ? "it to be" : "it not to be")")
    }
  }

  static func describe(_ range: TestCase.Range) -> String {
    if range.lower == range.upper { return String(range.lower) }
    switch (range.lower == .min, range.upper == .max) {
    case (true, true): return "any value"
    case (true, false): return "at most \(range.upper)"
    case (false, true): return "at least \(range.lower)"
    case (false, false): return "\(range.lower)..\(range.upper)"
    }
  }
}

/// The result of one scenario test.
public struct TestOutcome: Sendable, Equatable {
  /// One way the result differed from what the test expects.
  public struct Failure: Sendable, Equatable, CustomStringConvertible {
    /// The turn the difference shows at (0 before the first move).
    public var turn: Int
    public var message: String

    public var description: String { "turn \(turn): \(message)" }
  }

  public var scenario: String
  public var path: String
  public var name: String
  public var location: SourceLocation
  public var failures: [Failure] = []
  public var seconds: Double = 0

  public init(scenario: String, path: String, name: String, location: SourceLocation) {
    self.scenario = scenario
    self.path = path
    self.name = name
    self.location = location
  }

  public var passed: Bool { failures.isEmpty }
}
