/// One screen on the stack, with its own cursor or scroll position.
enum Screen: Equatable, Sendable {
  case menu(cursor: Int)
  case scenarioPicker(cursor: Int)
  /// A new game's introduction, before the first move.
  case briefing(scroll: Int)
  case game
  /// In a quiz: the chosen move (an index into the scenario's choices) waits for the
  /// player to say which style it is, so nothing on screen gives the answer away first.
  case quizPrompt(choice: Int)
  /// The result of the last move, over the game screen.
  case result(scroll: Int)
  /// Workshop mode: the scene's discussion prompt, after the result.
  case discussion(scroll: Int)
  case help(scroll: Int)
  case history(scroll: Int)
  case savePrompt(name: String, problem: String?)
  case loadPicker(cursor: Int)
  case ending(scroll: Int)

  /// How far the screen is scrolled, for the screens that scroll.
  var scroll: Int? {
    switch self {
    case .result(let scroll), .discussion(let scroll), .help(let scroll), .history(let scroll), .ending(let scroll),
      .briefing(let scroll):
      scroll
    case .menu, .scenarioPicker, .game, .quizPrompt, .savePrompt, .loadPicker: nil
    }
  }

  /// Modal screens draw over the screen below them.
  var isModal: Bool {
    switch self {
    case .result, .savePrompt, .quizPrompt, .discussion: true
    default: false
    }
  }
}

enum MenuItem: Equatable, Sendable {
  /// Back to the game already open.
  case resumeGame
  /// Load the newest unfinished autosave.
  case continueGame(SaveEntry)
  case newGame, loadSave, help, quit
}
