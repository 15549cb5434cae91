import Foundation

/// The whole of one player's game: the scenario and seed (in `game`), every move as the
/// engine recorded it, who played, what they guessed, and when. `run`, plain play,
/// full-screen play and the debrief all read and write a `Session`; a save is one on
/// disk, and `SaveGame` ⇄ `Session` is the only conversion between them.
public struct Session: Equatable, Sendable {
  /// The scenario, seed, moves, `[Turn]` and states.
  public private(set) var game: Playthrough
  /// Team members in playing order; empty for solo play.
  public var players: [String]
  /// The style guessed for each move in quiz mode, or nil when the game is not a quiz.
  public private(set) var quiz: [Style?]?
  public var created: Date
  /// When the last move was made, or the session began.
  public private(set) var updated: Date

  /// A new game.
  public init(game: Playthrough, players: [String] = [], quiz: Bool = false, now: Date = Date()) {
    self.game = game
    self.players = players
    self.quiz = quiz ? [] : nil
    created = now
    updated = now
  }

  /// The game in `save`, its moves replayed through `engine`.
  public init(_ save: SaveGame, engine: Engine) throws(MoveError) {
    game = try Playthrough.replay(engine: engine, seed: save.seed, moves: save.moves)
    players = save.players
    quiz = save.quiz
    created = save.createdDate ?? Date()
    updated = SaveGame.date(save.updated) ?? created
  }

  public var scenario: Scenario { game.scenario }
  public var isQuiz: Bool { quiz != nil }

  /// Plays a move given as a shown number or a choice id; in a quiz, with the style guessed.
  @discardableResult
  public mutating func play(_ move: String, guess: Style? = nil, now: Date = Date()) throws(MoveError) -> Turn {
    play(choice: try game.engine.resolveMove(move, in: game.state), guess: guess, now: now)
  }

  /// Plays a choice that must be legal now, keeping one quiz answer per move.
  @discardableResult
  public mutating func play(choice: Int, guess: Style? = nil, now: Date = Date()) -> Turn {
    let turn = game.play(choice: choice)
    quiz?.append(guess)
    updated = now
    return turn
  }

  /// The turn the save listing and the menu show: the one being played, or for a finished
  /// game the number of turns played, as the debrief counts them.
  public var shownTurn: Int { game.isFinished ? game.state.moves : game.state.turn }
}
