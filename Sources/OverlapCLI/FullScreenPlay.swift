import Foundation
import OverlapEngine
import OverlapTUI
import OverlapTerminal

/// The full-screen game: runs the model-update-view loop on the curses terminal and
/// carries out the commands `update` returns (saves, loads, new games, quitting).
struct FullScreenPlay {
  let store: SaveStore
  let library: ScenarioLibrary
  /// The seed for new games; nil picks a new one each time.
  let seed: UInt64?
  /// Quiz and team apply to new games (a loaded save keeps its own); discussion pauses to all.
  let workshop: WorkshopOptions
  var environment = ProcessInfo.processInfo.environment

  /// How the loop ended.
  enum Exit: Equatable {
    case quit(QuitReason)
    case signal(Int32)
  }

  /// Plays until the player quits; returns the exit status.
  ///
  /// A bad scenario or save fails here, before the screen is taken over, so its error
  /// prints like any other command's.
  ///
  /// - Throws: `TerminalError` when curses cannot drive this terminal (play line by line
  ///   instead), or the scenario's and save's own errors.
  func run(scenario: String?, load: String?) throws -> ExitStatus {
    let opened = try openFirst(scenario: scenario, load: load)
    let terminal = try CursesTerminal(environment: environment)
    // Only the menu needs the saves at once; the scenario list waits for the first frame.
    var model = AppModel(
      size: terminal.size, capabilities: terminal.capabilities, catalog: nil,
      saves: opened == nil ? saveEntries() : [], opened: opened, discuss: workshop.discuss)
    let exit = loop(&model, terminal: terminal)
    let saved = autosaveIfPlayed(model)
    terminal.close()
    return finish(exit, model: model, saved: saved)
  }

  // MARK: - The loop

  private func loop(_ model: inout AppModel, terminal: CursesTerminal) -> Exit {
    terminal.draw(view(model, size: model.size))
    if let exit = handle(model.commandsOnStart.flatMap { perform($0, model: model) }, &model, terminal: terminal) {
      return exit
    }
    while true {
      terminal.draw(view(model, size: model.size))
      let message: Message
      switch terminal.nextEvent() {
      case .key(let key): message = .pressedKey(key)
      case .click(let position): message = .clicked(position)
      case .wheel(let amount): message = .scrolledWheel(amount)
      case .resized(let size): message = .resized(size)
      case .signal(let number): return .signal(number)
      }
      if let exit = handle([message], &model, terminal: terminal) { return exit }
    }
  }

  /// Runs messages through `update`, and the commands they give, until none are left.
  private func handle(_ messages: [Message], _ model: inout AppModel, terminal: CursesTerminal) -> Exit? {
    var messages = messages
    while !messages.isEmpty {
      let message = messages.removeFirst()
      for command in update(&model, message) {
        switch command {
        case .quit(let reason):
          return .quit(reason)
        case .suspend:
          terminal.suspend()
        case .redraw:
          terminal.invalidate()
        default:
          messages += perform(command, model: model)
        }
      }
    }
    return nil
  }

  /// Carries out a command that needs no terminal; what it reports goes back to `update`.
  func perform(_ command: Command, model: AppModel) -> [Message] {
    switch command {
    case .autosave:
      guard let problem = autosave(model) else { return [] }
      return [.commandFailed("Autosave failed: \(problem)")]
    case .save(let name):
      guard let game = model.game else { return [] }
      do {
        try store.write(SaveGame(game, players: model.players, quiz: model.quiz, created: model.created), as: name)
        return [.savedGame(name: name)]
      } catch {
        return [.commandFailed("Not saved: \(error)")]
      }
    case .load(let name):
      do {
        let opened = try store.load(name, library: library)
        var notice = "Loaded '\(name)': turn \(opened.game.state.turn), seed \(opened.game.seed)."
        if opened.warning != nil { notice += " The scenario changed since this save; the moves were replayed anyway." }
        return [
          .openedGame(
            OpenedGame(
              game: opened.game, autosaveSlot: store.autosaveSlot(continuing: name, scenario: opened.game.scenario.id),
              players: opened.save.players, quiz: opened.save.quiz, created: opened.save.createdDate, notice: notice))
        ]
      } catch {
        return [.commandFailed("Cannot load '\(name)': \(firstLine(of: error))")]
      }
    case .newGame(let path):
      do {
        return [.openedGame(try newGame(path))]
      } catch {
        return [.commandFailed("Cannot start: \(firstLine(of: error))")]
      }
    case .listSaves:
      return [.listedSaves(saveEntries())]
    case .listScenarios:
      return [.listedScenarios(catalog())]
    case .suspend, .redraw, .quit:
      return []
    }
  }

