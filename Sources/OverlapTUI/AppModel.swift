import Foundation
import OverlapEngine

/// The whole UI state: the game, the screens open on top of each other, cursors,
/// scroll positions and the terminal size.
public struct AppModel: Sendable {
  public var size: Size
  public var capabilities: Capabilities
  /// Open screens, bottom first; the last one has the keyboard. Never empty.
  var screens: [Screen]
  public internal(set) var game: Playthrough?
  public internal(set) var players: [String] = []
  public internal(set) var quiz: [Style?]?
  public internal(set) var created: Date?
  /// The scenario files, once listed; loading them is left until a screen needs them.
  public internal(set) var catalog: [CatalogEntry]?
  public internal(set) var saves: [SaveEntry]
  var notice: Notice?
  var choiceCursor = 0
  var narrativeScroll = 0

  /// A model that opens on `opened`, or on the main menu when it is nil.
  public init(
    size: Size, capabilities: Capabilities, catalog: [CatalogEntry]?, saves: [SaveEntry], opened: OpenedGame? = nil
  ) {
    self.size = size
    self.capabilities = capabilities
    self.catalog = catalog
    self.saves = saves
    screens = [.menu(cursor: 0)]
    if let opened { open(opened) }
  }

  var screen: Screen { screens.last ?? .menu(cursor: 0) }
  var scenarios: [CatalogEntry] { catalog ?? [] }

  /// What to do once the first frame is up: list the scenarios if the menu shows.
  public var commandsOnStart: [Command] {
    if case .menu = screen, catalog == nil { return [.listScenarios] }
    return []
  }
  var glyphs: Glyphs { .forTerminal(unicode: capabilities.unicode) }
  var theme: Theme { Theme(hasColor: capabilities.color) }

  mutating func open(_ opened: OpenedGame) {
    game = opened.game
    players = opened.players
    quiz = opened.quiz
    created = opened.created
    choiceCursor = 0
    narrativeScroll = 0
    screens = [.menu(cursor: 0), opened.game.isFinished ? .ending(scroll: 0) : .game]
    notice = opened.notice.map { Notice(text: $0, isError: false) }
  }

  /// The items of the main menu; "continue" only when there is a game to continue.
  var menuItems: [MenuItem] {
    var items: [MenuItem] = []
    if game != nil {
      items.append(.resumeGame)
    } else if let last = lastAutosave {
      items.append(.continueGame(last))
    }
    items += [.newGame, .loadSave, .help, .quit]
    return items
  }

  /// The most recently updated autosave of an unfinished game.
  var lastAutosave: SaveEntry? {
    saves.filter { $0.name.hasPrefix("autosave-") && $0.finished == false }
      .max { ($0.updated ?? "", $0.name) < ($1.updated ?? "", $1.name) }
  }
}

/// A status-line message that stays until the next key.
struct Notice: Equatable, Sendable {
  var text: String
  var isError: Bool
}
