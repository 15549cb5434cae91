import Foundation
import OverlapEngine
import OverlapText
import Testing

@testable import OverlapTUI

/// Small widgets and text layout, with their expected output inline.
@Suite struct WidgetTests {
  let theme = Theme(hasColor: true)

  func wrapped(_ text: String, width: Int) -> [String] {
    TextLayout.wrap([Span(text)], width: width).map(\.text)
  }

  @Test func meterBarUsesEighthsAndColoursByLevel() {
    let low = MeterBar.spans(value: 25, width: 10, glyphs: .unicode, theme: theme)
    #expect(low.map(\.text).joined() == "██▌░░░░░░░")
    #expect(low[0].style.foreground == .red)
    #expect(MeterBar.spans(value: 45, width: 10, glyphs: .unicode, theme: theme)[0].style.foreground == .yellow)
    #expect(MeterBar.spans(value: 80, width: 10, glyphs: .unicode, theme: theme)[0].style.foreground == .green)
    #expect(MeterBar.spans(value: 100, width: 4, glyphs: .unicode, theme: theme).map(\.text).joined() == "████")
    #expect(MeterBar.spans(value: 0, width: 4, glyphs: .ascii, theme: theme).map(\.text).joined() == "....")
    #expect(MeterBar.spans(value: 55, width: 10, glyphs: .ascii, theme: theme).map(\.text).joined() == "######....")
  }

  @Test func sparklineIsOnAFixedScale() {
    #expect(Sparkline.text([0, 25, 50, 75, 100], width: 10, glyphs: .unicode) == "▁▂▄▆█")
    #expect(Sparkline.text([0, 25, 50, 75, 100], width: 3, glyphs: .unicode) == "▄▆█")
    #expect(Sparkline.text([0, 100], width: 5, glyphs: .ascii) == "_#")
    #expect(Sparkline.stretched([0, 100], width: 7, glyphs: .unicode) == "▁▁▁███")
  }

  @Test func balanceGaugeMarksTheManagerShare() {
    func track(_ leader: Int, _ manager: Int) -> String {
      BalanceGauge.track(leader: leader, manager: manager, width: 9, glyphs: .unicode, theme: theme).map(\.text)
        .joined()
    }
    #expect(track(0, 0) == "────○────")
    #expect(track(3, 0) == "●───┼────")
    #expect(track(1, 1) == "────●────")
    #expect(track(1, 3) == "────┼─●──")
    #expect(BalanceGauge.verdict(leader: 4, manager: 0) == "leader only")
    #expect(BalanceGauge.verdict(leader: 3, manager: 2) == "balanced")
    #expect(BalanceGauge.verdict(leader: 1, manager: 4) == "leaning manager")
  }

