import Foundation
import OverlapEngine
import OverlapTUI
import OverlapTerminal

/// The full-screen game: runs `GameLoop` on the curses terminal and carries out the
/// commands `update` returns that need files (saves, loads, new games, listings).
struct FullScreenPlay {
  let store: SaveStore
  let library: ScenarioLibrary
  /// The seed for new games; nil picks a new one each time.
  let seed: UInt64?
  /// Quiz and team apply to new games (a loaded save keeps its own); discussion pauses to all.
  let workshop: WorkshopOptions
  var environment = ProcessInfo.processInfo.environment

  /// Plays until the player quits; returns the exit status.
  ///
  /// A bad scenario or save fails here, before the screen is taken over, so its error
  /// prints like any other command's.
  ///
  /// - Throws: `TerminalError` when curses cannot drive this terminal (play line by line
  ///   instead), or the scenario's and save's own errors.
  func run(scenario: String?, load: String?) throws -> ExitStatus {
    let opened = try openFirst(scenario: scenario, load: load)
    return play(opened, on: try CursesTerminal(environment: environment))
  }

  /// Plays `opened`, or from the main menu when it is nil, on any backend until the player
  /// quits; then autosaves, closes the backend and returns the exit status.
  func play(_ opened: OpenedGame?, on backend: some TerminalBackend) -> ExitStatus {
    // Only the menu needs the saves at once; the scenario list waits for the first frame.
    var model = AppModel(
      size: backend.size, capabilities: backend.capabilities, catalog: nil,
      saves: opened == nil ? saveEntries() : [], opened: opened, discuss: workshop.discuss)
    let exit = GameLoop.run(&model, on: backend, perform: perform)
    let saved = autosaveIfPlayed(model)
    backend.close()
    return finish(exit, model: model, saved: saved)
  }

  /// Carries out a command that needs no terminal; what it reports goes back to `update`.
  func perform(_ command: Command, model: AppModel) -> [Message] {
    switch command {
    case .autosave:
      guard let problem = autosave(model) else { return [] }
      return [.commandFailed("Autosave failed: \(problem)")]
    case .save(let name):
      guard let session = model.session else { return [] }
      do {
        try store.write(session, as: name)
        return [.savedGame(name: name)]
      } catch {
        return [.commandFailed("Not saved: \(error)")]
      }
    case .load(let name):
      do {
        let opened = try store.load(name, library: library)
        let game = opened.session.game
        var notice = "Loaded '\(name)': turn \(game.state.turn), seed \(game.seed)."
        if opened.warning != nil { notice += " The scenario changed since this save; the moves were replayed anyway." }
        return [
          .openedGame(
            OpenedGame(
              session: opened.session, autosaveSlot: store.autosaveSlot(continuing: name, scenario: game.scenario.id),
              notice: notice))
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
        session: opened.session, autosaveSlot: store.autosaveSlot(continuing: load, scenario: opened.session.scenario.id),
        notice: notice)
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
      session: Session(game: game, players: workshop.team, quiz: workshop.quiz),
      autosaveSlot: store.autosaveSlot(continuing: nil, scenario: game.scenario.id), notice: text + " Press ? for help.")
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
    guard let session = model.session else { return nil }
    do {
      try store.write(session, as: model.autosaveSlot)
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

  private func finish(_ exit: GameLoop.Exit, model: AppModel, saved: Result<String, CLIError>?) -> ExitStatus {
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
