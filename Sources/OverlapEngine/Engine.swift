import Foundation

/// The rules. Every front end (the UI, `run`, `test`, `explore`, the debrief)
/// plays through this type, so the rules live only here.
public struct Engine: Sendable {
  /// The seed headless commands (`run`, `test`, `explore`) use unless told otherwise.
  public static let defaultSeed: UInt64 = 1

  public let scenario: Scenario

  public init(scenario: Scenario) {
    self.scenario = scenario
  }

  public func start(seed: UInt64) -> GameState {
    var state = GameState(
      rng: SplitMix64(seed: seed), scene: scenario.startScene,
      values: scenario.values.map(\.start), flags: scenario.flags.map(\.start),
      firedEvents: Array(repeating: false, count: scenario.events.count), pending: [],
      moves: 0, leaderMoves: 0, managerMoves: 0, lastStyle: nil, streak: 0, ending: nil)
    if !anyChoiceOffered(in: &state) { state.ending = finalEnding(&state) }
    return state
  }

  // MARK: - Reading state

  @inline(__always)
  public func evaluate(_ expression: Expression, in state: GameState) -> Int {
    expression.evaluate { state.read($0) }
  }

  @inline(__always)
  public func holds(_ condition: Expression?, in state: GameState) -> Bool {
    guard let condition else { return true }
    return evaluate(condition, in: state) != 0
  }

  public func render(_ text: Text, in state: GameState) -> String {
    text.render { state.read($0) }
  }

  @inline(__always)
  public func isOffered(_ choice: Int, in state: GameState) -> Bool {
    holds(scenario.choices[choice].condition, in: state)
  }

  /// The choices the player may pick now, in the order shown (numbered from 1).
  public func legalChoices(in state: GameState) -> [Int] {
    guard !state.isFinished else { return [] }
    return scenario.scenes[state.scene].choices.filter { isOffered($0, in: state) }
  }

  /// Turns a move as typed (a number shown on screen, or a choice id) into a choice index.
  public func resolveMove(_ move: String, in state: GameState) throws(MoveError) -> Int {
    let trimmed = move.trimmingCharacters(in: .whitespaces)
    // Echoed in messages: one line, cut short.
    let shown = TerminalSafe.excerpt(trimmed)
    guard !state.isFinished else { throw MoveError("the game is already over; move '\(shown)' cannot be played", turn: state.turn) }
    let legal = legalChoices(in: state)
    let scene = scenario.scenes[state.scene].id
    if let number = Int(trimmed) {
      guard (1...legal.count).contains(number) else {
        throw MoveError("move \(number) is not offered in scene '\(scene)'; choose 1 to \(legal.count)", turn: state.turn)
      }
      return legal[number - 1]
    }
    if let index = legal.first(where: { scenario.choices[$0].id == trimmed }) { return index }
    let offered = legal.map { scenario.choices[$0].id }.joined(separator: ", ")
    var message = "'\(shown)' is not a choice offered in scene '\(scene)' (offered: \(offered))"
    if let guess = closestMatch(to: trimmed, in: legal.map { scenario.choices[$0].id }) { message += "; did you mean '\(guess)'?" }
    throw MoveError(message, turn: state.turn)
  }
}

/// A move that cannot be played now.
public struct MoveError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var turn: Int

  public init(_ message: String, turn: Int) {
    self.message = message
    self.turn = turn
  }

  public var description: String { "turn \(turn): \(message)" }
}

extension Expression {
  /// Whether the condition holds, for the rules' inner loop. Called in place, as in
  /// `scenario.events[index].condition?.holds(in: &state)`, it copies neither the
  /// expression nor the state, whose reference counting would cost more than the move.
  @inline(__always)
  func holds(in state: inout GameState) -> Bool {
    evaluate { state.read($0) } != 0
  }
}
