import Foundation
import OverlapEngine
import OverlapText
import Testing

@testable import OverlapTUI

/// Models built on the tiny fixture scenario with a fixed seed, so screens render the same every run.
enum TUIFixtures {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let tinyPath = repository.appendingPathComponent("Tests/Fixtures/tiny.yaml").path
  static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

  static let unicode = Capabilities(unicode: true, color: true, mouse: true)
  static let ascii = Capabilities(unicode: false, color: false, mouse: false)

  static func tiny() throws -> Scenario { try ScenarioLoader.load(path: tinyPath) }

  /// A game of the tiny scenario, seed 4, with `moves` played.
  static func game(_ moves: [String] = []) throws -> Playthrough {
    try Playthrough.replay(engine: Engine(scenario: tiny()), seed: 4, moves: moves)
  }

  /// A quiz session of `moves`, with one guess per move.
  static func quizSession(_ moves: [String], guesses: [Style?], players: [String] = []) throws -> Session {
    var session = Session(game: try game(), players: players, quiz: true)
    for (move, guess) in zip(moves, guesses) { try session.play(move, guess: guess) }
    return session
  }

  /// The moment a save was written, fixed so listings render the same.
  static let savedAt = Date(timeIntervalSince1970: 1_795_000_000)

  /// The moves of each readable fixture save, newest first.
  static let savedMoves: KeyValuePairs = ["autosave-tiny": ["vision"], "lunch-break": ["plan", "control", "finish-lead"]]

  static func saves() throws -> [SaveEntry] {
    try savedMoves.map { name, moves in
      SaveEntry(name: name, save: SaveGame(Session(game: try game(moves), now: savedAt)))
    } + [SaveEntry(name: "mangled", problem: "SaveGames/mangled.json: not a readable save: it is not valid JSON")]
  }

  static func catalog() throws -> [CatalogEntry] {
    [
      CatalogEntry(try tiny()),
      CatalogEntry(path: "Scenarios/broken.yaml", problem: "Scenarios/broken.yaml:3:1: error: 'title' is missing"),
    ]
  }

  /// A scenario whose story and moves are too long for a small screen.
  static func wordy() throws -> Scenario {
    let sentence =
      "The quarterly numbers are in, the team is tired, and everyone is waiting to hear what you will say next."
    let paragraph = Array(repeating: sentence, count: 3).joined(separator: " ")
    let yaml = """
      id: wordy
      title: A scenario with a great deal to say about leading and managing at once
      summary: Long text.
      goals: [Read a lot.]
      intro: "\(paragraph)"
      scenes:
        - id: one
          title: "Monday, nine o'clock"
          text:
            - "\(paragraph)"
            - "\(paragraph)"
          choices:
            - {id: a, text: "\(sentence) Explain where the team is going and why it matters.", style: leader, lens: vision-tasks, effects: {morale: 5}}
            - {id: b, text: "\(sentence) Put the plan on the wall with owners and dates.", style: manager, lens: vision-tasks, effects: {efficiency: 5}}
            - {id: c, text: "Ask for volunteers.", style: leader, lens: influence-authority}
            - {id: d, text: "\(sentence) Set a rule.", style: manager, lens: people-systems, effects: {stability: 5, morale: -5}}
      endings:
        - {id: fine, title: Fine, tone: mixed}
      """
    return try ScenarioLoader.load(data: Data(yaml.utf8), path: "wordy.yaml")
  }

  /// A scenario that starts with one meter low, one middling and one healthy.
  static func levels() throws -> Scenario {
    let yaml = """
      id: levels
      title: Levels
      summary: Meters at every level.
      goals: [See the colours.]
      meters: {morale: 20, efficiency: 50, stability: 80}
      scenes:
        - id: one
          text: ["One scene."]
          choices:
            - {id: a, text: "Lead.", style: leader, lens: vision-tasks}
            - {id: b, text: "Manage.", style: manager, lens: vision-tasks}
      endings:
        - {id: fine, title: Fine, tone: mixed}
      """
    return try ScenarioLoader.load(data: Data(yaml.utf8), path: "levels.yaml")
  }

