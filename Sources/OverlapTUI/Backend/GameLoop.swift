/// The model-update-view loop, the same on every backend: draw, wait for an event, turn it
/// into a message for `update`, and carry out the commands that come back.
public enum GameLoop {
  /// How the loop ended.
  public enum Exit: Equatable, Sendable {
    case quit(QuitReason)
    case signal(Int32)
  }

  /// Carries out a command that needs no terminal (saving, loading, listing) and returns
  /// what it reports, for `update`.
  public typealias Perform = (Command, AppModel) -> [Message]

  /// Runs until the player quits or a signal arrives. The backend is left open: its owner
  /// saves and closes it.
  public static func run(_ model: inout AppModel, on backend: some TerminalBackend, perform: Perform) -> Exit {
    backend.draw(present(&model))
    if let exit = carryOut(model.commandsOnStart, &model, on: backend, perform: perform) { return exit }
    while true {
      backend.draw(present(&model))
      let message: Message
      switch backend.nextEvent() {
      case .key(let key): message = .pressedKey(key)
      case .click(let position): message = .clicked(position)
      case .wheel(let amount): message = .scrolledWheel(amount)
      case .resized(let size): message = .resized(size)
      case .signal(let number): return .signal(number)
      }
      if let exit = carryOut(update(&model, message), &model, on: backend, perform: perform) { return exit }
    }
  }

  /// Renders the model and reports the frame's layout back to it: the grid to draw.
  static func present(_ model: inout AppModel) -> Grid {
    let frame = render(model, model.size)
    _ = update(&model, .viewReported(frame.layout))
    return frame.grid
  }

  /// Carries out commands in order; what each reports goes through `update` in turn, and
  /// the commands that gives are carried out too, until none are left.
  private static func carryOut(
    _ commands: [Command], _ model: inout AppModel, on backend: some TerminalBackend, perform: Perform
  ) -> Exit? {
    var commands = commands
    var messages: [Message] = []
    while true {
      for command in commands {
        switch command {
        case .quit(let reason): return .quit(reason)
        case .suspend: backend.suspend()
        case .redraw: backend.invalidate()
        default: messages += perform(command, model)
        }
      }
      guard !messages.isEmpty else { return nil }
      commands = update(&model, messages.removeFirst())
    }
  }
}
