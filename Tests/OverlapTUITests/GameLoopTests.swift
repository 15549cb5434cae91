import Foundation
import OverlapEngine
import Testing

@testable import OverlapTUI

/// The real loop on the scripted backend, every screen's keys end to end: which commands
/// reach the runtime, how the loop ends, and what the last frame shows.
@Suite struct GameLoopTests {
  /// A loop that has run to its end, with what a fake runtime was asked to do.
  struct Run {
    var model: AppModel
    let backend: ScriptedBackend
    var performed: [Command]
    var exit: GameLoop.Exit

    var screen: String { backend.frames.last?.text ?? "" }
  }

  /// Runs the loop on `events`. The runtime answers as the CLI would, from the fixtures:
  /// `load` opens the fixture save of that name, `newGame` a fresh tiny game.
  static func run(_ model: AppModel, _ events: [TerminalEvent], unplayed: [TerminalEvent] = []) throws -> Run {
    let backend = ScriptedBackend(size: model.size, capabilities: model.capabilities, events: events)
    var model = model
    var performed: [Command] = []
    let saves = try TUIFixtures.saves()
    let catalog = try TUIFixtures.catalog()
    let fresh = try TUIFixtures.game()
    let exit = GameLoop.run(&model, on: backend) { command, _ in
      performed.append(command)
      switch command {
      case .listSaves: return [.listedSaves(saves)]
      case .listScenarios: return [.listedScenarios(catalog)]
      case .save(let name): return [.savedGame(name: name)]
      case .newGame: return [.openedGame(OpenedGame(session: Session(game: fresh), autosaveSlot: "autosave-new"))]
      case .load(let name):
        guard let moves = TUIFixtures.savedMoves.first(where: { $0.key == name })?.value,
          let game = try? TUIFixtures.game(moves)
        else { return [.commandFailed("Cannot load '\(name)'")] }
        return [.openedGame(OpenedGame(session: Session(game: game), autosaveSlot: name, notice: "Loaded '\(name)'."))]
      case .autosave, .suspend, .redraw, .quit: return []
      }
    }
    #expect(backend.unplayed == unplayed, "the loop stopped somewhere else than expected")
    return Run(model: model, backend: backend, performed: performed, exit: exit)
  }

  static func keys(_ text: String) -> [TerminalEvent] { text.map { .key(.character($0)) } }
  static func key(_ key: Key) -> TerminalEvent { .key(key) }

  // MARK: - Main menu

  @Test func theMenuContinuesTheNewestAutosave() throws {
    let run = try Self.run(try TUIFixtures.menu(), Self.keys("cq"))
    #expect(run.performed == [.load(name: "autosave-tiny")])
    #expect(run.exit == .quit(.pressedQuit))
    #expect(run.screen.contains("Turn 2 of 3"))
    #expect(run.screen.contains("Loaded 'autosave-tiny'."))
  }

  @Test func theMenuStartsANewGameFromThePicker() throws {
    let events = Self.keys("n") + [Self.key(.down), Self.key(.up), Self.key(.enter)]
    let run = try Self.run(try TUIFixtures.menu(), events)
    #expect(run.performed == [.newGame(path: TUIFixtures.tinyPath)])
    #expect(run.model.screens == [.menu(cursor: 0), .game])
    #expect(run.model.autosaveSlot == "autosave-new")
    #expect(run.screen.contains("Turn 1 of 3"))
    #expect(run.exit == .signal(SIGHUP))
  }

  @Test func thePickerRefusesABrokenScenarioAndGoesBack() throws {
    let events = Self.keys("n2")
    let refused = try Self.run(try TUIFixtures.menu(), events)
    #expect(refused.performed == [])
    #expect(refused.screen.contains("broken cannot be played"))
    let back = try Self.run(try TUIFixtures.menu(), events + [Self.key(.escape)])
    #expect(back.model.screens == [.menu(cursor: 0)])
    #expect(back.screen.contains("O V E R L A P"))
  }

  @Test func theMenuListsTheScenariosAfterTheFirstFrame() throws {
    let menu = AppModel(size: Size(width: 80, height: 24), capabilities: TUIFixtures.unicode, catalog: nil, saves: [])
    let run = try Self.run(menu, Self.keys("n"))
    #expect(run.performed == [.listScenarios])
    // The first frame is up before the scenario files are read.
    #expect(run.backend.frames.first?.text.contains("1 New game     pick a scenario\n") == true)
    #expect(run.screen.contains("A tiny test scenario"))
  }

