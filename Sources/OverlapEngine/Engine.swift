import Foundation

/// The rules. Every front end (the UI, `run`, `test`, `explore`, the debrief)
/// plays through this type, so the rules live only here.
public struct Engine: Sendable {
  /// The seed headless commands (`run`, `test`, `explore`) use unless told otherwise.
  public static let defaultSeed: UInt64 = 1

  public let scenario: Scenario
  /// The scenario as the rules read it; `scenario` keeps the names and text.
  public let runtime: CompiledScenario

  public init(scenario: Scenario) {
    self.scenario = scenario
    runtime = CompiledScenario(scenario)
  }

  public func start(seed: UInt64) -> GameState {
    var state = GameState(
      rng: SplitMix64(seed: seed), scene: scenario.startScene, values: scenario.values.map(\.start),
      flags: scenario.flags.map(\.start), events: scenario.events.count)
    var ignore = IgnoreTurn()
    let atoms = runtime.atoms(in: &state)
    if !offersChoice(in: &state, atoms: atoms, recorder: &ignore) { state.ending = finalEnding(&state, atoms: atoms) }
    return state
  }

  // MARK: - Reading state

  /// An author's expression, such as a text condition, read in `state`. The rules never
  /// come here: they run the compiled conditions in `runtime`.
  public func evaluate(_ expression: Expression, in state: GameState) -> Int {
    expression.evaluate { state.read($0) }
  }

  public func render(_ text: Text, in state: GameState) -> String {
    text.render { state.read($0) }
  }

  @inline(__always)
  public func isOffered(_ choice: Int, in state: GameState) -> Bool {
    var state = state
    return runtime.holds(runtime.choices[choice].condition, atoms: runtime.atoms(in: &state), in: &state)
  }

  /// The choices the player may pick now, in the order shown (numbered from 1).
  public func legalChoices(in state: GameState) -> [Int] {
    var legal: [Int] = []
    var state = state
    legalChoices(in: &state, into: &legal)
    return legal
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
