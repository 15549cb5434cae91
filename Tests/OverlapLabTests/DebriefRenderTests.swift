import Foundation
import OverlapEngine
import OverlapText
import Testing

@testable import OverlapLab

@Suite struct DebriefRenderTests {
  /// Typographic text of the kind scenario writers use, to check the ASCII fallback.
  static let typographic = LabFixtures.scenario(
    scenes: """
        - id: only
          title: “Monday” — the café
          text: It’s late…
          choices:
            - id: cafe-talk
              text: Talk it through — properly, with everyone, and don’t stop until it’s clear
              style: leader
              lens: vision-tasks
              note: Naïve? Perhaps — but it works.
              effects: {morale: 15}
            - id: plan
              text: Write the plan
              style: manager
              lens: vision-tasks
              effects: {efficiency: 10}
      """,
    endings: """
        - id: good
          title: Très bien — a long and typographic ending title
          tone: success
          when: morale >= 60
          debrief: You led “well”.
        - id: bad
          title: Bad
          tone: failure
      """)

  /// Every kind of game the renderers meet: short, long, unfinished, not started, with a team
  /// and a quiz, and typographic.
  static func games() throws -> [Debrief] {
    var debriefs = [
      Debrief(
        game: try DebriefGames.mixed(), name: "team-a", players: ["Ana", "Benedetta-Maria"],
        quiz: [.leader, nil, .manager]),
      Debrief(game: try DebriefGames.thriving()),
      Debrief(game: try DebriefGames.play(["gamble"])),
      Debrief(game: try DebriefGames.play([])),
      Debrief(
        game: try DebriefGames.long((1...7).map { "s\($0)-\($0 < 5 ? "lead" : "manage")" }),
        name: String(repeating: "long", count: 12)),
    ]
    let typographic = try LabFixtures.load(Self.typographic)
    debriefs.append(
      Debrief(
        game: try Playthrough.replay(engine: Engine(scenario: typographic), seed: 1, moves: ["cafe-talk"]),
        name: "Zoë’s team", players: ["Zoë"], quiz: [.leader]))
    // Built-in scenarios, when they load, for long real-world text.
    for path in LabFixtures.playable.filter({ $0.contains("/Scenarios/") }) {
      var game = Playthrough(engine: try LabFixtures.engine(path), seed: 3)
      while let choice = game.legalChoices.last { game.play(choice: choice) }
      debriefs.append(Debrief(game: game, name: "built-in"))
    }
    return debriefs
  }

  @Test(arguments: [40, 57, 80, 100, 132])
  func textNeverOutgrowsItsWidth(width: Int) throws {
    for debrief in try Self.games() {
      for unicode in [true, false] {
        for line in debrief.text(width: width, unicode: unicode).split(separator: "\n") {
          #expect(line.count <= width, "\(debrief.scenario.id) unicode=\(unicode): \(line)")
        }
      }
    }
  }

  @Test func asciiTextIsPureASCII() throws {
    for debrief in try Self.games() {
      let text = debrief.text(width: 80, unicode: false)
      let foreign = text.unicodeScalars.filter { !$0.isASCII }
      #expect(foreign.isEmpty, "\(debrief.scenario.id): \(String(String.UnicodeScalarView(foreign)))")
    }
    #expect(TextLayout.ascii("“Zoë” — it’s…") == "\"Zoe\" -- it's...")
  }

  @Test func textTellsTheStoryOfTheGame() throws {
    let text = Debrief(
      game: try DebriefGames.mixed(), name: "team-a", players: ["Ana", "Ben"], quiz: [.leader, .leader, nil]
    ).text(width: 80)
    for expected in [
      "Debrief: A tiny test scenario", "team-a · seed 1 · 3 turns · finished", "Team: Ana, Ben",
      "Ending: Muddling through [mixed]", "Not reached: Thriving (success) needs morale >= 60 and efficiency >= 60.",
      "Meters over 3 turns (all three on one scale, 40 to 70)", "  By turn  L M M",
      "Turn 1 · Share the vision (leader, vision / tasks)", "Note: A leader move.", "With a manager move instead:",
      "• Rally\n", "→ Thriving (success) instead of your Muddling through.", "Delayed effects that landed",
      "1 of 3 styles named correctly (33%).", "  Ana  turns 1 and 3 · 1 leader, 1 manager · quiz 1 of 2",
    ] {
      #expect(text.contains(expected), "missing: \(expected)")
    }
    #expect(!text.contains("\u{1B}["))
    #expect(Debrief(game: try DebriefGames.thriving()).text().contains("What it means: Both styles together."))
  }

  @Test func stylesAreDataInTheLinesAndEscapesOnlyAtTheEdge() throws {
    let debrief = Debrief(game: try DebriefGames.mixed())
    let lines = debrief.lines(width: 80)
    #expect(lines[0].spans == [Span("Debrief: A tiny test scenario", CellStyle(bold: true))])
    let byTurn = try #require(lines.first { $0.text.hasPrefix("  By turn") })
    #expect(byTurn.spans.contains(Span("L", CellStyle(foreground: .magenta))))
    #expect(!debrief.text().contains("\u{1B}"))
    #expect(lines.text(ansi: true).contains("\u{1B}[1mDebrief: A tiny test scenario\u{1B}[0m\n"))
    #expect(lines.text(ansi: true).contains("\u{1B}[35mL\u{1B}[0m"))
  }

