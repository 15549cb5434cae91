import ArgumentParser
import Foundation
import NIOCore
import OverlapEngine
import OverlapHost

struct HostCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "host",
    abstract: "Serve a workshop room over SSH: participants join with ssh and the room code.",
    discussion: """
      Participants run the printed command, ssh -p PORT NAME@HOST, with their team or first \
      name as NAME, and type the room code as the password. Each plays the full-screen game \
      in their own terminal; everyone gets the same seed and workshop options. Every move is \
      saved as a normal save, NAME.json, in the workshop folder before its result shows, and \
      connecting again with the same name resumes the game. `overlap debrief DIR` compares \
      the class.

      The host key is made on the first run and kept in the folder (host_ed25519_key, mode \
      0600); its fingerprint is printed for participants to check. The room's seed, options \
      and code are kept there too (.room.json), so running the command again on the same \
      folder reopens the same room. Only the game is served: commands, sftp, and port and \
      agent forwarding are refused, and an X11 forwarding request ends the connection \
      (participants whose ssh forwards X11 join with ssh -x).

      On a terminal, the facilitator's console shows the room live: each participant's turn, \
      meters with sparklines, leader/manager moves, quiz score and status, the endings so far \
      and the latest events. Its keys: r releases the next round, p pauses every screen with a \
      message (p again resumes), d sends a discussion prompt, x removes the selected \
      participant, w writes the class debrief, q ends the workshop.

      Otherwise standard output gets one line per event: join, move, ending, leave, refused; \
      and lines typed on standard input run the room: status (a line per participant: turn, meters, style \
      share, quiz, status; then the endings so far), release (with --pace rounds, open the \
      next round), pause MESSAGE and resume, prompt TEXT (a discussion prompt on every \
      screen), remove NAME, debrief (class-debrief.html and .md into the folder) and end. \
      Ctrl-C also ends the workshop.
      """)

  @Argument(help: "A scenario id (such as 'change') or a path to a scenario file.")
  var scenario: String

  @Option(help: "The port to listen on (0 picks a free one).")
  var port = 2222

  @Option(help: "The address to listen on; 0.0.0.0 lets the room's network in.")
  var bind = "127.0.0.1"

  @Option(help: "The room code participants type as their password. Default: a new readable one.")
  var code: String?

  @Option(help: ArgumentHelp("The workshop folder. Default: SaveGames/workshop-DATE-SCENARIO.", valueName: "DIR"))
  var dir: String?

  @Option(help: "The seed every participant plays. Default: a new one, kept with the room.")
  var seed: UInt64?

  @Flag(help: "Hide each move's style; participants say whether it was a leader or a manager move.")
  var quiz = false

  @Flag(help: "After each turn, pause on the scene's discussion prompt.")
  var workshop = false

  @Option(help: "free: everyone plays at their own speed. rounds: everyone waits at the same turn until you release the next round.")
  var pace: Pace?

  @Option(help: "How many different participants may join.")
  var maxPlayers = 60

  @Option(help: "Connections allowed at once from one address; raise it when the room shares one address (NAT).")
  var maxPerAddress = 8

  @OptionGroup var options: SharedOptions

  init() {}

  func validate() throws {
    if let code, !RoomCode.isValid(code) {
      throw ValidationError("--code must be 4 to 64 letters, digits or punctuation, without spaces")
    }
    guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    guard maxPlayers >= 1 else { throw ValidationError("--max-players must be at least 1") }
    guard maxPerAddress >= 1 else { throw ValidationError("--max-per-address must be at least 1") }
  }

  func run() throws {
    let scenario = try options.library.load(self.scenario)
    let directory = dir ?? defaultDirectory(scenario: scenario.id)
    let settings = try roomSettings(scenario: scenario.id, directory: directory)
    try settings.store(in: directory)
    let key = try HostKey.loadOrCreate(in: directory)

    let output = NSLock()
    // Log lines and replies come from several threads; each stays one whole line.
    let say: @Sendable (String) -> Void = { line in output.withLock { Console.print(line) } }
    let target = LogTarget(say)
    let log = RoomLog { target.send($0) }
    let shownHost = bind == "0.0.0.0" || bind == "::" ? "HOST" : bind
    let portBox = PortBox()
    let room = Room(
      settings: settings, scenario: scenario, directory: directory, maxPlayers: maxPlayers, log: log,
      joinCommand: { name in "ssh -p \(portBox.port) \(name)@\(shownHost)" })
    var limits = HostLimits()
    limits.connectionsPerAddress = maxPerAddress
    let server = HostServer(room: room, key: key, limits: limits)
    let bound: Int
    do {
      bound = try server.start(bind: bind, port: port)
    } catch {
      server.stop()
      throw CLIError("cannot listen on \(bind) port \(port): \(error)", .ioError)
    }
    portBox.port = bound
    printBanner(scenario: scenario, settings: settings, directory: directory, key: key, port: bound)

    let stopped: Int32
    if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
      let console = FacilitatorConsole(
        title: "Overlap workshop · \(scenario.title)",
        facts: ["code \(settings.code)", "ssh -p \(bound) NAME@\(shownHost)", "\(directory)"],
        environment: ProcessInfo.processInfo.environment)
      target.redirect(console.record)
      stopped = console.run(room)
      target.redirect(say)
    } else {
      stopped = waitForEnd(room: room, say: say)
    }
    say("Closing the room; every game is saved in \(directory).")
    server.stop()
    if stopped != 0 && stopped != SIGINT { throw CLIError("", .interrupted) }
  }

  // MARK: - The room

  private func defaultDirectory(scenario: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    let saves = SaveStore(directory: options.savesDirectory).directory
    return (saves as NSString).appendingPathComponent("workshop-\(formatter.string(from: Date()))-\(scenario)")
  }

  /// A new room, or the one the folder already holds: its seed and quiz mode shaped the
  /// saves there, so options that contradict them are refused rather than mixed in.
  private func roomSettings(scenario: String, directory: String) throws -> RoomSettings {
    guard let stored = try RoomSettings.stored(in: directory) else {
      return RoomSettings(
        scenario: scenario, seed: seed ?? randomSeed(), quiz: quiz, discuss: workshop, code: code ?? RoomCode.make(),
        pace: pace ?? .free)
    }
    func conflict(_ what: String) -> CLIError {
      CLIError("\(directory) holds a room \(what); use another --dir for a new room", .usage)
    }
    if stored.scenario != scenario { throw conflict("of the scenario '\(stored.scenario)'") }
    if let seed, seed != stored.seed { throw conflict("with seed \(stored.seed)") }
    if quiz && !stored.quiz { throw conflict("without --quiz") }
    var settings = stored
    settings.discuss = stored.discuss || workshop
    if let code { settings.code = code }
    if let pace { settings.pace = pace }
    return settings
  }

  private func printBanner(scenario: Scenario, settings: RoomSettings, directory: String, key: HostKey, port: Int) {
    var options = ["seed \(settings.seed)"]
    if settings.quiz { options.append("quiz") }
    if settings.discuss { options.append("discussion pauses") }
    if settings.pace == .rounds { options.append("rounds, round \(settings.round) open") }
    Console.print("Overlap workshop: \(scenario.title) (\(options.joined(separator: ", ")))")
    Console.print("Folder:    \(directory)")
    Console.print("Room code: \(settings.code)")
    if bind == "0.0.0.0" || bind == "::" {
      let addresses = Self.networkAddresses()
      Console.print("Join with: ssh -p \(port) NAME@HOST   (NAME: your team or first name)")
      Console.print("HOST is:   \(addresses.isEmpty ? "this machine's address" : addresses.joined(separator: " or "))")
    } else {
      Console.print("Join with: ssh -p \(port) NAME@\(bind)   (NAME: your team or first name)")
      if bind.hasPrefix("127.") || bind == "::1" {
        Console.print("Only this machine can join; --bind 0.0.0.0 opens the room to the network.")
      }
    }
    Console.print("Host key:  \(key.fingerprint) (ED25519)")
    if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 { return }
    Console.print("Every move is saved as it is played. Type a command and Enter to run the room;")
    Console.print(RoomControl.usage + ". Ctrl-C also ends.")
  }

  /// The machine's IPv4 addresses other than loopback, for the join command.
  private static func networkAddresses() -> [String] {
    let devices = (try? System.enumerateDevices()) ?? []
    let addresses = devices.compactMap { device -> String? in
      guard let address = device.address, case .v4 = address, let ip = address.ipAddress, !ip.hasPrefix("127.") else {
        return nil
      }
      return ip
    }
    return Array(Set(addresses)).sorted()
  }

  /// Runs the commands typed on standard input until `end` (returns 0), or until SIGINT,
  /// SIGTERM or SIGHUP arrives (returns which). The end of input ends nothing: a host
  /// started in the background keeps its room open.
  private func waitForEnd(room: Room, say: @escaping @Sendable (String) -> Void) -> Int32 {
    let ended = PortBox()
    let arrived = DispatchSemaphore(value: 0)
    let sources = [SIGINT, SIGTERM, SIGHUP].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        ended.port = Int(number)
        arrived.signal()
      }
      source.resume()
      return source
    }
    let reader = Thread {
      while let line = readLine() {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
        guard let control = RoomControl(line: line) else {
          say(RoomControl.usage)
          continue
        }
        if control == .end {
          arrived.signal()
          return
        }
        for reply in room.perform(control) { say(reply) }
      }
    }
    reader.start()
    arrived.wait()
    for source in sources { source.cancel() }
    return Int32(ended.port)
  }
}

/// Where the room's log goes: standard output, or the console while it shows.
private final class LogTarget: @unchecked Sendable {
  private let lock = NSLock()
  private var sink: @Sendable (String) -> Void

  init(_ sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

  func redirect(_ sink: @escaping @Sendable (String) -> Void) { lock.withLock { self.sink = sink } }
  func send(_ line: String) { lock.withLock { sink }(line) }
}

/// A number set on one thread and read on others: the bound port, the signal received.
private final class PortBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  var port: Int {
    get { lock.withLock { value } }
    set { lock.withLock { value = newValue } }
  }
}

extension Pace: ExpressibleByArgument {}
