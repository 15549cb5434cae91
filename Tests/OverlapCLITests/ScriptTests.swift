import Foundation
import Testing

/// The checks that live in scripts, run here so that `swift test` is the one command
/// that runs every test.
@Suite(.serialized) struct ScriptTests {
  /// Runs `scripts/NAME` with the built binary and returns its exit status and output.
  ///
  /// Started like a shell starts a command: no signals blocked and none ignored. Test
  /// threads block signals, and a child inherits that, so under `Process` the game in
  /// tmux would never hear a resize or SIGTERM.
  func run(_ name: String) throws -> (status: Int32, output: String) {
    let script = Paths.repository + "/scripts/" + name
    let log = Paths.temporaryFolder() + "/\(name).log"
    var environment = ProcessInfo.processInfo.environment
    environment["OVERLAP_BIN"] = Paths.binary

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    // Output to a file: a pipe would stay open as long as any tmux server holds it.
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)

    let argv = [strdup(script)] + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, script, &actions, &attributes, argv, envp)
    try #require(spawned == 0, "could not start \(script): \(String(cString: strerror(spawned)))")
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exited = status & 0x7F == 0
    return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
  }

  // MARK: - What the scripts need

  /// Whether a test that needs a tool runs: always when the tool is there; and under
  /// `CI=true` even when it is not, so that a CI machine missing it fails instead of
  /// skipping. Elsewhere `swift test` passes without it and says what was skipped.
  static func runs(having tool: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    tool || environment["CI"] == "true"
  }

  /// Whether a command is on the PATH.
  static func onPath(_ command: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(command)") }
  }

  /// Whether python3 can import `jsonschema` and `yaml`, which `scripts/check-schema` needs.
  static var hasSchemaModules: Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import jsonschema, yaml"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  @Test func aMissingToolSkipsOnlyOutsideCI() {
    #expect(Self.runs(having: true, environment: [:]))
    #expect(!Self.runs(having: false, environment: [:]))
    #expect(!Self.runs(having: false, environment: ["CI": "false"]))
    #expect(Self.runs(having: false, environment: ["CI": "true"]))
    #expect(Self.onPath("sh"))
    #expect(!Self.onPath("overlap-no-such-tool"))
  }

  // MARK: - The scripts

  /// The real binary in tmux: plays, resizes, quits every way, and checks the terminal
  /// is left clean and progress is saved (issue: full-screen terminal play).
  @Test(.enabled(if: runs(having: onPath("tmux")), "tmux is not installed; scripts/tui-e2e needs it (CI=true makes this a failure)"))
  func fullScreenGameEndToEnd() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Paths.binary), "build the overlap binary first")
    let result = try run("tui-e2e")
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains(" 0 failed"))
  }

  /// The JSON Schema that editors use accepts every scenario and rejects broken ones.
  @Test(
    .enabled(
      if: runs(having: hasSchemaModules),
      "python3 with jsonschema and yaml is not installed; scripts/check-schema needs it (CI=true makes this a failure)"))
  func schemaFitsTheScenarios() throws {
    let result = try run("check-schema")
    #expect(result.status == 0, "\(result.output)")
  }
}
