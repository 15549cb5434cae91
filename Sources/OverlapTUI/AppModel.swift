import Foundation
import OverlapEngine
import OverlapLab

/// The whole UI state: the game, the screens open on top of each other, cursors,
/// scroll positions and the terminal size.
public struct AppModel: Equatable, Sendable {
  public var size: Size
  public var capabilities: Capabilities
  /// Open screens, bottom first; the last one has the keyboard. Never empty.
  var screens: [Screen]
  /// The game being played, with its players and quiz answers.
  public internal(set) var session: Session?
  /// The slot the open game autosaves to.
  public internal(set) var autosaveSlot = ""
  /// The classroom flow: who decides, the quiz question, discussion pauses.
  public let workshop: Workshop
  /// The finished game's debrief, built once: it replays the game's key turns.
  var debrief: Debrief?
  /// The scenario files, once listed; loading them is left until a screen needs them.
  public internal(set) var catalog: [CatalogEntry]?
  public internal(set) var saves: [SaveEntry]
  var notice: Notice?
  var choiceCursor = 0
  var narrativeScroll = 0
  /// Click targets and scroll limits of the frame last drawn, as the view reported them.
  var layout = Layout()

  /// A model that opens on `opened`, or on the main menu when it is nil.
  public init(
    size: Size, capabilities: Capabilities, catalog: [CatalogEntry]?, saves: [SaveEntry], opened: OpenedGame? = nil,
    discuss: Bool = false
  ) {
    self.size = size
    self.capabilities = capabilities
    self.catalog = catalog
    self.saves = saves
    workshop = Workshop(discuss: discuss)
    screens = [.menu(cursor: 0)]
    if let opened { open(opened) }
  }

  var screen: Screen { screens.last ?? .menu(cursor: 0) }

  /// Whether the player is choosing a move (or naming its style in a quiz), so a key may play one.
  public var isChoosingMove: Bool {
    switch screen {
    case .game, .quizPrompt: true
    default: false
    }
  }
  public var game: Playthrough? { session?.game }
  /// The style guessed for each move; nil when the game is not a quiz.
  var quiz: [Style?]? { session?.quiz }
  var scenarios: [CatalogEntry] { catalog ?? [] }
  /// A scenario's title, for a save that names it by id; the id only until the scenarios are listed.
  func scenarioTitle(_ id: String) -> String {
    scenarios.first { $0.id == id && $0.problem == nil }?.title ?? id
  }

  /// What to do once the first frame is up: list the scenarios if the menu shows.
  public var commandsOnStart: [Command] {
    if case .menu = screen, catalog == nil { return [.listScenarios] }
    return []
  }
  var glyphs: Glyphs { .forTerminal(unicode: capabilities.unicode) }
  var theme: Theme { Theme(hasColor: capabilities.color) }

  mutating func open(_ opened: OpenedGame) {
    session = opened.session
    autosaveSlot = opened.autosaveSlot
    choiceCursor = 0
    narrativeScroll = 0
    let game = opened.session.game
    screens = [.menu(cursor: 0), game.isFinished ? .ending(scroll: 0) : .game]
    if game.moves.isEmpty && game.scenario.intro != nil { screens.append(.briefing(scroll: 0)) }
    notice = opened.notice.map { Notice(text: $0, isError: false) }
    debriefIfFinished()
  }

  /// Builds the debrief once the game has ended; the ending screen draws it at any width.
  mutating func debriefIfFinished() {
    debrief = session.flatMap { $0.game.isFinished ? Debrief($0) : nil }
  }

  /// The items of the main menu; "continue" only when there is a game to continue. A game
  /// that has ended is not one: then the newest unfinished autosave is offered instead.
  var menuItems: [MenuItem] {
    var items: [MenuItem] = []
    if let game, !game.isFinished {
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