  @Test func wrapBreaksAtWordsAndKeepsParagraphs() {
    #expect(
      wrapped("The leader chooses where to go.\n\nThe manager plans.", width: 12) == [
        "The leader", "chooses", "where to go.", "", "The manager", "plans.",
      ])
    #expect(wrapped("unbreakablewordhere ok", width: 8) == ["unbreaka", "blewordh", "ere ok"])
    #expect(
      TextLayout.wrap([Span("1 leader  Share the vision")], width: 16, hangingIndent: 10).map(\.text) == [
        "1 leader  Share", "          the", "          vision",
      ])
  }

  @Test func tidyKeepsOneBlankLineBetweenParagraphs() {
    #expect(TextLayout.tidy("\nFirst.\n\n\n  \nSecond.\n\n") == "First.\n\nSecond.")
  }

  @Test func wideCharactersTakeTwoColumns() {
    #expect(TextLayout.width(of: "日本語") == 6)
    #expect(TextLayout.width(of: "e\u{301}") == 1)
    #expect(wrapped("日本語 テキスト", width: 7) == ["日本語", "テキス", "ト"])
    var grid = Grid(size: Size(width: 5, height: 1))
    grid.put("日", row: 0, column: 3, style: CellStyle())
    #expect(grid.lines == ["   日"])
    // Writing over either half of a wide character removes all of it.
    grid.put("x", row: 0, column: 4, style: CellStyle())
    #expect(grid.lines == ["    x"])
    grid.put("本", row: 0, column: 3, style: CellStyle())
    grid.put("y", row: 0, column: 3, style: CellStyle())
    #expect(grid.lines == ["   y"])
    // One that would straddle the right edge becomes a space.
    grid.put("語", row: 0, column: 4, style: CellStyle())
    #expect(grid.lines == ["   y"])
    #expect(grid[0, 4].width == 1)
  }

  @Test func truncateEndsWithAnEllipsis() {
    #expect(TextLayout.truncate("Share the vision", width: 10, ellipsis: "…") == "Share the…")
    #expect(TextLayout.truncate("Short", width: 10, ellipsis: "…") == "Short")
    #expect(TextLayout.truncate("Share the vision", width: 10, ellipsis: "...") == "Share t...")
  }

  @Test func asciiFallbackSpellsOutTypography() {
    #expect(TextLayout.ascii("“Café” — naïve… 3×2 → done") == "\"Cafe\" -- naive... 3x2 -> done")
    #expect(TextLayout.ascii("日") == "?")
  }

  @Test func footerDropsTheLeastImportantHintsFirst() {
    var canvas = Canvas(size: Size(width: 30, height: 2), glyphs: .ascii, theme: theme)
    canvas.footer(
      [
        Canvas.Hint(key: "1-3", label: "choose", priority: 0), Canvas.Hint(key: "h", label: "history", priority: 5),
        Canvas.Hint(key: "?", label: "help", priority: 1), Canvas.Hint(key: "q", label: "quit", priority: 0),
      ], notice: nil)
    #expect(canvas.grid.lines[1] == " 1-3 choose  ? help  q quit")
  }
}

/// The grid shows controls by the same rule as every other output (issue #10).
@Suite struct GridSafetyTests {
  let theme = Theme(hasColor: true)

  @Test func scenarioTextWithControlsIsShownInTheGrid() {
    var canvas = Canvas(size: Size(width: 40, height: 2), glyphs: .unicode, theme: theme)
    canvas.text("a\u{1B}]0;x\u{07}b \u{9B}c \u{202E}d", row: 0, column: 0)
    #expect(canvas.grid.lines[0] == "a^[]0;x^Gb <U+009B>c <U+202E>d")
    let wrapped = canvas.wrap("\u{1B}[8mhidden", width: 40).map(\.text)
    #expect(wrapped == ["^[[8mhidden"])
  }

  @Test func theEndingScreenShowsEscapesInANameAndKeepsTheDebriefsStyles() throws {
    let session = Session(game: try TUIFixtures.game(["plan", "control", "finish-lead"]), players: ["\u{1B}[31mEve"])
    let model = AppModel(
      size: Size(width: 80, height: 24), capabilities: TUIFixtures.unicode, catalog: [], saves: [],
      opened: OpenedGame(session: session, autosaveSlot: "autosave-tiny"))
    let grid = view(model, size: model.size)
    #expect(grid.text.contains("Team: ^[[31mEve"))
    let title = try #require(grid.lines.firstIndex { $0.contains("Debrief: A tiny test scenario") })
    let column = try #require(grid.lines[title].firstIndex(of: "D")).utf16Offset(in: grid.lines[title])
    #expect(grid[title, column].style == CellStyle(bold: true))
  }

  @Test func printedStylesFollowTheTheme() {
    let dim = CellStyle(dim: true)
    #expect(Theme(hasColor: true).printed(dim) == CellStyle(foreground: .gray))
    #expect(Theme(hasColor: false).printed(dim) == CellStyle(dim: true))
    #expect(Theme(hasColor: false).printed(CellStyle(foreground: .magenta, bold: true)) == CellStyle(bold: true))
    #expect(Theme(hasColor: true).printed(CellStyle(foreground: .red)) == CellStyle(foreground: .red))
  }
}

