import Foundation
import Testing

@testable import OverlapHost

/// The host against the real OpenSSH client: what a participant does, and every request
/// that is not the game being refused.
@Suite(.serialized) struct HostSSHTests {
  /// Connects, is refused a wrong code, joins, plays two turns (each saved before its
  /// result shows), resizes, drops the connection and resumes where it was.
  @Test(.enabled(if: runs(having: "ssh") && runs(having: "tmux"), "ssh or tmux is missing (CI=true makes this a failure)"))
  func aParticipantJoinsPlaysResizesAndResumes() throws {
    let room = try TestRoom()
    let tmux = Tmux()
    try tmux.start(room.ssh([]))
    try #require(tmux.waitFor("password:"))
    try tmux.type("wrong-code")
    try tmux.press("Enter")
    try #require(tmux.waitFor("Permission denied"))
    try #require(eventually { tmux.screen.components(separatedBy: "password:").count == 3 })
    try tmux.type(TestRoom.code)
    try tmux.press("Enter")
    try tmux.passBriefing()
    #expect(room.logged("join ana turn 1"))

    try tmux.press("1")
    try #require(tmux.waitFor("Turn 1 · what happened"))
    // The result is on screen, so the move is on disk already.
    #expect(room.moves(of: "ana")?.count == 1)
    try tmux.press("Space")
    try #require(tmux.waitFor("Turn 2 of"))
    try tmux.press("2")
    try #require(tmux.waitFor("Turn 2 · what happened"))
    #expect(room.moves(of: "ana")?.count == 2)
    try tmux.press("Space")
    try #require(tmux.waitFor("Turn 3 of"))

    try tmux("resize-window", "-x", "30", "-y", "10")
    try #require(tmux.waitFor("at least 40x12"), "\(tmux.screen)")
    try tmux("resize-window", "-x", "70", "-y", "20")
    // Below 80×24 the compact layout puts the meters above the story.
    try #require(tmux.waitFor("Turn 3/"), "\(tmux.screen)")

    // The connection drops (the window closes): the game is kept as it was.
    try tmux("kill-server")
    try #require(eventually { room.logged("leave ana turn 3") })
    #expect(room.moves(of: "ana")?.count == 2)

    let again = Tmux()
    try again.start(room.ssh([]))
    try #require(again.waitFor("password:"))
    try again.type(TestRoom.code)
    try again.press("Enter")
    try #require(again.waitFor("Welcome back, ana: you are on turn 3"), "\(again.screen)")
    #expect(room.logged("join ana turn 3 (resumed)"))
    try again.press("q")
    try #require(again.waitFor("Your game is saved."))
    #expect(room.moves(of: "ana")?.count == 2)
  }

  /// The key's fingerprint is the one OpenSSH shows for it.
  @Test(.enabled(if: runs(having: "ssh-keyscan"), "ssh-keyscan is missing (CI=true makes this a failure)"))
  func theFingerprintIsTheOneOpenSSHShows() throws {
    let room = try TestRoom()
    let scanned = try run(["sh", "-c", "ssh-keyscan -t ed25519 -p \(room.port) 127.0.0.1 | ssh-keygen -lf -"])
    #expect(scanned.output.contains(room.key.fingerprint), "\(scanned.output)")
  }

  /// A wrong code waits longer each time, and the third one ends the connection, however
  /// many tries the client would make.
  @Test(.enabled(if: runs(having: "ssh"), "ssh is missing (CI=true makes this a failure)"))
  func threeWrongCodesEndTheConnection() throws {
    let room = try TestRoom()
    let askPass = try AskPass(answer: "not-the-code")
    let result = try run(
      room.ssh(["-tt", "-o", "NumberOfPasswordPrompts=6"]), environment: askPass.environment)
    #expect(result.status == 255)
    #expect(askPass.timesAsked == 3)
    // 1 s and 2 s after the first two, 4 s after the third.
    #expect(result.seconds >= 6.5)
    #expect(room.logged("wrong room code 3 times"))
    #expect(room.moves(of: "ana") == nil)
  }

