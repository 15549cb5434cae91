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
  ///
  /// - Parameter gate: lets the owner hold messages back and draw over frames (the
  ///   workshop host pauses a room this way); nil lets everything through.
  public static func run(
    _ model: inout AppModel, on backend: some TerminalBackend, gate: GameLoopGate? = nil, perform: Perform
  ) -> Exit {
    backend.draw(present(&model, gate: gate))
    if let exit = carryOut(model.commandsOnStart, &model, on: backend, perform: perform) { return exit }
    while true {
      backend.draw(present(&model, gate: gate))
      let message: Message
      switch backend.nextEvent() {
      case .key(let key): message = .pressedKey(key)
      case .click(let position): message = .clicked(position)
      case .wheel(let amount): message = .scrolledWheel(amount)
      case .resized(let size): message = .resized(size)
      case .signal(let number): return .signal(number)
      }
      if let gate, !gate.admits(message, model) { continue }
      if let exit = carryOut(update(&model, message), &model, on: backend, perform: perform) { return exit }
    }
  }

  /// Renders the model and reports the frame's layout back to it: the grid to draw.
  static func present(_ model: inout AppModel, gate: GameLoopGate? = nil) -> Grid {
    let frame = render(model, model.size)
    _ = update(&model, .viewReported(frame.layout))
    return gate?.decorate(frame.grid, model) ?? frame.grid
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

/// What the owner of a loop may add to it: holding messages back, and drawing over frames.
public protocol GameLoopGate {
  /// Whether `update` gets the message; a held one is dropped.
  func admits(_ message: Message, _ model: AppModel) -> Bool
  /// The grid to show for a frame the model rendered.
  func decorate(_ grid: Grid, _ model: AppModel) -> Grid
}