/// A variable declared `show: true` sits with the meters under its label; hidden ones never do.
@Suite struct GaugeTests {
  @Test func shownVariablesJoinTheMetersAndHiddenOnesStayOff() throws {
    let text = try String(contentsOfFile: TUIFixtures.tinyPath, encoding: .utf8)
    let shown = text.replacingOccurrences(
      of: "budget: {start: 10, min: 0, max: 20}", with: "budget: {start: 10, min: 0, max: 20, show: true, label: Money left}")
    let canvas = Canvas(size: Size(width: 30, height: 10), glyphs: .unicode, theme: Theme(hasColor: false))
    func sidebar(_ yaml: String) throws -> [String] {
      let scenario = try ScenarioLoader.load(data: Data(yaml.utf8), path: "tiny.yaml")
      let game = try Playthrough.replay(engine: Engine(scenario: scenario), seed: 4, moves: ["plan"])
      return GameScreen.sidebarLines(game, width: 28, spacious: false, canvas: canvas).map(\.text)
    }
    #expect(try sidebar(shown).contains { $0.hasPrefix("Money left") })
    #expect(try !sidebar(text).contains { $0.lowercased().contains("budget") || $0.contains("Money") })
  }
}

/// The keys and rows every list picker shares: the menu, the scenarios and the saves.
@Suite struct ListTests {
  @Test(arguments: [
    (Key.up, ListKey.moved(to: 1)), (.character("j"), .moved(to: 2)), (.tab, .moved(to: 2)), (.enter, .picked(2)),
    (.character(" "), .picked(2)), (.character("1"), .picked(0)), (.character("4"), .notOffered(4)),
    (.character("0"), .notOffered(0)),
  ])
  func keysMoveAndPick(key: Key, action: ListKey) {
    #expect(ListKey(key, cursor: 2, count: 3, numbered: true) == action)
  }

  @Test func theEndsStopTheCursorAndAnUnnumberedListIgnoresDigits() {
    #expect(ListKey(.up, cursor: 0, count: 3, numbered: true) == .moved(to: 0))
    #expect(ListKey(.down, cursor: 0, count: 0, numbered: true) == .moved(to: 0))
    #expect(ListKey(.character("1"), cursor: 0, count: 0, numbered: true) == .notOffered(1))
    #expect(ListKey(.character("1"), cursor: 0, count: 3, numbered: false) == nil)
    #expect(ListKey(.character("x"), cursor: 0, count: 3, numbered: true) == nil)
  }

  @Test func theSelectedRowHasThePointerAndTheHighlight() {
    var canvas = Canvas(size: Size(width: 12, height: 2), glyphs: .unicode, theme: Theme(hasColor: false))
    canvas.listRow([Span("one")], selected: false, in: Rect(row: 0, column: 0, width: 12, height: 1), action: .save(0))
    canvas.listRow([Span("two")], selected: true, in: Rect(row: 1, column: 0, width: 12, height: 1), action: .save(1))
    #expect(canvas.grid.lines == ["  one", "▸ two"])
    #expect(!canvas.grid[0, 2].style.reverse)
    #expect(canvas.grid[1, 11].style.reverse)
    #expect(canvas.hits.map(\.action) == [.save(0), .save(1)])
    #expect(Canvas.firstShown(selected: 7, rows: 5) == 3)
  }
}

/// Help, the briefing, history and the ending scroll on one kind of page.
@Suite struct PageTests {
  @Test(arguments: [
    (90 as Int?, 0, 42, 38), (96, 40, 42, 42), (96, 40, 44, 40), (90, 0, 120, 90), (96, 40, 120, 96), (nil, 0, 120, 116),
  ])
  func aPageIsCentredAtItsMeasureOrKeepsItsMarginWhenThereIsRoom(
    measure: Int?, minimumWidth: Int, screenWidth: Int, pageWidth: Int
  ) {
    var canvas = Canvas(size: Size(width: screenWidth, height: 12), glyphs: .unicode, theme: Theme(hasColor: true))
    var offered = 0
    _ = canvas.readablePage(
      measure: measure, minimumWidth: minimumWidth,
      {
        offered = $0
        return []
      }, scroll: 0)
    #expect(offered == pageWidth)
  }
}