  // MARK: - Opening

  private func openFirst(scenario: String?, load: String?) throws -> OpenedGame? {
    if let load {
      let opened = try store.load(load, library: library)
      var notice = "Resumed '\(load)'."
      if let warning = opened.warning { notice += " " + warning }
      return OpenedGame(
        game: opened.game, autosaveSlot: store.autosaveSlot(continuing: load, scenario: opened.game.scenario.id),
        players: opened.save.players, quiz: opened.save.quiz, created: opened.save.createdDate, notice: notice)
    }
    if let scenario { return try newGame(scenario) }
    return nil
  }

  /// A new game of a scenario (an id or a path), set up for this session's quiz and team.
  private func newGame(_ scenario: String) throws -> OpenedGame {
    let game = Playthrough(engine: Engine(scenario: try library.load(scenario)), seed: seed ?? randomSeed())
    var text = "New game, seed \(game.seed)."
    if workshop.quiz { text += " Quiz: the styles are hidden." }
    return OpenedGame(
      game: game, autosaveSlot: store.autosaveSlot(continuing: nil, scenario: game.scenario.id), players: workshop.team,
      quiz: workshop.quiz ? [] : nil, created: Date(), notice: text + " Press ? for help.")
  }

  /// Every scenario file, including ones that do not load (the picker says why).
  func catalog() -> [CatalogEntry] {
    library.files().map { path in
      do {
        return CatalogEntry(try ScenarioLoader.load(path: path))
      } catch {
        return CatalogEntry(path: path, problem: firstLine(of: error))
      }
    }
  }

  /// Every save, newest first; unreadable ones say why.
  func saveEntries() -> [SaveEntry] {
    let names = (try? store.names()) ?? []
    let entries = names.map { name in
      do {
        return SaveEntry(name: name, save: try store.read(name))
      } catch {
        return SaveEntry(name: name, problem: firstLine(of: error))
      }
    }
    return entries.sorted { ($0.updated ?? "", $1.name) > ($1.updated ?? "", $0.name) }
  }

  // MARK: - Saving and leaving

  /// Writes the autosave; returns why it failed, if it did.
  func autosave(_ model: AppModel) -> String? {
    guard let game = model.game else { return nil }
    do {
      let save = SaveGame(game, players: model.players, quiz: model.quiz, created: model.created)
      try store.write(save, as: model.autosaveSlot)
      return nil
    } catch {
      return "\(error)"
    }
  }

  /// The autosave made on the way out: only for a game with moves, so opening a scenario
  /// and leaving at once never replaces an earlier game's autosave.
  private func autosaveIfPlayed(_ model: AppModel) -> Result<String, CLIError>? {
    guard let game = model.game, !game.moves.isEmpty else { return nil }
    if let problem = autosave(model) { return .failure(CLIError("could not autosave: \(problem)", .ioError)) }
    return .success(model.autosaveSlot)
  }

  private func finish(_ exit: Exit, model: AppModel, saved: Result<String, CLIError>?) -> ExitStatus {
    // After a hangup the terminal is gone, so there is no one to tell.
    let canTalk = exit != .signal(SIGHUP)
    switch saved {
    case .success(let name) where canTalk:
      Console.print("Progress saved as '\(name)'. Resume with: \(workshop.resumeCommand(for: name))")
    case .failure(let error):
      if canTalk { Console.error(error.message) }
      return .ioError
    default:
      break
    }
    return exit == .quit(.pressedQuit) ? .ok : .interrupted
  }

  private func firstLine(of error: Error) -> String {
    String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
  }
}
