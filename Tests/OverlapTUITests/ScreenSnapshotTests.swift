import OverlapEngine
import Testing

@testable import OverlapTUI

/// Whole screens rendered as text and compared with the files in Snapshots/.
@Suite struct ScreenSnapshotTests {
  @Test(arguments: [(80, 24), (120, 40), (200, 60), (60, 20)])
  func gameScreen(width: Int, height: Int) throws {
    let size = Size(width: width, height: height)
    let model = try TUIFixtures.model(["vision"], size: size)
    let grid = view(model, size: size)
    #expect(grid.size == size)
    assertSnapshot(grid, named: "game-\(width)x\(height)")
  }

  /// On a very wide terminal the story and moves keep a readable width, the rest goes to
  /// the sidebar (and its list of moves), and the moves follow a short story at once.
  @Test func veryWideGameScreenCapsItsWidth() throws {
    let size = Size(width: 200, height: 60)
    let model = try TUIFixtures.model(["vision", "rally"], size: size)
    let grid = view(model, size: size)
    assertSnapshot(grid, named: "game-200x60-two-moves")
    let lines = grid.lines
    guard let rule = lines.firstIndex(where: { $0.contains("Your move") }) else {
      Issue.record("no moves on screen")
      return
    }
    #expect(rule < 12)
    let moves = lines[rule].split(separator: "│").first.map(String.init) ?? ""
    #expect(moves.trimmingCharacters(in: .whitespaces).count <= GameScreen.mainWidthCap)
    #expect(lines.contains { $0.contains("Your moves") })
  }

  /// The bars keep one width from the first turn to the last; the history does not eat them.
  @Test func meterBarsKeepTheirWidth() throws {
    func barWidth(_ moves: [String]) throws -> [Int] {
      let model = try TUIFixtures.model(moves)
      return view(model, size: model.size).lines.filter { $0.contains("░") || $0.contains("█") }.map { line in
        line.filter { "█▉▊▋▌▍▎▏░".contains($0) }.count
      }
    }
    let first = try barWidth([])
    #expect(first.count == 3)
    #expect(try barWidth(["vision", "rally"]) == first)
  }

  /// A long story scrolls; long moves are cut to a line each except the selected one.
  @Test(arguments: [(80, 24), (60, 20)])
  func gameScreenWithLongText(width: Int, height: Int) throws {
    let size = Size(width: width, height: height)
    let game = Playthrough(engine: Engine(scenario: try TUIFixtures.wordy()), seed: 1)
    var model = AppModel(
      size: size, capabilities: TUIFixtures.unicode, catalog: [], saves: [], opened: OpenedGame(session: Session(game: game), autosaveSlot: "autosave-tiny"))
    model.notice = nil
    // A new game opens on its briefing; any key begins.
    #expect(model.screens.last == .briefing(scroll: 0))
    if width == 80 { assertSnapshot(view(model, size: size), named: "briefing-\(width)x\(height)") }
    _ = send(&model, .pressedKey(.enter))
    #expect(model.screens.last == .game)
    _ = send(&model, .pressedKey(.down))
    assertSnapshot(view(model, size: size), named: "game-long-\(width)x\(height)")
    _ = send(&model, .pressedKey(.pageDown))
    #expect(model.narrativeScroll > 0)
    assertSnapshot(view(model, size: size), named: "game-long-\(width)x\(height)-scrolled")
  }

  @Test func gameScreenInASCII() throws {
    let size = Size(width: 80, height: 24)
    let grid = view(try TUIFixtures.model(["vision"], size: size, capabilities: TUIFixtures.ascii), size: size)
    #expect(grid.cells.allSatisfy { $0.character.isASCII })
    assertSnapshot(grid, named: "game-80x24-ascii")
  }

  @Test func smallestUsableGameScreen() throws {
    let size = Size(width: 40, height: 12)
    let grid = view(try TUIFixtures.model(["vision"], size: size), size: size)
    assertSnapshot(grid, named: "game-40x12")
  }

