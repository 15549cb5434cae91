import Foundation
import Testing

@testable import OverlapHost

/// The facilitator's console: the real binary on a terminal (tmux), with a participant
/// joining over ssh.
@Suite(.serialized) struct HostConsoleTests {
  @Test(.enabled(if: runs(having: "ssh") && runs(having: "tmux"), "ssh or tmux is missing (CI=true makes this a failure)"))
  func theConsoleShowsTheRoomAndRunsItsControls() throws {
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build the overlap binary first")
    let directory = temporaryFolder() + "/room"
    let console = Tmux()
    try console.start(
      [binary, "host", "change", "--port", "0", "--dir", directory, "--code", "console-test", "--pace", "rounds",
       "--scenarios", repository + "/Scenarios"], width: 120, height: 30)
    try #require(console.waitFor("Nobody has joined yet."), "\(console.screen)")
    let port = try #require(console.screen.firstMatch(of: #/ssh -p (\d+) /#).flatMap { Int($0.1) })

    let ana = try TestRoom.Client(port: port, code: "console-test").join("ana")
    try #require(console.waitFor("join ana turn 1"), "\(console.screen)")
    #expect(console.screen.contains("playing"))

    try console.press("p")
    try console.type("Back at ten")
    try console.press("Enter")
    try #require(ana.waitFor("Back at ten"), "\(ana.screen)")
    try console.press("p")
    try #require(eventually { !ana.screen.contains("Back at ten") })

    try ana.press("1")
    try #require(console.waitFor("move ana turn 1"), "\(console.screen)")
    try ana.press("Space")
    try #require(ana.waitFor("Round 1 is over"))
    try #require(console.waitFor("waiting for the round"), "\(console.screen)")
    try console.press("r")
    try #require(console.waitFor("Round 2 is open."), "\(console.screen)")
    try #require(eventually { !ana.screen.contains("Round 1 is over") }, "\(ana.screen)")
    try console.press("w")
    try #require(console.waitFor("The class debrief is in"), "\(console.screen)")
    #expect(FileManager.default.fileExists(atPath: directory + "/class-debrief.html"))
    // Afterwards the folder is a class of saves like any other.
    let debrief = try run([binary, "debrief", directory, "--scenarios", repository + "/Scenarios"])
    #expect(debrief.status == 0, "\(debrief.output)")
    #expect(debrief.output.contains("ana"))

    try console.press("q")
    try #require(console.waitFor("End the workshop?"))
    try console.press("y")
    try #require(console.waitFor("Closing the room"), "\(console.screen)")
    try #require(ana.waitFor("The facilitator closed the room"), "\(ana.screen)")
  }
}
