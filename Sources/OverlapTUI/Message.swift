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
  /// A frame was drawn; its layout is what scroll keys and clicks work from until the next.
  case viewReported(Layout)
}

/// A game handed to the UI, with what its saves must carry on.
public struct OpenedGame: Sendable {
  public var session: Session
  /// The slot this game autosaves to (see `SaveStore.autosaveSlot`).
  public var autosaveSlot: String
  /// Shown on the status line, e.g. "Resumed 'lunch'" or a scenario-changed warning.
  public var notice: String?

  public init(session: Session, autosaveSlot: String, notice: String? = nil) {
    self.session = session
    self.autosaveSlot = autosaveSlot
    self.notice = notice
  }
}
