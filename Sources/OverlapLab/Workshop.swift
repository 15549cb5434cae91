import Foundation
import OverlapEngine

/// The classroom flow that plain and full-screen play share, so both modes agree on who
/// decides a turn, what answers the quiz question, how a quiz is scored and when the
/// room pauses to discuss. Neither mode keeps a rule of its own.
public struct Workshop: Equatable, Sendable {
  /// Pause on the scene's discussion prompt after each move's result.
  public var discuss: Bool

  public init(discuss: Bool = false) {
    self.discuss = discuss
  }

  // MARK: - Who decides

  /// The team member who decides move `index` (from 0): members take turns in the order given.
  public static func decider(_ players: [String], move index: Int) -> String? {
    players.isEmpty ? nil : players[index % players.count]
  }

  // MARK: - The quiz question

  /// What a player can say to "leader or manager?", typed or as one key.
  public enum Answer: Equatable, Sendable {
    case guess(Style)
    /// Leave the move unplayed, save and quit.
    case quit

    /// `l`, `leader`, `m`, `manager`, `q` or `quit`, in any case; nil for anything else,
    /// which asks again.
    public init?(_ input: String) {
      switch input.trimmingCharacters(in: .whitespaces).lowercased() {
      case "l", "leader": self = .guess(.leader)
      case "m", "manager": self = .guess(.manager)
      case "q", "quit": self = .quit
      default: return nil
      }
    }
  }

  // MARK: - Discussion

  /// The prompt to pause on once a move's result has been seen: the discussion prompt of
  /// the scene the last move was played in, when this workshop discusses and it has one.
  public func discussion(after game: Playthrough) -> String? {
    guard discuss, game.states.count >= 2 else { return nil }
    return game.scenario.scenes[game.states[game.states.count - 2].scene].discuss
  }
}

extension Session {
  /// Who decides move `index` (from 0); nil in solo play.
  public func decider(ofMove index: Int) -> String? {
    Workshop.decider(players, move: index)
  }

  /// Who decides the move being chosen now; nil in solo play and once the game is over.
  public var decider: String? {
    game.isFinished ? nil : decider(ofMove: game.state.moves)
  }

  /// The quiz score so far; nil when the game is not a quiz.
  public var quizScore: Debrief.Quiz? {
    quiz.map { Debrief.Quiz(styles: game.turns.map { game.scenario.choices[$0.choice].style }, guesses: $0) }
  }

  /// The style guessed for the last move played; nil outside a quiz or before a move.
  public var lastGuess: Style? {
    guard let quiz, game.turns.count >= 1, quiz.indices.contains(game.turns.count - 1) else { return nil }
    return quiz[game.turns.count - 1]
  }
}

extension Debrief.Quiz {
  /// Scores guesses against the styles played: guess `i` is for move `i`, and a move
  /// without a guess counts as missed.
  public init(styles: [Style], guesses: [Style?]) {
    let marks = styles.indices.map { index in index < guesses.count && guesses[index] == styles[index] }
    let right = marks.filter { $0 }.count
    self.init(
      right: right, answered: guesses.prefix(styles.count).compactMap { $0 }.count, total: styles.count,
      percent: styles.isEmpty ? 0 : (right * 100 + styles.count / 2) / styles.count,
      missed: marks.indices.filter { !marks[$0] }.map { $0 + 1 })
  }

  /// "2 of 3 styles named correctly (67%)."
  public var summary: String {
    "\(right) of \(total) styles named correctly (\(percent)%)."
  }
}
