import Foundation
import Testing

@testable import OverlapHost

/// The facilitator's controls, seen on a participant's real screen.
@Suite(.serialized) struct HostRoomTests {
  @Test(.enabled(if: runs(having: "ssh") && runs(having: "tmux"), "ssh or tmux is missing (CI=true makes this a failure)"))
  func roundsHoldEveryoneUntilReleased() throws {
    let room = try TestRoom(pace: .rounds)
    let ana = try room.join("ana")
    try ana.press("1")
    try #require(ana.waitFor("Turn 1 · what happened"))
    try ana.press("Space")
    try #require(ana.waitFor("Round 1 is over"), "\(ana.screen)")
    try ana.press("2")
    try ana.press("Enter")
    // Keys that play are held; the history still opens.
    try ana.press("h")
    try #require(ana.waitFor("History"), "\(ana.screen)")
    try ana.press("h")
    #expect(room.moves(of: "ana")?.count == 1)
    #expect(room.room.perform(.status).first?.contains("ana: turn 2") == true)
    #expect(room.room.perform(.status).first?.hasSuffix("waiting for the round") == true)

    #expect(room.room.perform(.release) == ["Round 2 is open."])
    try #require(eventually { !ana.screen.contains("Round 1 is over") }, "\(ana.screen)")
    try ana.press("2")
    try #require(ana.waitFor("Turn 2 · what happened"))
    #expect(room.moves(of: "ana")?.count == 2)
    // The round is kept with the room, for a restarted host.
    #expect(try RoomSettings.stored(in: room.directory)?.round == 2)
  }

  @Test(.enabled(if: runs(having: "ssh") && runs(having: "tmux"), "ssh or tmux is missing (CI=true makes this a failure)"))
  func pausesPromptsRemovalAndTheDebrief() throws {
    let room = try TestRoom()
    let ana = try room.join("ana")
    _ = room.room.perform(.pause("Eyes up here: back at eleven"))
    try #require(ana.waitFor("back at eleven"), "\(ana.screen)")
    try ana.press("1")
    _ = room.room.perform(.resume)
    try #require(eventually { !ana.screen.contains("back at eleven") })
    #expect(room.moves(of: "ana")?.isEmpty == true)

    _ = room.room.perform(.prompt("Which move would Ruth trust?"))
    try #require(ana.waitFor("Which move would Ruth trust?"))
    // The first key closes the prompt; the next plays.
    try ana.press("1")
    try #require(eventually { !ana.screen.contains("Ruth trust") })
    try ana.press("1")
    try #require(ana.waitFor("Turn 1 · what happened"))

    let written = room.room.perform(.debrief)
    #expect(written.first?.hasPrefix("The class debrief is in") == true, "\(written)")
    let html = try String(contentsOfFile: room.directory + "/class-debrief.html", encoding: .utf8)
    #expect(html.contains("ana"))
    #expect(FileManager.default.fileExists(atPath: room.directory + "/class-debrief.md"))

    #expect(room.room.perform(.remove("ana")) == ["'ana' is out; their game stays saved."])
    try #require(ana.waitFor("took you out of the room"), "\(ana.screen)")
    #expect(room.moves(of: "ana")?.count == 1)
  }

  @Test func typedLinesNameControls() {
    #expect(RoomControl(line: " release ") == .release)
    #expect(RoomControl(line: "pause Back at 11") == .pause("Back at 11"))
    #expect(RoomControl(line: "PROMPT What changed?") == .prompt("What changed?"))
    #expect(RoomControl(line: "remove ana") == .remove("ana"))
    #expect(RoomControl(line: "pause") == nil)
    #expect(RoomControl(line: "release now") == nil)
    #expect(RoomControl(line: "shell") == nil)
  }
}