  @Test func theMenuOpensHelpAndHelpScrolls() throws {
    let events = Self.keys("?") + [Self.key(.pageDown), Self.key(.end), Self.key(.up)]
    let run = try Self.run(try TUIFixtures.menu(), events)
    guard case .help(let scroll) = run.model.screen else {
      Issue.record("help is not open: \(run.model.screen)")
      return
    }
    #expect(scroll == run.model.layout.viewport.maxScroll - 1)
    let closed = try Self.run(try TUIFixtures.menu(), events + [Self.key(.escape)])
    #expect(closed.model.screens == [.menu(cursor: 0)])
  }

  @Test func theMenuMovesAndQuits() throws {
    let run = try Self.run(try TUIFixtures.menu(), [Self.key(.down), Self.key(.tab), Self.key(.up)] + Self.keys("j5"))
    #expect(run.exit == .quit(.pressedQuit))
    #expect(run.model.screen == .menu(cursor: 4))
  }

  // MARK: - Load picker

  @Test func theLoadPickerLoadsASaveAndSaysWhyOneCannot() throws {
    let finished = try Self.run(try TUIFixtures.menu(), Self.keys("l") + [Self.key(.down), Self.key(.enter)])
    #expect(finished.performed == [.listSaves, .load(name: "lunch-break")])
    #expect(finished.model.screen == .ending(scroll: 0))
    #expect(finished.screen.contains("Ending: Muddling through [mixed]"))

    let mangled = try Self.run(try TUIFixtures.menu(), Self.keys("ljj") + [Self.key(.enter)])
    #expect(mangled.performed == [.listSaves])
    #expect(mangled.screen.contains("not a readable save"))
    let back = try Self.run(try TUIFixtures.menu(), Self.keys("ll"))
    #expect(back.model.screens == [.menu(cursor: 0)])
  }

  // MARK: - Game, result, history, help

  @Test func aWholeGameFromTheFirstMoveToTheMenu() throws {
    let events = Self.keys("1x") + [Self.key(.down), Self.key(.enter), Self.key(.enter)] + Self.keys("2 ")
      + [Self.key(.enter)]
    let run = try Self.run(try TUIFixtures.model(), events)
    #expect(run.performed == [.autosave, .autosave, .autosave, .listSaves])
    #expect(run.model.game?.moves == ["vision", "control", "finish-manage"])
    #expect(run.model.screens == [.menu(cursor: 0)])
    #expect(run.screen.contains("1 Continue     A tiny test scenario"))
  }

  @Test func theResultPanelShowsWhatTheMoveDid() throws {
    let run = try Self.run(try TUIFixtures.model(), Self.keys("2"))
    #expect(run.model.screen == .result(scroll: 0))
    #expect(run.screen.contains("what happened"))
    #expect(run.screen.contains("A manager move."))
  }

  @Test func historyAndHelpOpenAndCloseBackToTheSameState() throws {
    let start = try TUIFixtures.model(["vision"])
    for keys in ["hh", "??"] {
      let run = try Self.run(start, Self.keys(keys))
      #expect(run.model == start)
    }
    let history = try Self.run(start, Self.keys("h"))
    #expect(history.screen.contains("Share the vision"))
  }

  @Test func aNumberThatIsNotOfferedSaysSoAndPlaysNothing() throws {
    let run = try Self.run(try TUIFixtures.model(), Self.keys("7"))
    #expect(run.performed == [])
    #expect(run.screen.contains("There is no move 7 here; choose 1 to 3."))
  }

  @Test func escapeGoesToTheMenuAndBack() throws {
    let start = try TUIFixtures.model(["vision"])
    let menu = try Self.run(start, [Self.key(.escape)])
    #expect(menu.performed == [.listSaves])
    #expect(menu.screen.contains("1 Continue     A tiny test scenario, turn 2"))
    let back = try Self.run(start, [Self.key(.escape), Self.key(.escape)])
    #expect(back.model.screens == start.screens)
  }

  @Test func clicksAndTheWheelWorkThroughTheLoop() throws {
    let start = try TUIFixtures.model()
    guard let row = view(start, size: start.size).lines.firstIndex(where: { $0.contains("Take a gamble") }) else {
      Issue.record("no gamble choice on screen")
      return
    }
    let run = try Self.run(start, [.click(Position(row: row, column: 20)), .wheel(3), .click(Position(row: 0, column: 0))])
    #expect(run.performed == [.autosave])
    #expect(run.model.game?.moves == ["gamble"])
    #expect(run.model.screen == .game)
  }

  // MARK: - Saving

  @Test func theSavePromptSavesUnderTheTypedName() throws {
    let events = Self.keys("s") + [Self.key(.control("u"))] + Self.keys("x/y") + [Self.key(.backspace), Self.key(.enter)]
    let run = try Self.run(try TUIFixtures.model(["vision"]), events)
    #expect(run.performed == [.save(name: "x"), .listSaves])
    #expect(run.screen.contains("Saved as 'x'."))
  }

