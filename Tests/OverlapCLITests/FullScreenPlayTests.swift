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
}