  // MARK: - Charts

  @Test func brailleChartsJoinThePoints() {
    #expect(MeterChart.lines([0, 100], range: 0...100, width: 2, height: 1, unicode: true) == ["⡠⠊"])
    #expect(MeterChart.lines([50, 50], range: 0...100, width: 3, height: 1, unicode: true) == ["⠒⠒⠒"])
    // A jump of the whole height fills the rows in between.
    #expect(MeterChart.lines([0, 0, 100, 100], range: 0...100, width: 3, height: 2, unicode: true) == ["⠀⢰⠉", "⣀⠜⠀"])
  }

  @Test func asciiChartsUseThreeMarksPerRow() {
    #expect(MeterChart.lines([0, 100], range: 0...100, width: 3, height: 1, unicode: false) == [".-'"])
    #expect(MeterChart.lines([0, 100], range: 0...100, width: 3, height: 3, unicode: false) == ["  '", " - ", ".  "])
    #expect(MeterChart.lines([0, 100], range: 0...100, width: 2, height: 3, unicode: false) == [" '", " |", ". "])
  }

  @Test(arguments: [
    ([45, 61], 40...70), ([0, 100], 0...100), ([50, 50], 40...60), ([95, 100], 80...100), ([3, 12], 0...20),
  ])
  func chartScalesZoomInOnTheValues(values: [Int], range: ClosedRange<Int>) {
    #expect(MeterChart.range(of: values) == range)
  }

  @Test func theTurnAxisLabelsEveryTurnThatHasRoom() throws {
    let short = Debrief(game: try DebriefGames.mixed()).turnAxis(width: 24, unicode: true)
    #expect(short.line == "└┬───────┬──────┬───────┬")
    #expect(short.labels == "0       1      2       3")
    let crowded = Debrief(game: try DebriefGames.long((1...7).map { "s\($0)-lead" })).turnAxis(width: 8, unicode: false)
    #expect(crowded.line == "+|--|---|")
    #expect(crowded.labels == "0  3   7")
  }

  /// Found by the loader fuzzer: a four-digit last turn ran past the end of the labels.
  @Test(arguments: [40, 80, 100])
  func aThousandTurnGameHasAnAxisThatFits(width: Int) throws {
    let scenes = (0..<1_000).map { "  - {id: s\($0), text: t, choices: [{id: c\($0), text: c, style: leader}]}" }
    let scenario = try LabFixtures.load(LabFixtures.scenario(scenes: scenes.joined(separator: "\n")))
    let game = try Playthrough.replay(engine: Engine(scenario: scenario), seed: 1, moves: Array(repeating: "1", count: 1_000))
    let debrief = Debrief(game: game)
    let axis = debrief.turnAxis(width: width, unicode: true)
    #expect(axis.labels.hasSuffix("1000"))
    #expect(axis.labels.hasPrefix("0"))
    #expect(debrief.text(width: width, unicode: true).contains("Meters over 1000 turns"))
  }

  // MARK: - Markdown and HTML

  @Test func markdownHasTablesAndEscapesWhatPlayersWrote() throws {
    let markdown = Debrief(game: try DebriefGames.mixed(), name: "a|b*c", players: ["<Ana>"]).markdown()
    #expect(markdown.hasPrefix("# Debrief: A tiny test scenario\n"))
    #expect(markdown.contains("a\\|b\\*c · seed 1"))
    #expect(markdown.contains("Team: \\<Ana\\>"))
    #expect(markdown.contains("## Ending: Muddling through (mixed)"))
    #expect(markdown.contains("| morale | ▄▅▅▅ | 50 | 60 | 55 | 55 | +5 |"))
    #expect(markdown.contains("### Turn 2: manager move, people / systems"))
    #expect(markdown.contains("- **Rally**: Thriving (success) instead of your Muddling through."))
    #expect(markdown.contains("| \\<Ana\\> | 1, 2, 3 | 1 | 2 |"))
  }

  @Test func htmlIsOneSelfContainedPage() throws {
    for debrief in try Self.games() {
      let html = debrief.html()
      #expect(html.hasPrefix("<!DOCTYPE html>"))
      #expect(html.hasSuffix("</html>\n"))
      for outside in ["<script", "http://", "https://", " src=", "@import", "url(", "<link"] {
        #expect(!html.contains(outside), "\(debrief.scenario.id) refers outside itself: \(outside)")
      }
      #expect(html.components(separatedBy: "<style>").count == 2)
    }
  }

  @Test func htmlDrawsItsChartsAndEscapesEverything() throws {
    let html = Debrief(
      game: try DebriefGames.mixed(), name: "<script>alert('x')</script>", players: ["A&B"], quiz: [.leader, nil, nil]
    ).html()
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(html.contains("A&amp;B"))
    #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 3)
    #expect(html.contains("<title>Morale, efficiency and stability after each turn</title>"))
    #expect(html.contains("Muddling through <span class=\"badge tone-mixed\">mixed</span>"))
    #expect(html.contains("<h3>Quiz</h3>"))
    #expect(html.contains("<h3>Team members</h3>"))
  }
}