  @Test func escapeCancelsTheSavePrompt() throws {
    let start = try TUIFixtures.model(["vision"])
    let run = try Self.run(start, Self.keys("s") + [Self.key(.escape)])
    #expect(run.performed == [])
    #expect(run.model == start)
  }

  // MARK: - Workshop

  @Test func aQuizTurnWithItsDiscussion() throws {
    let events = Self.keys("1x") + [Self.key(.escape)] + Self.keys("1l ") + [Self.key(.enter)]
    let run = try Self.run(try TUIFixtures.workshop(), events)
    #expect(run.performed == [.autosave])
    #expect(run.model.quiz == [.leader])
    #expect(run.model.screen == .game)
    #expect(run.screen.contains("Bo decides"))
  }

  @Test func theDiscussionShowsUntilAKey() throws {
    let run = try Self.run(try TUIFixtures.workshop(), Self.keys("1l "))
    #expect(run.model.screen == .discussion(scroll: 0))
    #expect(run.screen.contains("Which first move matters most?"))
  }

  // MARK: - Ending

  @Test func theEndingScrollsAndLeadsToANewGame() throws {
    let start = try TUIFixtures.model(["vision", "control"])
    let events = Self.keys("1 ") + [Self.key(.end), Self.key(.home)] + Self.keys("n") + [Self.key(.enter)]
    let run = try Self.run(start, events)
    #expect(run.performed == [.autosave, .listSaves, .newGame(path: TUIFixtures.tinyPath)])
    #expect(run.model.screens == [.menu(cursor: 0), .game])
    #expect(run.model.game?.moves == [])
  }

  @Test(arguments: ["h", "?", "s", "l"])
  func theEndingOpensItsPages(key: String) throws {
    let start = try TUIFixtures.model(["vision", "control"])
    let run = try Self.run(start, Self.keys("1 " + key) + [Self.key(.escape)])
    #expect(run.model.screen == .ending(scroll: 0))
  }

  // MARK: - Quitting, signals and the terminal

  @Test(arguments: ["", "h", "?", "2", "l", "n"])
  func qQuitsAndCtrlCInterruptsFromEveryScreen(opening: String) throws {
    let start = try TUIFixtures.model(["vision"])
    let quit = try Self.run(start, Self.keys(opening + "q"))
    #expect(quit.exit == .quit(.pressedQuit))
    let interrupted = try Self.run(start, Self.keys(opening) + [Self.key(.control("c"))])
    #expect(interrupted.exit == .quit(.pressedInterrupt))
  }

  @Test func signalsEndTheLoopAndTheScriptEndsWithAHangup() throws {
    let start = try TUIFixtures.model()
    let ended = try Self.run(start, [.signal(SIGTERM), Self.key(.enter)], unplayed: [Self.key(.enter)])
    #expect(ended.exit == .signal(SIGTERM))
    #expect(try Self.run(start, []).exit == .signal(SIGHUP))
  }

  @Test func ctrlZSuspendsAndCtrlLRepaints() throws {
    let run = try Self.run(try TUIFixtures.model(), [Self.key(.control("z")), Self.key(.control("l"))])
    #expect(run.backend.suspensions == 1)
    #expect(run.backend.invalidations == 1)
    #expect(run.performed == [])
  }

  @Test func aTooSmallTerminalAsksForRoomAndComesBack() throws {
    let start = try TUIFixtures.model(["vision"])
    let small = try Self.run(start, [.resized(Size(width: 39, height: 11))])
    #expect(small.backend.frames.last?.size == Size(width: 39, height: 11))
    #expect(small.screen.contains("needs a terminal of at least"))
    let back = try Self.run(start, [.resized(Size(width: 39, height: 11)), .resized(start.size)])
    #expect(back.model == start)
  }

  /// After End and a resize, scrolling keeps within what the new size shows.
  @Test func resizingKeepsScrollingWithinTheNewLimits() throws {
    let start = try TUIFixtures.model(["vision"], size: Size(width: 40, height: 12))
    let events = Self.keys("?") + [Self.key(.end), .resized(Size(width: 40, height: 20)), Self.key(.up)]
    let run = try Self.run(start, events)
    guard case .help(let scroll) = run.model.screen else {
      Issue.record("help is not open: \(run.model.screen)")
      return
    }
    #expect(run.model.layout.viewport.maxScroll > 0)
    #expect(scroll == run.model.layout.viewport.maxScroll - 1)
    #expect(run.backend.frames.allSatisfy { $0.size == Size(width: 40, height: 12) || $0.size == Size(width: 40, height: 20) })
  }
}
