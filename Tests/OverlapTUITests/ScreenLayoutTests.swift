import Foundation
import OverlapEngine
import OverlapText
import Testing

@testable import OverlapTUI

/// The linter warns by `ScreenLayout`'s numbers; these tests draw the real 80×24 screen
/// and fail when it no longer cuts text exactly where those numbers say.
@Suite struct ScreenLayoutTests {
  static let standard = Size(width: ScreenLayout.standardWidth, height: ScreenLayout.standardHeight)

  /// A one-scene scenario with one move per text in `moves`.
  static func scenario(title: String = "Layout", intro: String? = nil, moves: [String]) throws -> Scenario {
    let choices = moves.enumerated().map { number, text in
      "      - {id: m\(number), text: \"\(text)\", style: \(number % 2 == 0 ? "leader" : "manager"), lens: vision-tasks}"
    }
    let yaml = """
      id: layout
      title: "\(title)"
      summary: Layout.
      goals: [Fit.]
      \(intro.map { "intro: \"\($0)\"" } ?? "")
      scenes:
        - id: one
          text: ["One scene."]
          choices:
      \(choices.joined(separator: "\n"))
      endings:
        - {id: fine, title: Fine, tone: mixed}
      """
    return try ScenarioLoader.load(data: Data(yaml.utf8), path: "layout.yaml")
  }

  static func screen(_ scenario: Scenario, players: [String] = [], quiz: Bool = false) -> AppModel {
    let game = Playthrough(engine: Engine(scenario: scenario), seed: 4_000_000_000)
    var model = AppModel(
      size: standard, capabilities: TUIFixtures.unicode, catalog: [], saves: [],
      opened: OpenedGame(session: Session(game: game, players: players, quiz: quiz), autosaveSlot: "autosave-layout"))
    model.notice = nil
    if case .briefing = model.screen { send(&model, .pressedKey(.enter)) }
    _ = GameLoop.present(&model)
    return model
  }

  /// Distinct moves of `width` columns each: a number, then a word that cannot wrap.
  static func moves(_ count: Int, width: Int) -> [String] {
    (1...count).map { "\($0)" + String(repeating: "x", count: width - String($0).count) }
  }

  @Test func aFullListOfMovesAsWideAsTheLinterAllowsShowsWhole() throws {
    let moves = Self.moves(ScreenLayout.standardMoveRows, width: ScreenLayout.standardMoveTextWidth)
    let text = view(Self.screen(try Self.scenario(moves: moves)), size: Self.standard).text
    for move in moves { #expect(text.contains(move), "cut: \(move)") }
  }

  @Test func oneColumnMoreIsCutAsTheLinterWarns() throws {
    let moves = Self.moves(ScreenLayout.standardMoveRows, width: ScreenLayout.standardMoveTextWidth + 1)
    let text = view(Self.screen(try Self.scenario(moves: moves)), size: Self.standard).text
    #expect(moves.contains { !text.contains($0) })
  }

  @Test func oneMoveMoreThanTheListHoldsIsOutOfView() throws {
    let moves = Self.moves(ScreenLayout.standardMoveRows + 1, width: 10)
    let text = view(Self.screen(try Self.scenario(moves: moves)), size: Self.standard).text
    #expect(moves.dropLast().allSatisfy { text.contains($0) })
    #expect(!text.contains(moves[moves.count - 1]))
  }

  @Test func theHeaderKeepsTheTitleWidthWhateverItsRightSideSays() throws {
    let title = "T" + String(repeating: "i", count: ScreenLayout.headerTitleWidth - 2) + "E"
    let model = Self.screen(
      try Self.scenario(title: title, moves: ["Lead.", "Manage."]), players: ["Annabelle", "Bo"], quiz: true)
    let header = view(model, size: Self.standard).text.split(separator: "\n")[0]
    #expect(header.contains(title))
  }

  @Test func aWordAsWideAsAPageShowsOnOneRowOfTheBriefing() throws {
    let word = "w" + String(repeating: "o", count: ScreenLayout.standardPageWidth - 2) + "d"
    #expect(view(try Self.briefing(intro: word), size: Self.standard).text.contains(word))
    let longer = word + "s"
    #expect(!view(try Self.briefing(intro: longer), size: Self.standard).text.contains(longer))
  }

  /// The briefing, which opens over the game before the first move.
  static func briefing(intro: String) throws -> AppModel {
    let game = Playthrough(engine: Engine(scenario: try scenario(intro: intro, moves: ["Lead.", "Manage."])), seed: 4)
    var model = AppModel(
      size: standard, capabilities: TUIFixtures.unicode, catalog: [], saves: [],
      opened: OpenedGame(session: Session(game: game), autosaveSlot: "autosave-layout"))
    _ = GameLoop.present(&model)
    return model
  }
}
