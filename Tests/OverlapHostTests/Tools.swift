import Foundation
import NIOCore
import OverlapEngine
import Testing

@testable import OverlapHost

// MARK: - Running tools

/// Whether a test that needs a tool runs: always when it is there, and under `CI=true`
/// even when it is not, so a CI machine without it fails instead of skipping.
func runs(having tool: String) -> Bool {
  onPath(tool) || ProcessInfo.processInfo.environment["CI"] == "true"
}

func onPath(_ command: String) -> Bool {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(command)") }
}

/// The result of a command run to its end.
struct Finished {
  var status: Int32
  var output: String
  var seconds: Double
}

/// Runs a command as a shell would (no signals blocked or ignored: test threads block
/// them, and ssh in tmux must hear SIGWINCH), output to a file. Its input is /dev/null,
/// or with `openInput` a pipe that stays open and silent. Killed after `timeout`, so a
/// test never hangs.
func run(
  _ arguments: [String], environment extra: [String: String] = [:], openInput: Bool = false, timeout: Double = 60
) throws -> Finished {
  let log = temporaryFolder() + "/output.log"
  var environment = ProcessInfo.processInfo.environment
  environment.merge(extra) { $1 }

  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  sigemptyset(&none)
  posix_spawnattr_setsigmask(&attributes, &none)
  var all = sigset_t()
  sigfillset(&all)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  var input: [Int32] = [-1, -1]
  if openInput {
    try #require(pipe(&input) == 0)
    posix_spawn_file_actions_adddup2(&actions, input[0], 0)
    posix_spawn_file_actions_addclose(&actions, input[1])
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  }
  defer { input.filter { $0 >= 0 }.forEach { close($0) } }
  posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)

  let argv = arguments.map { strdup($0) } + [nil]
  let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { (argv + envp).forEach { free($0) } }
  var pid = pid_t()
  let started = Date()
  let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
  try #require(spawned == 0, "could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
  var status: Int32 = 0
  while true {
    let done = waitpid(pid, &status, WNOHANG)
    if done == pid { break }
    if done == -1 && errno != EINTR { break }
    if Date().timeIntervalSince(started) > timeout {
      kill(-pid, SIGKILL)
      while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
      Issue.record("\(arguments.joined(separator: " ")) did not end within \(Int(timeout)) s")
      break
    }
    usleep(20_000)
  }
  let exited = status & 0x7F == 0
  return Finished(
    status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
    output: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "",
    seconds: Date().timeIntervalSince(started))
}

/// Polls until `condition` holds or `timeout` passes; true when it held.
func eventually(timeout: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
  let deadline = Date(timeIntervalSinceNow: timeout)
  while Date() < deadline {
    if try condition() { return true }
    usleep(50_000)
  }
  return try condition()
}

// MARK: - A room in this process

/// A host serving `change` on a free loopback port, with its log kept for the test.
final class TestRoom {
  static let code = "tomaku-38"
  let directory = temporaryFolder() + "/room"
  let log = Lines()
  let room: Room
  let server: HostServer
  let key: HostKey
  let port: Int

  init(maxPlayers: Int = 10, discuss: Bool = false, pace: Pace = .free, limits: HostLimits = HostLimits()) throws {
    let scenario = try ScenarioLibrary(directory: repository + "/Scenarios").load("change")
    let settings = RoomSettings(scenario: "change", seed: 7, quiz: false, discuss: discuss, code: Self.code, pace: pace)
    let lines = log
    room = Room(
      settings: settings, scenario: scenario, directory: directory, maxPlayers: maxPlayers,
      log: RoomLog { lines.append($0) }, joinCommand: { "ssh \($0)@127.0.0.1" })
    key = try HostKey.loadOrCreate(in: directory)
    server = HostServer(room: room, key: key, limits: limits)
    port = try server.start(bind: "127.0.0.1", port: 0)
  }

  deinit { server.stop() }

  var client: Client { Client(port: port, code: Self.code) }

  func ssh(_ arguments: [String], user: String = "ana") -> [String] { client.ssh(arguments, user: user) }

  func moves(of name: String) -> [String]? { client.moves(of: name, in: directory) }

  func logged(_ text: String) -> Bool { log.all.contains { $0.contains(text) } }

  func join(_ name: String) throws -> Tmux { try client.join(name) }

  /// The OpenSSH client of a participant, for a host in this process or another.
  struct Client {
    var port: Int
    var code: String

