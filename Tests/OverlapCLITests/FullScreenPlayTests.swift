import Foundation
import OverlapEngine
import OverlapTUI
import Testing

@testable import OverlapCLI

/// Full-screen play with its real runtime (saves, scenario files) on the scripted backend.
@Suite struct FullScreenPlayTests {
  func play(_ events: [TerminalEvent], saves: String) -> (status: OverlapCLI.ExitStatus, backend: ScriptedBackend, out: String) {
    let out = Captured()
    let console = Console(out: { out.append($0) }, err: { out.append($0) }, readLine: { nil })
    let game = FullScreenPlay(
      store: SaveStore(directory: saves), library: ScenarioLibrary(directory: Paths.repository + "/Tests/Fixtures"),
      seed: 4, workshop: WorkshopOptions())
    let backend = ScriptedBackend(
      size: Size(width: 80, height: 24), capabilities: Capabilities(unicode: true, color: true, mouse: false),
      events: events)
    let status = Console.$current.withValue(console) { game.play(nil, on: backend) }
    return (status, backend, out.value)
  }

  @Test func aNewGameFromTheMenuIsAutosavedOnQuit() throws {
    let saves = Paths.temporaryFolder()
    let run = play([.key(.character("n")), .key(.enter), .key(.character("1")), .key(.character("q"))], saves: saves)
    #expect(run.status == .ok)
    #expect(run.backend.isClosed)
    #expect(run.backend.frames.last?.text.contains("what happened") == true)
    let slot = try onlyAutosave(in: saves)
    #expect(try SaveStore(directory: saves).read(slot).moves == ["vision"])
    #expect(run.out.contains("Progress saved as '\(slot)'."))
  }

  @Test func aHangupBeforeAnyMoveSavesNothingAndSaysNothing() throws {
    let saves = Paths.temporaryFolder()
    let run = play([.key(.character("n")), .key(.enter)], saves: saves)
    #expect(run.status == .interrupted)
    #expect(run.backend.isClosed)
    #expect(try FileManager.default.contentsOfDirectory(atPath: saves).filter { $0.hasSuffix(".json") } == [])
    #expect(run.out == "")
  }
  /// Loading a save and quitting at once writes the loaded game to a slot of its own: the
  /// autosave of a game that has ended stays as it was.
  @Test func loadingASaveAndQuittingKeepsAFinishedGamesAutosave() throws {
    let saves = Paths.temporaryFolder()
    let store = SaveStore(directory: saves)
    let engine = Engine(scenario: try ScenarioLoader.load(path: Paths.repository + "/Tests/Fixtures/tiny.yaml"))
    func session(_ moves: [String], at seconds: TimeInterval) throws -> Session {
      var session = Session(game: Playthrough(engine: engine, seed: 4), now: Date(timeIntervalSince1970: seconds))
      for move in moves { try session.play(move, now: Date(timeIntervalSince1970: seconds)) }
      return session
    }
    let finished = "autosave-tiny-20261101-090000"
    try store.write(try session(["vision", "rally", "finish-lead"], at: 1_790_000_000), as: finished)
    try store.write(try session(["plan"], at: 1_790_000_100), as: "lunch")
    let before = try Data(contentsOf: URL(fileURLWithPath: try store.slotPath(finished)))

    // The load picker lists the newest first: lunch.
    let run = play([.key(.character("l")), .key(.enter), .key(.character("q"))], saves: saves)
    #expect(run.status == .ok)
    #expect(try Data(contentsOf: URL(fileURLWithPath: try store.slotPath(finished))) == before)
    let slots = try store.names().filter { SaveStore.isAutosave($0) && $0 != finished }
    #expect(slots.count == 1)
    #expect(try slots.map { try store.read($0).moves } == [["plan"]])
    #expect(try store.read("lunch").moves == ["plan"])
  }
}
