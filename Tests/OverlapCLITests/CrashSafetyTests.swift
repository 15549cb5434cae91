import Foundation
import Testing

import OverlapEngine

/// Killing a process mid-save must leave either the old save or the new one, never a mix.
@Suite struct CrashSafetyTests {
  @Test func sigkillDuringSavesNeverCorruptsTheSlot() throws {
    let binary = Paths.binary
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build the overlap binary first: \(binary)")
    let saves = Paths.temporaryFolder()
    let scripts = ["vision,control", "plan,rally"]
    var allowed = Set<Data>()
    for moves in scripts {
      let game = try Playthrough.replay(engine: Engine(scenario: try ScenarioLoader.load(path: Paths.tiny)), seed: 1, moves: moves.split(separator: ",").map(String.init))
      allowed.insert(try SaveGame(Session(game: game)).encoded())
    }
    var generator = SplitMix64(seed: 2024)
    for attempt in 0..<40 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = ["run", Paths.tiny, "--moves", scripts[attempt % 2], "--save", "slot", "--saves", saves]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32(generator.below(30_000)))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      for name in ["slot.json", "slot.json.bak"] {
        guard let data = FileManager.default.contents(atPath: saves + "/" + name) else { continue }
        let save = try SaveGame.decode(data, path: name)
        // Timestamps differ between writes; compare everything else.
        var normalised = save
        normalised.created = ""
        normalised.updated = ""
        let matches = try allowed.contains { candidate in
          var expected = try SaveGame.decode(candidate, path: "expected")
          expected.created = ""
          expected.updated = ""
          return expected == normalised
        }
        #expect(matches, "attempt \(attempt): \(name) is neither the old nor the new save")
      }
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: saves).filter { !$0.hasPrefix("slot.json") }
    // Temporary files may remain after a kill, but they never replace a slot.
    #expect(leftovers.allSatisfy { $0.hasSuffix(".tmp") })
  }
}
