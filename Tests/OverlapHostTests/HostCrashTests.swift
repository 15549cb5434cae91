import Foundation
import Testing

@testable import OverlapHost

/// The real binary killed with -9 during play, then started again on the same folder.
@Suite(.serialized) struct HostCrashTests {
  /// The port the host printed in its join command.
  static func port(in output: String) -> Int? {
    guard let match = output.firstMatch(of: #/ssh -p (\d+) /#) else { return nil }
    return Int(match.1)
  }

  @Test(.enabled(if: runs(having: "ssh") && runs(having: "tmux"), "ssh or tmux is missing (CI=true makes this a failure)"))
  func killingTheHostLosesNoAcknowledgedMoveAndRestartRestoresTheRoom() throws {
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build the overlap binary first")
    let directory = temporaryFolder() + "/room"
    let scenarios = ["--scenarios", repository + "/Scenarios"]
    let first = try Background(
      [binary, "host", "change", "--port", "0", "--dir", directory, "--code", "crash-test", "--seed", "9", "--pace", "rounds"]
        + scenarios)
    var port: Int?
    try #require(eventually { port = Self.port(in: first.output); return port != nil }, "\(first.output)")
    let room = TestRoom.Client(port: try #require(port), code: "crash-test")

    let ana = try room.join("ana")
    try ana.press("1")
    try #require(ana.waitFor("Turn 1 · what happened"))
    first.type("release")
    try #require(eventually { first.output.contains("Round 2 is open.") })
    try ana.press("Space")
    try #require(ana.waitFor("Turn 2 of"))
    try ana.press("2")
    // What the screen shows has been saved: this is the acknowledged move.
    try #require(ana.waitFor("Turn 2 · what happened"))
    first.kill()
    let save = try String(contentsOfFile: directory + "/ana.json", encoding: .utf8)
    #expect(save.components(separatedBy: "\n").filter { $0.hasPrefix("    \"") }.count >= 2, "\(save)")
    #expect(room.moves(of: "ana", in: directory)?.count == 2)

    // Again on the same folder, with nothing but the folder: same code, seed, pace and round.
    let second = try Background([binary, "host", "change", "--port", "0", "--dir", directory] + scenarios)
    try #require(eventually { Self.port(in: second.output) != nil }, "\(second.output)")
    #expect(second.output.contains("seed 9"))
    #expect(second.output.contains("rounds, round 2 open"))
    #expect(second.output.contains("Room code: crash-test"))
    let again = TestRoom.Client(port: try #require(Self.port(in: second.output)), code: "crash-test")
    let resumed = try again.join("ana", waitingFor: "Welcome back, ana: you are on turn 3")
    try resumed.press("Space")
    // Round 2 is played, so ana waits for round 3.
    try #require(resumed.waitFor("Round 2 is over"), "\(resumed.screen)")
    second.type("status")
    try #require(eventually { second.output.contains("ana: turn 3") }, "\(second.output)")
  }
}
