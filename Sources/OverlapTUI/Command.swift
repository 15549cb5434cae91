/// A side effect that `update` asks the runtime to carry out.
public enum Command: Equatable, Sendable {
  /// Write the current game to its autosave slot.
  case autosave
  case save(name: String)
  case load(name: String)
  /// Start a new game of the scenario file at `path` with a fresh seed.
  case newGame(path: String)
  case listSaves
  case listScenarios
  /// Ctrl-Z: give the terminal back to the shell until resumed.
  case suspend
  /// Ctrl-L: repaint the whole screen.
  case redraw
  /// Autosave and leave.
  case quit(QuitReason)
}

public enum QuitReason: Equatable, Sendable {
  /// `q`: exit status 0.
  case pressedQuit
  /// Ctrl-C: exit status 130.
  case pressedInterrupt
}
