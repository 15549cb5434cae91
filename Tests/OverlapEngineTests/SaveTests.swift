import Foundation
import Testing

@testable import OverlapEngine

@Suite struct SaveTests {
  let folder: String

  init() throws {
    folder = NSTemporaryDirectory() + "overlap-saves-\(UUID().uuidString)"
  }

  var store: SaveStore { SaveStore(directory: folder) }

  var library: ScenarioLibrary { ScenarioLibrary(directory: Fixtures.path("Scenarios")) }

  func fixtureGame(_ moves: [String] = ["vision", "control"]) throws -> Playthrough {
    try Playthrough.replay(engine: Engine(scenario: try Fixtures.tiny), seed: 5, moves: moves)
  }

  func contents(_ name: String) -> Data? {
    FileManager.default.contents(atPath: folder + "/" + name)
  }

  /// Playing k moves, saving, loading and playing the rest equals an uninterrupted game, for every k.
  @Test(arguments: Fixtures.allScenarioPaths)
  func roundTripAtEveryTurn(path: String) throws {
    let scenario = try ScenarioLoader.load(path: path)
    let engine = Engine(scenario: scenario)
    let library = ScenarioLibrary(directory: (path as NSString).deletingLastPathComponent)
    for seed: UInt64 in [3, 11] {
      let whole = DeterminismTests().randomGame(engine, seed: seed)
      for k in 0...whole.moves.count {
        var partial = try Playthrough.replay(engine: engine, seed: seed, moves: Array(whole.moves.prefix(k)))
        try store.write(Session(game: partial, players: ["Ana", "Bo"]), as: "slot")
        let opened = try store.load("slot", library: library)
        #expect(opened.warning == nil)
        #expect(opened.session.players == ["Ana", "Bo"])
        partial = opened.session.game
        for move in whole.moves.dropFirst(k) { try partial.play(move) }
        #expect(partial.state == whole.state)
        #expect(partial.reports == whole.reports)
      }
    }
  }

  @Test func saveHoldsTheDocumentedKeys() throws {
    try store.write(Session(game: try fixtureGame()), as: "keys")
    let object = try JSONSerialization.jsonObject(with: try #require(contents("keys.json"))) as? [String: Any]
    let keys = Set(object?.keys.map { $0 } ?? [])
    #expect(keys == ["formatVersion", "minimumReaderVersion", "scenario", "scenarioHash", "seed", "moves", "players", "created", "updated", "summary"])
    #expect(object?["moves"] as? [String] == ["vision", "control"])
  }

  @Test func overwritingKeepsTheOldVersionAsBackup() throws {
    try store.write(Session(game: try fixtureGame(["vision"])), as: "slot")
    let first = try #require(contents("slot.json"))
    try store.write(Session(game: try fixtureGame()), as: "slot")
    #expect(contents("slot.json.bak") == first)
    #expect(try store.read("slot").moves == ["vision", "control"])
    #expect(try store.names() == ["slot"])
  }

  @Test(arguments: ["../evil", "a/b", "", ".hidden", "tab\tname", "x\u{1}", String(repeating: "n", count: 65), "naïve"])
  func badSlotNamesAreRefused(name: String) throws {
    #expect(throws: SaveProblem.badName(name)) {
      try store.write(Session(game: try fixtureGame()), as: name)
    }
  }

  @Test func missingSaveListsTheOthers() throws {
    try store.write(Session(game: try fixtureGame()), as: "mine")
    #expect(throws: SaveProblem.missing(folder + "/yours.json", available: ["mine"])) {
      try store.read("yours")
    }
  }

  static let corruptions: [(String, String)] = [
    ("truncated", "{\"formatVersion\": 1, \"scenario\": \"tiny\", \"se"),
    ("not JSON", "hello, I am not a save"),
    ("empty", ""),
    ("no version", "{\"scenario\": \"tiny\"}"),
    ("wrong type", "{\"formatVersion\": 1, \"minimumReaderVersion\": 1, \"scenario\": \"tiny\", \"scenarioHash\": \"x\", \"seed\": \"five\", \"moves\": [], \"players\": [], \"created\": \"\", \"updated\": \"\", \"summary\": {}}"),
    ("newer", "{\"formatVersion\": 99}"),
    ("bad move", "{\"formatVersion\": 1, \"minimumReaderVersion\": 1, \"scenario\": \"tiny\", \"scenarioHash\": \"x\", \"seed\": 1, \"moves\": [\"vision\", \"nonsense\"], \"players\": [], \"created\": \"\", \"updated\": \"\", \"summary\": {\"turn\": 1, \"finished\": false, \"meters\": {\"morale\": 1, \"efficiency\": 1, \"stability\": 1}}}"),
  ]

  @Test(arguments: corruptions)
  func corruptSavesFailClearlyAndStayUntouched(label: String, text: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/broken.json"
    try #require(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
    try store.write(Session(game: try fixtureGame()), as: "good")
    let good = contents("good.json")
    let library = ScenarioLibrary(directory: Fixtures.path("Tests/Fixtures"))
    do {
      _ = try store.load("broken", library: library)
      Issue.record("\(label) loaded")
    } catch let problem as SaveProblem {
      switch (label, problem) {
      case ("newer", .newer(_, 99)), ("bad move", .badMove): break
      case (_, .corrupt): #expect(label != "newer" && label != "bad move")
      default: Issue.record("\(label): unexpected \(problem)")
      }
      #expect(problem.description.hasPrefix(path))
    }
    #expect(contents("broken.json") == Data(text.utf8))
    #expect(contents("good.json") == good)
  }

  @Test func changedScenarioWarnsAndReplays() throws {
    let scenarios = folder + "-scenarios"
    try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
    let original = try String(contentsOfFile: Fixtures.path("Tests/Fixtures/tiny.yaml"), encoding: .utf8)
    try original.write(toFile: scenarios + "/tiny.yaml", atomically: true, encoding: .utf8)
    let library = ScenarioLibrary(directory: scenarios)
    let game = Playthrough(engine: Engine(scenario: try library.load("tiny")), seed: 1)
    try store.write(Session(game: game), as: "before")
    try (original + "\n# edited\n").write(toFile: scenarios + "/tiny.yaml", atomically: true, encoding: .utf8)
    let opened = try store.load("before", library: library)
    #expect(opened.warning?.contains("has changed since this game was saved") == true)
  }

  @Test func unwritableFolderIsAnIOErrorAndKeepsOldSaves() throws {
    try store.write(Session(game: try fixtureGame()), as: "safe")
    let blocked = SaveStore(directory: folder + "/safe.json/inner")
    #expect(throws: SaveProblem.self) { try blocked.write(Session(game: try fixtureGame()), as: "x") }
    do {
      try blocked.write(Session(game: try fixtureGame()), as: "x")
    } catch let problem as SaveProblem {
      guard case .io = problem else {
        Issue.record("expected an I/O problem, got \(problem)")
        return
      }
    }
    #expect(try store.read("safe").moves == ["vision", "control"])
  }
}