    /// The client, told to trust this host and to log in by password only.
    func ssh(_ arguments: [String], user: String = "ana") -> [String] {
      [
        "ssh", "-F", "/dev/null", "-p", String(port), "-o", "StrictHostKeyChecking=no", "-o",
        "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "PubkeyAuthentication=no", "-o",
        "PreferredAuthentications=password", "-o", "ConnectTimeout=30", "-o", "SendEnv=LANG",
      ] + arguments + ["\(user)@127.0.0.1"]
    }

    /// A participant in tmux, logged in, once `text` shows; by default, at the first turn
    /// of a new game, past its briefing.
    func join(_ name: String, waitingFor text: String? = nil) throws -> Tmux {
      let tmux = Tmux()
      try tmux.start(ssh([], user: name))
      try #require(tmux.waitFor("password:"))
      try tmux.type(code)
      try tmux.press("Enter")
      if let text {
        try #require(tmux.waitFor(text), "\(tmux.screen)")
      } else {
        try tmux.passBriefing()
      }
      return tmux
    }

    /// The moves in a participant's save, or nil when there is none.
    func moves(of name: String, in directory: String) -> [String]? {
      guard let save = try? SaveStore(directory: directory).read(name) else { return nil }
      return save.moves
    }
  }
}

/// An `SSH_ASKPASS` program that answers `answer` and counts how often it was asked.
struct AskPass {
  let folder = temporaryFolder()
  var script: String { folder + "/askpass" }
  var countFile: String { folder + "/asked" }

  init(answer: String) throws {
    let text = "#!/bin/sh\necho asked >> '\(folder)/asked'\necho '\(answer)'\n"
    try text.write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
  }

  var environment: [String: String] {
    ["SSH_ASKPASS": script, "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"]
  }

  var timesAsked: Int {
    ((try? String(contentsOfFile: countFile, encoding: .utf8)) ?? "").split(separator: "\n").count
  }
}

/// A tmux server of the test's own, so nothing touches the user's sessions.
final class Tmux {
  let socket = "overlap-host-test-\(getpid())-\(UUID().uuidString.prefix(8))"

  @discardableResult
  func callAsFunction(_ arguments: String...) throws -> Finished {
    try run(["tmux", "-L", socket] + arguments, timeout: 20)
  }

  func start(_ command: [String], width: Int = 100, height: Int = 30) throws {
    let line = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    // The pane stays after ssh ends, so its last words can be read.
    try self("new-session", "-d", "-x", String(width), "-y", String(height), line + "; sleep 60")
  }

  var screen: String { (try? self("capture-pane", "-p").output) ?? "" }

  func waitFor(_ text: String, timeout: Double = 30) -> Bool {
    eventually(timeout: timeout) { screen.contains(text) }
  }

  /// A new game opens on the scenario's briefing; any key begins the first turn.
  func passBriefing() throws {
    try #require(waitFor("Before you start"), "\(screen)")
    try press("Enter")
    try #require(waitFor("Turn 1 of"), "\(screen)")
  }

  func type(_ text: String) throws {
    try self("send-keys", "-l", text)
  }

  func press(_ key: String) throws {
    try self("send-keys", key)
  }

  deinit { _ = try? run(["tmux", "-L", socket, "kill-server"], timeout: 20) }
}

/// The repository, found from this file's path.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

/// The built `overlap` binary, next to the test bundle.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("overlap")
  .path

/// A command left running: its standard input is a pipe the test writes to, its output a
/// file. Killed when the test lets go of it, so nothing outlives the test.
final class Background {
  let pid: pid_t
  let outputPath = temporaryFolder() + "/output.log"
  private let input: Int32
  private var ended = false

  init(_ arguments: [String]) throws {
    var pipe: [Int32] = [0, 0]
    try #require(Foundation.pipe(&pipe) == 0)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipe[0], 0)
    posix_spawn_file_actions_addclose(&actions, pipe[1])
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
    close(pipe[0])
    input = pipe[1]
    try #require(spawned == 0, "could not start \(arguments[0])")
    self.pid = pid
  }

  var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

  func type(_ line: String) {
    _ = (line + "\n").withCString { write(input, $0, strlen($0)) }
  }

  /// Kills it with `signal` and waits for it; returns its wait status.
  @discardableResult
  func kill(_ signal: Int32 = SIGKILL) -> Int32 {
    var status: Int32 = 0
    guard !ended else { return status }
    ended = true
    Foundation.kill(pid, signal)
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    close(input)
    return status
  }

  deinit { kill() }
}