  @Test func resultPanel() throws {
    var model = try TUIFixtures.model(["vision"])
    _ = send(&model, .pressedKey(.character("3")))
    assertSnapshot(view(model, size: model.size), named: "result-80x24")
  }

  @Test func endingScreen() throws {
    var model = try TUIFixtures.model(["vision", "control"])
    _ = send(&model, .pressedKey(.character("2")))
    _ = send(&model, .pressedKey(.character("x")))
    #expect(model.screen == .ending(scroll: 0))
    assertSnapshot(view(model, size: model.size), named: "ending-80x24")
  }

  @Test func endingScreenInASCII() throws {
    var model = try TUIFixtures.model(["vision", "control"], capabilities: TUIFixtures.ascii)
    _ = send(&model, .pressedKey(.character("2")))
    _ = send(&model, .pressedKey(.character("x")))
    let grid = view(model, size: model.size)
    #expect(grid.cells.allSatisfy { $0.character.isASCII })
    assertSnapshot(grid, named: "ending-80x24-ascii")
  }

  // MARK: - Workshop

  /// A quiz with a team of two: the moves show no style, and the header names who decides.
  @Test(arguments: [(80, 24), (60, 20)])
  func workshopGameScreen(width: Int, height: Int) throws {
    let size = Size(width: width, height: height)
    let model = try TUIFixtures.workshop(["vision"], guesses: [.manager], size: size)
    assertSnapshot(view(model, size: size), named: "workshop-game-\(width)x\(height)")
  }

  @Test func quizPrompt() throws {
    var model = try TUIFixtures.workshop()
    _ = send(&model, .pressedKey(.character("1")))
    assertSnapshot(view(model, size: model.size), named: "quiz-prompt-80x24")
  }

  @Test func quizResult() throws {
    var model = try TUIFixtures.workshop()
    _ = send(&model, .pressedKey(.character("1")))
    _ = send(&model, .pressedKey(.character("m")))
    assertSnapshot(view(model, size: model.size), named: "quiz-result-80x24")
  }

  @Test func discussion() throws {
    var model = try TUIFixtures.workshop()
    _ = send(&model, .pressedKey(.character("1")))
    _ = send(&model, .pressedKey(.character("l")))
    _ = send(&model, .pressedKey(.character(" ")))
    #expect(model.screen == .discussion(scroll: 0))
    assertSnapshot(view(model, size: model.size), named: "discussion-80x24")
  }

  /// The end of a workshop game: the debrief's top, and its end with the quiz and the team.
  @Test func workshopEnding() throws {
    var model = try TUIFixtures.workshop(["vision", "control"], guesses: [.leader, .leader])
    _ = send(&model, .pressedKey(.character("2")))
    _ = send(&model, .pressedKey(.character("m")))
    _ = send(&model, .pressedKey(.character(" ")))
    assertSnapshot(view(model, size: model.size), named: "workshop-ending-80x24")
    _ = send(&model, .pressedKey(.end))
    assertSnapshot(view(model, size: model.size), named: "workshop-ending-80x24-end")
  }

  @Test func mainMenu() throws {
    let model = try TUIFixtures.menu()
    assertSnapshot(view(model, size: model.size), named: "menu-80x24")
  }

  @Test func scenarioPicker() throws {
    var model = try TUIFixtures.menu()
    _ = send(&model, .pressedKey(.character("n")))
    assertSnapshot(view(model, size: model.size), named: "scenario-picker-80x24")
  }

  @Test func loadPicker() throws {
    var model = try TUIFixtures.menu()
    _ = send(&model, .pressedKey(.character("l")))
    assertSnapshot(view(model, size: model.size), named: "load-picker-80x24")
  }

  @Test func history() throws {
    var model = try TUIFixtures.model(["vision", "control"])
    _ = send(&model, .pressedKey(.character("h")))
    assertSnapshot(view(model, size: model.size), named: "history-80x24")
  }

  @Test func help() throws {
    var model = try TUIFixtures.model()
    _ = send(&model, .pressedKey(.character("?")))
    assertSnapshot(view(model, size: model.size), named: "help-80x24")
  }

