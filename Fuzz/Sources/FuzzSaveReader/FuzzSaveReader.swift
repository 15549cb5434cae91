import Foundation
import OverlapEngine
import OverlapLab

/// The built-in scenarios, loaded once: a save names one of them by id.
let engines: [String: Engine] = {
  let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios")
  var engines: [String: Engine] = [:]
  for id in ["change", "delegation", "project-manager"] {
    guard let scenario = try? ScenarioLoader.load(path: folder.appendingPathComponent("\(id).yaml").path) else {
      fatalError("cannot load the built-in scenario '\(id)' from \(folder.path)")
    }
    engines[id] = Engine(scenario: scenario)
  }
  return engines
}()

/// libFuzzer's entry point: one save file's bytes per call.
///
/// A save that decodes is replayed into a `Session` against the scenario it names
/// (or `change`), the way loading a save does, then debriefed and saved again. Thrown errors
/// are expected; only a trap, a hang, a leak or a memory error is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let data = Data(bytes: bytes, count: size)
  guard let save = try? SaveGame.decode(data, path: "fuzz.json") else { return 0 }
  // Whatever decodes must survive being written and read again unchanged.
  guard let written = try? save.encoded(), let reread = try? SaveGame.decode(written, path: "fuzz.json") else {
    preconditionFailure("a save that decoded cannot be encoded and decoded again")
  }
  precondition(reread == save, "a save changed on the way through encode and decode")
  _ = save.createdDate
  guard let engine = engines[save.scenario] ?? engines["change"],
    let session = try? Session(save, engine: engine)
  else { return 0 }
  _ = Debrief(session).text()
  _ = try? SaveGame(session).encoded()
  return 0
}