  /// A model on the game screen after `moves`.
  static func model(
    _ moves: [String] = [], size: Size = Size(width: 80, height: 24), capabilities: Capabilities = unicode
  )
    throws -> AppModel
  {
    var model = AppModel(
      size: size, capabilities: capabilities, catalog: try catalog(), saves: try saves(),
      opened: OpenedGame(session: Session(game: try game(moves)), autosaveSlot: "autosave-tiny"))
    model.notice = nil
    _ = GameLoop.present(&model)
    return model
  }

  /// A workshop game: a quiz, Ana and Bo taking turns, and discussion pauses.
  /// `guesses` holds one answer per move in `moves`.
  static func workshop(_ moves: [String] = [], guesses: [Style?] = [], size: Size = Size(width: 80, height: 24))
    throws -> AppModel
  {
    var model = AppModel(
      size: size, capabilities: unicode, catalog: try catalog(), saves: try saves(),
      opened: OpenedGame(session: try quizSession(moves, guesses: guesses, players: ["Ana", "Bo"]), autosaveSlot: "autosave-tiny"),
      discuss: true)
    model.notice = nil
    _ = GameLoop.present(&model)
    return model
  }

  static func menu(size: Size = Size(width: 80, height: 24)) throws -> AppModel {
    var model = AppModel(size: size, capabilities: unicode, catalog: try catalog(), saves: try saves())
    _ = GameLoop.present(&model)
    return model
  }
}

/// A message handled as the loop handles it: `update`, then the next frame drawn and its
/// layout reported back, so scroll keys and clicks see what is on screen.
@discardableResult
func send(_ model: inout AppModel, _ message: Message) -> [Command] {
  let commands = update(&model, message)
  _ = GameLoop.present(&model)
  return commands
}

/// Compares a whole screen, text and styles, with `Snapshots/NAME.txt`. `OVERLAP_RECORD=1`
/// rewrites the file on purpose; a missing file is written and the test fails, so a new
/// snapshot is always looked at.
func assertSnapshot(_ grid: Grid, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let url = TUIFixtures.snapshots.appendingPathComponent("\(name).txt")
  let actual = grid.text + "\n" + grid.styleMap
  let record = ProcessInfo.processInfo.environment["OVERLAP_RECORD"].map { !$0.isEmpty && $0 != "0" } ?? false
  guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    do {
      try FileManager.default.createDirectory(at: TUIFixtures.snapshots, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("cannot write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    if !record {
      Issue.record("recorded a new snapshot \(name).txt; check it and run again", sourceLocation: sourceLocation)
    }
    return
  }
  if expected != actual {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report = ["snapshot \(name).txt differs (OVERLAP_RECORD=1 re-records it):"]
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let old = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
      let new = index < actualLines.count ? String(actualLines[index]) : "<none>"
      if old != new { report += ["  line \(index + 1) expected: \(old)", "  line \(index + 1)   actual: \(new)"] }
    }
    Issue.record(Comment(rawValue: report.joined(separator: "\n")), sourceLocation: sourceLocation)
  }
}

extension Grid {
  /// The styles of the grid, for snapshots: a legend giving each style other than the
  /// default a letter, then one row of letters per row of text, a space for the default.
  var styleMap: String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var keys: [CellStyle: Character] = [:]
    var legend: [String] = []
    let rows = (0..<height).map { row in
      var line = ""
      for column in 0..<width where self[row, column].width > 0 {
        let style = self[row, column].style
        guard style != CellStyle() else {
          line.append(" ")
          continue
        }
        if keys[style] == nil {
          let key = legend.count < letters.count ? letters[legend.count] : "?"
          keys[style] = key
          legend.append("\(key) \(style.summary)")
        }
        line.append(keys[style] ?? "?")
      }
      while line.last == " " { line.removeLast() }
      return line
    }
    return (["-- styles"] + legend + ["--"] + rows).joined(separator: "\n") + "\n"
  }
}

extension CellStyle {
  /// "yellow on blue, bold, reverse": what a snapshot legend says of a style.
  var summary: String {
    var parts: [String] = []
    if foreground != .normal || background != .normal {
      parts.append(background == .normal ? "\(foreground)" : "\(foreground) on \(background)")
    }
    for (on, name) in [(bold, "bold"), (dim, "dim"), (underline, "underline"), (reverse, "reverse")] where on {
      parts.append(name)
    }
    return parts.joined(separator: ", ")
  }
}