  @Test(
    .enabled(if: runs(having: "ssh"), "ssh is missing (CI=true makes this a failure)"),
    arguments: [
      (["-tt", "-o", "RequestTTY=force", "--"], "ls", "asked for commands"),
      (["-s"], "sftp", "asked for subsystems"),
    ])
  func commandsAndSubsystemsAreRefused(options: [String], argument: String, logged: String) throws {
    let room = try TestRoom()
    let askPass = try AskPass(answer: TestRoom.code)
    var arguments = room.ssh(options)
    arguments.append(argument)
    let result = try run(arguments, environment: askPass.environment)
    #expect(result.status != 0, "\(result.output)")
    #expect(room.logged(logged), "\(room.log.all)")
    #expect(room.moves(of: "ana") == nil)
  }

  /// `-W` opens a direct-tcpip channel at once, as `-L` does for each local connection.
  @Test(.enabled(if: runs(having: "ssh"), "ssh is missing (CI=true makes this a failure)"))
  func forwardingToAPortIsRefused() throws {
    let room = try TestRoom()
    let askPass = try AskPass(answer: TestRoom.code)
    let result = try run(room.ssh(["-W", "127.0.0.1:\(room.port)"]), environment: askPass.environment)
    #expect(result.status == 255, "\(result.output)")
    #expect(room.logged("asked for a channel other than one session"))
  }

  @Test(.enabled(if: runs(having: "ssh"), "ssh is missing (CI=true makes this a failure)"))
  func listeningForTheClientIsRefused() throws {
    let room = try TestRoom()
    let askPass = try AskPass(answer: TestRoom.code)
    let result = try run(
      room.ssh(["-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:\(room.port)"]),
      environment: askPass.environment)
    #expect(result.status == 255, "\(result.output)")
    #expect(result.output.contains("remote port forwarding failed"), "\(result.output)")
  }

  /// Without a terminal, or with a name that cannot be a save, the participant is told why.
  @Test(
    .enabled(if: runs(having: "ssh"), "ssh is missing (CI=true makes this a failure)"),
    arguments: [
      (["-T"], "ana", "needs a terminal"),
      (["-tt"], ".hidden", "cannot be a name here"),
    ])
  func aJoinWithoutATerminalOrWithABadNameIsRefused(options: [String], user: String, message: String) throws {
    let room = try TestRoom()
    let askPass = try AskPass(answer: TestRoom.code)
    let result = try run(room.ssh(options, user: user), environment: askPass.environment)
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains(message), "\(result.output)")
  }

  /// X11 forwarding ends the connection before any game starts: swift-nio-ssh 0.15.1
  /// rejects the request's packet as malformed, and the host logs why.
  @Test(.enabled(if: runs(having: "ssh"), "ssh is missing (CI=true makes this a failure)"))
  func x11ForwardingGetsNoGame() throws {
    let room = try TestRoom()
    let askPass = try AskPass(answer: TestRoom.code)
    var environment = askPass.environment
    environment["DISPLAY"] = ":7"
    let result = try run(room.ssh(["-X", "-tt"]), environment: environment)
    #expect(result.status == 255, "\(result.output)")
    #expect(room.logged("connection closed (ana)"), "\(room.log.all)")
    #expect(room.moves(of: "ana") == nil)
  }

  /// A participant who sends nothing for the idle timeout is disconnected; the game stays.
  @Test(.enabled(if: runs(having: "ssh"), "ssh is missing (CI=true makes this a failure)"))
  func anIdleParticipantIsDisconnected() throws {
    var limits = HostLimits()
    limits.idleTimeout = .seconds(2)
    let room = try TestRoom(limits: limits)
    let askPass = try AskPass(answer: TestRoom.code)
    let result = try run(room.ssh(["-tt"]), environment: askPass.environment, openInput: true, timeout: 30)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.seconds >= 2 && result.seconds < 20)
    #expect(room.logged("join ana turn 1"))
    #expect(eventually { room.logged("leave ana turn 1") })
    #expect(room.moves(of: "ana") == [])
  }

  /// A client whose input ends (a pipe, Ctrl-D in a script) ends its game cleanly.
  @Test(.enabled(if: runs(having: "ssh"), "ssh is missing (CI=true makes this a failure)"))
  func theEndOfInputEndsTheGameCleanly() throws {
    let room = try TestRoom()
    let askPass = try AskPass(answer: TestRoom.code)
    let result = try run(room.ssh(["-tt"]), environment: askPass.environment)
    #expect(result.status == 0, "\(result.output)")
    #expect(eventually { room.logged("leave ana turn 1") })
  }
}
