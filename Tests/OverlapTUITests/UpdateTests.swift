import OverlapEngine
import Testing

@testable import OverlapTUI

/// Key and mouse handling: what each message does to the model and which commands it asks for.
@Suite struct UpdateTests {
  @Test func numberKeyPlaysThatMoveAndAutosaves() throws {
    var model = try TUIFixtures.model()
    let commands = send(&model, .pressedKey(.character("2")))
    #expect(commands == [.autosave])
    #expect(model.game?.moves == ["plan"])
    #expect(model.screen == .result(scroll: 0))
  }

  @Test func anyKeyClosesTheResultWithoutPlaying() throws {
    var model = try TUIFixtures.model(["vision"])
    _ = send(&model, .pressedKey(.character("1")))
    #expect(model.game?.moves == ["vision", "rally"])
    #expect(send(&model, .pressedKey(.character("2"))) == [])
    #expect(model.screen == .game)
    #expect(model.game?.moves == ["vision", "rally"])
  }

  @Test func arrowsAndEnterChooseFromTheList() throws {
    var model = try TUIFixtures.model()
    _ = send(&model, .pressedKey(.down))
    _ = send(&model, .pressedKey(.character("j")))
    _ = send(&model, .pressedKey(.down))
    #expect(model.choiceCursor == 2)
    _ = send(&model, .pressedKey(.character("k")))
    #expect(model.choiceCursor == 1)
    #expect(send(&model, .pressedKey(.enter)) == [.autosave])
    #expect(model.game?.moves == ["plan"])
    #expect(model.choiceCursor == 0)
  }

  @Test func aNumberThatIsNotOfferedExplainsItself() throws {
    var model = try TUIFixtures.model()
    #expect(send(&model, .pressedKey(.character("7"))) == [])
    #expect(model.game?.moves == [])
    #expect(model.notice?.text == "There is no move 7 here; choose 1 to 3.")
    _ = send(&model, .pressedKey(.down))
    #expect(model.notice == nil)
  }

  @Test(arguments: [Screen.game, .result(scroll: 0), .history(scroll: 0), .help(scroll: 0), .ending(scroll: 0)])
  func qQuitsAndCtrlCInterruptsFromAnyScreen(screen: Screen) throws {
    var model = try TUIFixtures.model(["vision"])
    model.screens.append(screen)
    var copy = model
    #expect(send(&model, .pressedKey(.character("q"))) == [.quit(.pressedQuit)])
    #expect(send(&copy, .pressedKey(.control("c"))) == [.quit(.pressedInterrupt)])
  }

  @Test func qIsALetterInTheSavePrompt() throws {
    var model = try TUIFixtures.model(["vision"])
    _ = send(&model, .pressedKey(.character("s")))
    #expect(model.screen == .savePrompt(name: "tiny-turn2", problem: nil))
    _ = send(&model, .pressedKey(.control("u")))
    for key in "quiz" { _ = send(&model, .pressedKey(.character(key))) }
    _ = send(&model, .pressedKey(.backspace))
    #expect(model.screen == .savePrompt(name: "qui", problem: nil))
    _ = send(&model, .pressedKey(.character("/")))
    #expect(model.screen == .savePrompt(name: "qui", problem: "Use letters, digits, '-', '_' and '.' (up to 64)."))
    #expect(send(&model, .pressedKey(.enter)) == [.save(name: "qui")])
    #expect(model.screen == .game)
    #expect(send(&model, .pressedKey(.control("c"))) == [.quit(.pressedInterrupt)])
  }

  @Test func emptySaveNameIsRefusedAndEscapeCancels() throws {
    var model = try TUIFixtures.model(["vision"])
    _ = send(&model, .pressedKey(.character("s")))
    _ = send(&model, .pressedKey(.control("u")))
    #expect(send(&model, .pressedKey(.enter)) == [])
    #expect(model.screen == .savePrompt(name: "", problem: "Type a name first."))
    _ = send(&model, .pressedKey(.escape))
    #expect(model.screen == .game)
  }

