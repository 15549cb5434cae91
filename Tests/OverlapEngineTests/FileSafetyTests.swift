import Foundation
import Testing

@testable import OverlapEngine

/// Files from strangers, and files planted beside ours: nothing may redirect a write,
/// leak a file into a message, or hang a read (hardening issue).
@Suite struct FileSafetyTests {
  let folder: String

  init() throws {
    folder = NSTemporaryDirectory() + "overlap-files-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  var store: SaveStore { SaveStore(directory: folder) }
  var library: ScenarioLibrary { ScenarioLibrary(directory: Fixtures.path("Scenarios")) }

  func game() throws -> Playthrough {
    try Playthrough.replay(engine: Engine(scenario: try Fixtures.tiny), seed: 5, moves: ["vision"])
  }

  func mode(_ path: String) -> mode_t {
    var status = stat()
    lstat(path, &status)
    return status.st_mode & 0o777
  }

  // MARK: - Writing

  /// A link planted where the old writer put its temporary file, for every PID near ours.
  @Test func plantedLinksAtTemporaryNamesAreNeverFollowed() throws {
    let victim = folder + "/victim.txt"
    try Data("secret".utf8).write(to: URL(fileURLWithPath: victim))
    let pid = Int(getpid())
    for guess in (pid - 50)...(pid + 50) {
      symlink(victim, "\(folder)/.slot.json.\(guess).tmp")
    }
    try store.write(Session(game: try game()), as: "slot")
    #expect(FileManager.default.contents(atPath: victim) == Data("secret".utf8))
    #expect(try store.read("slot").moves == ["vision"])
  }

  @Test func staleTemporariesOfDeadWritersAreRemoved() throws {
    // PID 0x7FFFFFF0 is above Linux's PID limit, so no process has it.
    let stale = "\(folder)/.slot.json.2147483632.abc.tmp"
    let live = "\(folder)/.slot.json.\(getpid()).def.tmp"
    try Data("half".utf8).write(to: URL(fileURLWithPath: stale))
    try Data("busy".utf8).write(to: URL(fileURLWithPath: live))
    try store.write(Session(game: try game()), as: "slot")
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(FileManager.default.fileExists(atPath: live))
  }

  @Test func backupsKeepThePermissionsOfTheSaveTheyCopy() throws {
    try store.write(Session(game: try game()), as: "slot")
    chmod(folder + "/slot.json", 0o600)
    var longer = try game()
    try longer.play("rally")
    try store.write(Session(game: longer), as: "slot")
    #expect(mode(folder + "/slot.json.bak") == 0o600)
    #expect(mode(folder + "/slot.json") == 0o600)
  }

  @Test func aSlotThatIsALinkIsReplacedNotFollowed() throws {
    let victim = folder + "/victim.txt"
    try Data("secret".utf8).write(to: URL(fileURLWithPath: victim))
    symlink(victim, folder + "/slot.json")
    try store.write(Session(game: try game()), as: "slot")
    #expect(FileManager.default.contents(atPath: victim) == Data("secret".utf8))
    #expect(!FileManager.default.fileExists(atPath: folder + "/slot.json.bak"))
    #expect(try store.read("slot").moves == ["vision"])
  }

  @Test(arguments: ["notes.json", "notes"])
  func slotNamesNeverLeaveTheSavesFolder(name: String) throws {
    try store.write(Session(game: try game()), as: name)
    #expect(FileManager.default.fileExists(atPath: folder + "/notes.json"))
    #expect(!FileManager.default.fileExists(atPath: "notes.json"))
    #expect(throws: SaveProblem.badName("../notes.json")) { try store.write(Session(game: try game()), as: "../notes.json") }
  }

  // MARK: - Reading

  func writeSave(_ name: String, _ change: (inout [String: Any]) -> Void) throws {
    var object = try JSONSerialization.jsonObject(with: try SaveGame(Session(game: try game())).encoded()) as? [String: Any] ?? [:]
    change(&object)
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: "\(folder)/\(name).json"))
  }

  func problem(loading name: String) -> String? {
    do {
      _ = try store.load(name, library: library)
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test(arguments: ["/etc/passwd", "../../x", "Scenarios/change", "change.yaml", ""])
  func aSavesScenarioIsAnIDNeverAPath(scenario: String) throws {
    try writeSave("hostile") { $0["scenario"] = scenario }
    #expect(throws: SaveProblem.corrupt(folder + "/hostile.json", "'scenario' must be a scenario id (letters, digits, '-' and '_'), not a path or other text")) {
      try store.read("hostile")
    }
    #expect(problem(loading: "hostile")?.contains("root:") == false)
  }

  @Test func aSaveNeedingANewerReaderIsRefused() throws {
    try writeSave("future") { $0["minimumReaderVersion"] = 7 }
    #expect(throws: SaveProblem.needsNewerReader(folder + "/future.json", 7)) { try store.read("future") }
    #expect(problem(loading: "future")?.contains("needs an Overlap that reads save format 7 or later") == true)
  }

  /// A field set to JSON text, and the message that must name it.
  @Test(arguments: [
    ("seed", "-1", "'seed' must be a whole number from 0 to 18446744073709551615"),
    ("seed", "null", "'seed' has the wrong type"),
    ("seed", "1.5", "'seed' must be a whole number from 0 to 18446744073709551615"),
    ("moves", "[\"\(String(repeating: "x", count: 1_000_000))\"]", "'moves[0]' must be a choice id or number of 1 to 200 characters"),
    ("moves", "[" + Array(repeating: "\"1\"", count: 10_001).joined(separator: ",") + "]", "'moves' has more than 10000 moves"),
    ("players", "[" + Array(repeating: "\"p\"", count: 101).joined(separator: ",") + "]", "'players' has more than 100 names"),
  ])
  func badFieldsAreNamed(field: String, json: String, message: String) throws {
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
    try writeSave("bad") { $0[field] = value }
    #expect(throws: SaveProblem.corrupt(folder + "/bad.json", message)) { try store.read("bad") }
  }

  @Test func pipesDevicesAndHugeFilesAreNotRead() throws {
    let fifo = folder + "/pipe.json"
    mkfifo(fifo, 0o644)
    #expect(throws: SaveProblem.corrupt(fifo, RegularFile.Problem.notRegular.reason)) { try store.read("pipe") }
    #expect(throws: RegularFile.Problem.notRegular) { try RegularFile.read("/dev/zero") }
    #expect(throws: RegularFile.Problem.folder) { try RegularFile.read(folder) }
    #expect(throws: RegularFile.Problem.missing) { try RegularFile.read(folder + "/none.yaml") }
    let huge = folder + "/huge.yaml"
    try Data().write(to: URL(fileURLWithPath: huge))
    truncate(huge, off_t(RegularFile.sizeLimit + 1))
    #expect(throws: RegularFile.Problem.tooLarge) { try RegularFile.read(huge) }
    #expect(throws: FileProblem.self) { try ScenarioLoader.load(path: fifo) }
  }
}
