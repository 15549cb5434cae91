import Foundation
import OverlapEngine

/// Everything that can happen to the app: what the player does, and what a command reported back.
public enum Message: Sendable {
  case pressedKey(Key)
  case clicked(Position)
  /// The mouse wheel: negative scrolls up.
  case scrolledWheel(Int)
  case resized(Size)
  /// A new or loaded game is ready to play.
  case openedGame(OpenedGame)
  case savedGame(name: String)
  case listedSaves([SaveEntry])
  case listedScenarios([CatalogEntry])
  /// A command failed; the text says why, for the status line.
  case commandFailed(String)
}

/// A game handed to the UI, with what its saves must carry on.
public struct OpenedGame: Sendable {
  public var game: Playthrough
  public var players: [String]
  public var quiz: [Style?]?
  /// When the game was first saved, kept across autosaves.
  public var created: Date?
  /// The slot this game autosaves to (see `SaveStore.autosaveSlot`).
  public var autosaveSlot: String
  /// Shown on the status line, e.g. "Resumed 'lunch'" or a scenario-changed warning.
  public var notice: String?

  public init(
    game: Playthrough, autosaveSlot: String, players: [String] = [], quiz: [Style?]? = nil, created: Date? = nil,
    notice: String? = nil
  ) {
    self.game = game
    self.players = players
    self.quiz = quiz
    self.created = created
    self.autosaveSlot = autosaveSlot
    self.notice = notice
  }
}