  @Test func savePrompt() throws {
    var model = try TUIFixtures.model(["vision"])
    _ = send(&model, .pressedKey(.character("s")))
    let grid = view(model, size: model.size)
    #expect(grid.cursor != nil)
    assertSnapshot(grid, named: "save-prompt-80x24")
  }

  @Test func terminalTooSmall() throws {
    let size = Size(width: 39, height: 11)
    let grid = view(try TUIFixtures.model(size: size), size: size)
    assertSnapshot(grid, named: "too-small-39x11")
  }

  // MARK: - Styles

  /// Red below 30, yellow below 60, green from 60; without colour, no colour at all.
  @Test(arguments: [true, false])
  func metersAreColouredByLevel(color: Bool) throws {
    let game = Playthrough(engine: Engine(scenario: try TUIFixtures.levels()), seed: 1)
    var model = AppModel(
      size: Size(width: 80, height: 24), capabilities: Capabilities(unicode: true, color: color, mouse: false),
      catalog: [], saves: [], opened: OpenedGame(session: Session(game: game), autosaveSlot: "autosave-levels"))
    model.notice = nil
    let grid = view(model, size: model.size)
    // The bars' first cells; the character positions are columns, as there are no wide characters.
    let colours = grid.lines.indices.compactMap { row in
      Array(grid.lines[row]).firstIndex(of: "█").map { grid[row, $0].style.foreground }
    }
    #expect(colours == (color ? [.red, .yellow, .green] : [.normal, .normal, .normal]))
    assertSnapshot(grid, named: color ? "levels-80x24" : "levels-80x24-no-color")
  }

  /// The selected move is in reverse video, with colour or without, and moves with the cursor.
  @Test(arguments: [TUIFixtures.unicode, Capabilities(unicode: true, color: false, mouse: false)])
  func theSelectionIsHighlighted(capabilities: Capabilities) throws {
    var model = try TUIFixtures.model(["vision"], capabilities: capabilities)
    func selected() -> [String] {
      let grid = view(model, size: model.size)
      let moves = (grid.lines.firstIndex { $0.contains("Your move") } ?? grid.height)..<grid.height
      return moves.filter { row in (0..<grid.width).contains { grid[row, $0].style.reverse } }.map { grid.lines[$0] }
    }
    #expect(selected() == [" ▸ 1 leader  Rally"])
    send(&model, .pressedKey(.down))
    #expect(selected() == [" ▸ 2 manager Control"])
  }

  /// NO_COLOR (a terminal without colour): nothing is coloured, and emphasis stays.
  @Test func withoutColourNothingIsColoured() throws {
    let model = try TUIFixtures.model(["vision"], capabilities: Capabilities(unicode: true, color: false, mouse: false))
    let grid = view(model, size: model.size)
    #expect(grid.cells.allSatisfy { $0.style.foreground == .normal && $0.style.background == .normal })
    #expect(grid.cells.contains { $0.style.bold })
    assertSnapshot(grid, named: "game-80x24-no-color")
  }

  /// Every screen at odd and tiny sizes renders without trapping and fills exactly the grid.
  @Test(arguments: [(1, 1), (0, 0), (40, 12), (41, 30), (79, 23), (200, 60), (300, 9)])
  func oddSizes(width: Int, height: Int) throws {
    let size = Size(width: width, height: height)
    var model = try TUIFixtures.model(["vision"], size: size)
    for key in [Key.character("3"), .character("h"), .escape, .character("?"), .escape, .character("s")] {
      _ = send(&model, .pressedKey(key))
      #expect(view(model, size: size).size == size)
    }
    // The workshop panels too: quiz question, result with the answer, discussion, ending.
    var workshop = try TUIFixtures.workshop(size: size)
    let turn: [Key] = [.character("1"), .character("l"), .enter]
    for key in turn + [.enter] + turn + turn + [.end] {
      _ = send(&workshop, .pressedKey(key))
      #expect(view(workshop, size: size).size == size)
    }
    #expect(workshop.debrief != nil)
  }
}