  @Test func savedAndFailedCommandsShowOnTheStatusLine() throws {
    var model = try TUIFixtures.model(["vision"])
    #expect(send(&model, .savedGame(name: "lunch")) == [.listSaves])
    #expect(
      model.notice == Notice(text: "Saved as 'lunch'. Load it with l, or: overlap play --load lunch", isError: false))
    _ = send(&model, .commandFailed("Not saved: disk full"))
    #expect(model.notice == Notice(text: "Not saved: disk full", isError: true))
    #expect(view(model, size: model.size).lines.last == " Not saved: disk full")
  }

  @Test func loadPickerLoadsTheSelectedSave() throws {
    var model = try TUIFixtures.model(["vision"])
    #expect(send(&model, .pressedKey(.character("l"))) == [.listSaves])
    #expect(model.screen == .loadPicker(cursor: 0))
    _ = send(&model, .pressedKey(.down))
    #expect(send(&model, .pressedKey(.enter)) == [.load(name: "lunch-break")])
    _ = send(&model, .pressedKey(.down))
    #expect(send(&model, .pressedKey(.enter)) == [])
    #expect(model.notice?.isError == true)
    _ = send(&model, .pressedKey(.escape))
    #expect(model.screen == .game)
  }

  @Test func openedGameReplacesTheScreens() throws {
    var model = try TUIFixtures.menu()
    let finished = try TUIFixtures.game(["plan", "control", "finish-lead"])
    _ = send(&model, .openedGame(OpenedGame(session: Session(game: finished), autosaveSlot: "autosave-tiny", notice: "Loaded")))
    #expect(model.screens == [.menu(cursor: 0), .ending(scroll: 0)])
    _ = send(&model, .openedGame(OpenedGame(session: Session(game: try TUIFixtures.game(["vision"])), autosaveSlot: "autosave-tiny")))
    #expect(model.screens == [.menu(cursor: 0), .game])
    #expect(model.game?.moves == ["vision"])
  }

  @Test func menuContinuesTheNewestUnfinishedAutosave() throws {
    var model = try TUIFixtures.menu()
    guard case .continueGame(let entry) = model.menuItems.first else {
      Issue.record("no continue item in \(model.menuItems)")
      return
    }
    #expect(entry.name == "autosave-tiny")
    #expect(send(&model, .pressedKey(.character("c"))) == [.load(name: "autosave-tiny")])
    #expect(send(&model, .pressedKey(.enter)) == [.load(name: "autosave-tiny")])
  }

  @Test func menuStartsANewGameThroughThePicker() throws {
    var model = try TUIFixtures.menu()
    _ = send(&model, .pressedKey(.character("2")))
    #expect(model.screen == .scenarioPicker(cursor: 0))
    #expect(send(&model, .pressedKey(.enter)) == [.newGame(path: TUIFixtures.tinyPath)])
    _ = send(&model, .pressedKey(.down))
    #expect(send(&model, .pressedKey(.enter)) == [])
    #expect(model.notice?.text.hasPrefix("broken cannot be played:") == true)
    _ = send(&model, .pressedKey(.escape))
    #expect(model.screen == .menu(cursor: 1))
  }

  @Test func scenariosAreListedOnlyWhenAScreenNeedsThem() throws {
    let game = OpenedGame(session: Session(game: try TUIFixtures.game()), autosaveSlot: "autosave-tiny")
    var playing = AppModel(
      size: Size(width: 80, height: 24), capabilities: TUIFixtures.unicode, catalog: nil, saves: [], opened: game)
    #expect(playing.commandsOnStart == [])
    #expect(send(&playing, .pressedKey(.escape)) == [.listSaves, .listScenarios])

    var menu = AppModel(size: Size(width: 80, height: 24), capabilities: TUIFixtures.unicode, catalog: nil, saves: [])
    #expect(menu.commandsOnStart == [.listScenarios])
    #expect(send(&menu, .pressedKey(.character("n"))) == [.listScenarios])
    #expect(view(menu, size: menu.size).text.contains("Reading the scenarios..."))
    _ = send(&menu, .listedScenarios(try TUIFixtures.catalog()))
    #expect(menu.commandsOnStart == [])
    #expect(send(&menu, .pressedKey(.enter)) == [.newGame(path: TUIFixtures.tinyPath)])
  }

  @Test func escapeFromTheGameOpensTheMenuAndEscapeReturns() throws {
    var model = try TUIFixtures.model(["vision"])
    #expect(send(&model, .pressedKey(.escape)) == [.listSaves])
    #expect(model.menuItems.first == .resumeGame)
    _ = send(&model, .pressedKey(.escape))
    #expect(model.screen == .game)
  }

  @Test func endingScreenLeadsToANewGameOrTheMenu() throws {
    var model = try TUIFixtures.model(["vision", "control"])
    _ = send(&model, .pressedKey(.character("1")))
    _ = send(&model, .pressedKey(.enter))
    #expect(model.screen == .ending(scroll: 0))
    var copy = model
    #expect(send(&model, .pressedKey(.character("n"))) == [.listSaves])
    #expect(model.screens == [.menu(cursor: 0), .scenarioPicker(cursor: 0)])
    #expect(send(&copy, .pressedKey(.enter)) == [.listSaves])
    #expect(copy.screens == [.menu(cursor: 0)])
  }

  @Test func suspendAndRedrawAreCommands() throws {
    var model = try TUIFixtures.model()
    #expect(send(&model, .pressedKey(.control("z"))) == [.suspend])
    #expect(send(&model, .pressedKey(.control("l"))) == [.redraw])
  }

  @Test func clickingAChoicePlaysIt() throws {
    var model = try TUIFixtures.model()
    let grid = view(model, size: model.size)
    guard let row = grid.lines.firstIndex(where: { $0.contains("Take a gamble") }) else {
      Issue.record("no gamble choice on screen")
      return
    }
    #expect(send(&model, .clicked(Position(row: row, column: 20))) == [.autosave])
    #expect(model.game?.moves == ["gamble"])
    // A click anywhere closes the result panel.
    _ = send(&model, .clicked(Position(row: 0, column: 0)))
    #expect(model.screen == .game)
    #expect(send(&model, .clicked(Position(row: 0, column: 0))) == [])
  }

  @Test func clickingAMenuItemOpensIt() throws {
    var model = try TUIFixtures.menu()
    guard let row = view(model, size: model.size).lines.firstIndex(where: { $0.contains("Help") }) else {
      Issue.record("no help item on screen")
      return
    }
    _ = send(&model, .clicked(Position(row: row, column: 14)))
    #expect(model.screen == .help(scroll: 0))
  }

  @Test func longTextScrollsWithinItsLimits() throws {
    var model = try TUIFixtures.model(["vision"], size: Size(width: 40, height: 12))
    _ = send(&model, .pressedKey(.character("?")))
    _ = send(&model, .pressedKey(.pageDown))
    guard case .help(let scroll) = model.screen else {
      Issue.record("help is not open")
      return
    }
    #expect(scroll > 0)
    _ = send(&model, .pressedKey(.end))
    let bottom = model.screen
    _ = send(&model, .pressedKey(.down))
    #expect(model.screen == bottom)
    _ = send(&model, .scrolledWheel(-1000))
    #expect(model.screen == .help(scroll: 0))
  }

  /// `update` scrolls within the limits the last frame reported, and follows a new report.
  @Test func scrollingStaysWithinTheReportedLayout() throws {
    var model = try TUIFixtures.model(["vision"])
    _ = update(&model, .pressedKey(.character("?")))
    _ = update(&model, .viewReported(Layout(viewport: Viewport(maxScroll: 5, pageHeight: 4))))
    _ = update(&model, .pressedKey(.pageDown))
    #expect(model.screen == .help(scroll: 3))
    _ = update(&model, .pressedKey(.end))
    #expect(model.screen == .help(scroll: 5))
    _ = update(&model, .viewReported(Layout(viewport: Viewport(maxScroll: 2, pageHeight: 4))))
    #expect(model.screen == .help(scroll: 2))
  }

  @Test func resizeKeepsScrollingInRange() throws {
    var model = try TUIFixtures.model(["vision"], size: Size(width: 40, height: 12))
    _ = send(&model, .pressedKey(.character("h")))
    _ = send(&model, .pressedKey(.end))
    _ = send(&model, .resized(Size(width: 200, height: 60)))
    #expect(model.size == Size(width: 200, height: 60))
    #expect(model.screen == .history(scroll: 0))
  }
  // MARK: - Player-facing fixes (issue 11)

  /// Space pages through a long result and, on its last page, continues as Enter does.
  @Test func spaceScrollsALongResultThenClosesItOnTheLastPage() throws {
    var model = try TUIFixtures.model(size: Size(width: 40, height: 12))
    _ = send(&model, .pressedKey(.character("1")))
    #expect(model.layout.viewport.maxScroll > 0)
    var pages = 0
    while case .result(let scroll) = model.screen, scroll < model.layout.viewport.maxScroll, pages < 20 {
      _ = send(&model, .pressedKey(.character(" ")))
      pages += 1
    }
    #expect(pages > 0)
    var entered = model
    _ = send(&entered, .pressedKey(.enter))
    _ = send(&model, .pressedKey(.character(" ")))
    #expect(model.screen == .game)
    #expect(model == entered)
  }

  /// In a quiz, l and m answer for the selected move, exactly as the question would, and
  /// by the same rule (`Workshop.Answer`), so capitals count on both screens.
  @Test func inAQuizLAndMAnswerForTheSelectedMove() throws {
    for (key, style) in [("l", Style.leader), ("m", .manager), ("L", .leader), ("M", .manager)] {
      var direct = try TUIFixtures.workshop()
      _ = send(&direct, .pressedKey(.down))
      #expect(send(&direct, .pressedKey(.character(Character(key)))) == [.autosave])
      var asked = try TUIFixtures.workshop()
      _ = send(&asked, .pressedKey(.character("2")))
      _ = send(&asked, .pressedKey(.character(Character(key))))
      // The sessions differ only in the moment the move was made.
      asked.session = direct.session
      #expect(direct == asked)
      #expect(direct.game?.moves == ["plan"])
      #expect(direct.quiz == [style])
    }
  }

  @Test func inAQuizLNeverOpensTheLoadPicker() throws {
    var ended = try TUIFixtures.workshop(["vision", "rally", "finish-lead"], guesses: [.leader, .leader, .leader])
    let before = ended
    #expect(send(&ended, .pressedKey(.character("l"))) == [])
    #expect(ended == before)
    let help = view(try TUIFixtures.workshop(), size: Size(width: 80, height: 24)).text
    #expect(!help.contains("l load"))
    #expect(help.contains("l/m answer"))
  }

  @Test(arguments: [("9", "There is no item 9 here; choose 1 to 5."), ("0", "There is no item 0 here; choose 1 to 5.")])
  func aNumberTheMenuDoesNotOfferSaysSo(key: String, notice: String) throws {
    var model = try TUIFixtures.menu()
    var expected = model
    #expect(send(&model, .pressedKey(.character(Character(key)))) == [])
    expected.notice = Notice(text: notice, isError: true)
    #expect(model == expected)
  }

  @Test func aNumberThePickerOrTheGameDoesNotOfferSaysSo() throws {
    var picker = try TUIFixtures.menu()
    _ = send(&picker, .pressedKey(.character("n")))
    _ = send(&picker, .pressedKey(.character("3")))
    #expect(picker.notice?.text == "There is no scenario 3 here; choose 1 to 2.")
    #expect(picker.screen == .scenarioPicker(cursor: 0))
    var game = try TUIFixtures.model()
    _ = send(&game, .pressedKey(.character("0")))
    #expect(game.notice?.text == "There is no move 0 here; choose 1 to 3.")
  }

  /// A game that has ended is not offered as "Continue, turn 4" of a 3-turn game.
  @Test func theMenuDoesNotContinueAGameThatHasEnded() throws {
    var model = try TUIFixtures.model(["vision", "rally", "finish-lead"])
    #expect(model.screen == .ending(scroll: 0))
    #expect(send(&model, .pressedKey(.enter)) == [.listSaves])
    guard case .continueGame(let entry) = model.menuItems.first else {
      Issue.record("expected the unfinished autosave first, got \(model.menuItems)")
      return
    }
    #expect(entry.name == "autosave-tiny")
    let text = view(model, size: model.size).text
    #expect(text.contains("1 Continue     A tiny test scenario, turn 2"))
    #expect(!text.contains("turn 4"))
    #expect(send(&model, .pressedKey(.character("c"))) == [.load(name: "autosave-tiny")])
  }

  /// Delayed effects name the move that set them going, never its id.
  @Test func landedEffectsNameTheMoveNotItsId() throws {
    var model = try TUIFixtures.model(["vision", "rally"])
    _ = send(&model, .pressedKey(.character("2")))
    let result = view(model, size: Size(width: 120, height: 40)).text
    #expect(result.contains("Landed now: The shared vision pays off. (from turn 1: Share the vision)"))
    #expect(!result.contains(", vision)"))
  }

  @Test func aMissedChanceSaysWhatDidNotHappen() throws {
    let engine = Engine(scenario: try TUIFixtures.tiny())
    guard
      let seed = (UInt64(1)...64).first(where: {
        (try? Playthrough.replay(engine: engine, seed: $0, moves: ["gamble"]))?.turns.first?.rolls.first?.hit == false
      })
    else {
      Issue.record("no seed below 65 misses the gamble")
      return
    }
    let game = try Playthrough.replay(engine: engine, seed: seed, moves: ["gamble"])
    var model = try TUIFixtures.model()
    _ = send(&model, .openedGame(OpenedGame(session: Session(game: game), autosaveSlot: "autosave-tiny")))
    model.screens.append(.result(scroll: 0))
    let text = view(model, size: Size(width: 100, height: 40)).text
    #expect(text.contains("Chance 50%: it did not happen, so this was spared: It went badly."))
  }

  /// A `one_of` says which outcome came up and how likely it was.
  @Test func aPickedOutcomeSaysHowLikelyItWas() throws {
    let path = TUIFixtures.repository.appendingPathComponent("Tests/Fixtures/Lab/weighted.yaml").path
    let engine = Engine(scenario: try ScenarioLoader.load(path: path))
    for seed: UInt64 in 1...12 {
      let game = try Playthrough.replay(engine: engine, seed: seed, moves: ["ask-dana"])
      var model = try TUIFixtures.model()
      _ = send(&model, .openedGame(OpenedGame(session: Session(game: game), autosaveSlot: "autosave-weighted")))
      model.screens.append(.result(scroll: 0))
      let text = view(model, size: Size(width: 100, height: 40)).text
      let expected =
        game.turns[0].pick?.outcome == 0
        ? "One of 2 outcomes, 67% likely: Dana says yes." : "One of 2 outcomes, 33% likely: Dana says no, not yet."
      #expect(text.contains(expected), "seed \(seed)")
    }
  }
}
