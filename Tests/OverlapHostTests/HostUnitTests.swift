import Foundation
import Synchronization
import OverlapEngine
import OverlapTUI
import Testing

@testable import OverlapHost

@Suite struct ClientTerminalTests {
  @Test func aUTF8LocaleOrNoneDrawsUnicode() {
    #expect(ClientTerminal(term: "xterm-256color", environment: ["LANG": "en_US.UTF-8"]).capabilities.unicode)
    #expect(ClientTerminal(term: "xterm-256color", environment: ["LC_ALL": "de_DE.utf8"]).capabilities.unicode)
    // Windows' ssh sends no locale; its terminals are UTF-8.
    #expect(ClientTerminal(term: "xterm-256color", environment: [:]).capabilities.unicode)
  }

  @Test func aNonUTF8LocaleFallsBackToASCII() {
    #expect(!ClientTerminal(term: "xterm", environment: ["LANG": "C"]).capabilities.unicode)
    // LC_ALL wins over LANG, as in POSIX.
    #expect(!ClientTerminal(term: "xterm", environment: ["LANG": "en_US.UTF-8", "LC_ALL": "POSIX"]).capabilities.unicode)
  }

  @Test func colourFollowsTERMAndNO_COLOR() {
    #expect(ClientTerminal(term: "xterm-256color").capabilities.color)
    #expect(ClientTerminal(term: "linux").capabilities.color)
    #expect(!ClientTerminal(term: "vt100").capabilities.color)
    #expect(!ClientTerminal(term: "xterm-256color", environment: ["NO_COLOR": "1"]).capabilities.color)
    #expect(ClientTerminal(term: "screen-256color").capabilities.mouse)
    #expect(!ClientTerminal(term: "vt100").capabilities.mouse)
    #expect(!ClientTerminal(term: "dumb").canPlay)
    #expect(!ClientTerminal(term: "").canPlay)
  }

  @Test func aClaimedWindowSizeIsKeptWithinBounds() {
    #expect(ClientTerminal.clampedSize(width: 0, height: 0) == .init(width: 1, height: 1))
    #expect(ClientTerminal.clampedSize(width: 4_000_000, height: 4_000_000) == .init(width: 500, height: 200))
    #expect(ClientTerminal.clampedSize(width: 120, height: 40) == .init(width: 120, height: 40))
  }
}

@Suite struct RoomCodeTests {
  @Test func madeCodesAreShortReadableAndDiffer() {
    let codes = (0..<50).map { _ in RoomCode.make() }
    for code in codes {
      #expect(code.wholeMatch(of: /[bdfgkmnprstvz][aeiou][bdfgkmnprstvz][aeiou][bdfgkmnprstvz][aeiou]-[1-9][0-9]/) != nil)
      #expect(RoomCode.isValid(code))
    }
    #expect(Set(codes).count > 40)
  }

  @Test func onlyTheExactCodeMatches() {
    #expect(RoomCode.matches("tomaku-38", "tomaku-38"))
    #expect(!RoomCode.matches("tomaku-39", "tomaku-38"))
    #expect(!RoomCode.matches("tomaku-3", "tomaku-38"))
    #expect(!RoomCode.matches("", "tomaku-38"))
    #expect(!RoomCode.isValid("two words"))
    #expect(!RoomCode.isValid("abc"))
  }
}

@Suite struct HostKeyTests {
  @Test func theKeyIsMadeOnceWithMode0600AndReused() throws {
    let folder = temporaryFolder()
    let first = try HostKey.loadOrCreate(in: folder)
    let path = folder + "/" + HostKey.fileName
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let second = try HostKey.loadOrCreate(in: folder)
    #expect(first.fingerprint == second.fingerprint)
    #expect(first.fingerprint.hasPrefix("SHA256:"))
    #expect(first.fingerprint.count == 7 + 43)
  }

  @Test func aKeyOthersCanReadIsRefused() throws {
    let folder = temporaryFolder()
    _ = try HostKey.loadOrCreate(in: folder)
    chmod(folder + "/" + HostKey.fileName, 0o644)
    #expect(throws: HostError.self) { try HostKey.loadOrCreate(in: folder) }
  }
}

@Suite struct RoomLogTests {
  @Test func eachEventIsOneSafeLine() {
    let lines = Lines()
    let log = RoomLog { lines.append($0) }
    log.record(.join(name: "ana", turn: 1, resumed: false), at: Date(timeIntervalSince1970: 0))
    log.record(.refused(address: "10.0.0.1", reason: "evil\u{1B}[2J\nname"), at: Date(timeIntervalSince1970: 0))
    #expect(lines.all == ["1970-01-01T00:00:00Z join ana turn 1", "1970-01-01T00:00:00Z refused 10.0.0.1 evil^[[2J\\nname"])
  }
}

/// Lines collected from any thread.
final class Lines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  func append(_ line: String) { lock.withLock { lines.append(line) } }
  var all: [String] { lock.withLock { lines } }
}

func temporaryFolder() -> String {
  let path = NSTemporaryDirectory() + "overlap-host-tests-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Connection limits, checked with plain TCP sockets.
@Suite struct ConnectionLimitTests {
  /// Opens a TCP connection to the room and reads until the server speaks or hangs up.
  static func connect(port: Int) -> (socket: Int32, greeting: String) {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    var timeout = timeval(tv_sec: 20, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = read(socket, &buffer, buffer.count)
    return (socket, count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : "")
  }

  @Test func oneAddressGetsOnlySoManyConnections() throws {
    var limits = HostLimits()
    limits.connectionsPerAddress = 3
    let room = try TestRoom(limits: limits)
    let admitted = (0..<3).map { _ in Self.connect(port: room.port) }
    #expect(admitted.allSatisfy { $0.greeting.hasPrefix("SSH-2.0-") })
    let refused = Self.connect(port: room.port)
    #expect(refused.greeting == "")
    #expect(room.logged("refused 127.0.0.1 too many connections"))
    for connection in admitted + [refused] { close(connection.socket) }
    // Closed connections count no more.
    #expect(eventually { Self.connect(port: room.port).greeting.hasPrefix("SSH-2.0-") })
  }

  @Test func aConnectionThatDoesNotLogInIsClosed() throws {
    var limits = HostLimits()
    limits.loginDeadline = .milliseconds(300)
    let room = try TestRoom(limits: limits)
    let connection = Self.connect(port: room.port)
    defer { close(connection.socket) }
    #expect(connection.greeting.hasPrefix("SSH-2.0-"))
    var buffer = [UInt8](repeating: 0, count: 256)
    // The server's key exchange offer may come first; then the end of the stream.
    var total = 0
    while true {
      let count = read(connection.socket, &buffer, buffer.count)
      if count <= 0 {
        #expect(count == 0, "the connection should be closed, not time out")
        break
      }
      total += count
      if total > 1 << 16 { break }
    }
  }
}

@Suite struct RoomConsoleViewTests {
  static let console = RoomConsole(
    title: "Overlap workshop · One Desk", facts: ["round 2", "code tomaku-38"],
    rows: [
      RoomConsoleRow(
        name: "ana", turn: 3, meters: [[58, 65, 58], [47, 46, 50], [45, 45, 49]], leader: 1, manager: 1, quiz: "1/2",
        status: "waiting for the round"),
      RoomConsoleRow(
        name: "team-2", turn: 11, meters: [[58, 70], [47, 20], [45, 60]], leader: 6, manager: 4, quiz: nil,
        status: "ended: One desk"),
    ],
    endings: [RoomConsole.Ending(title: "One desk", count: 1)], events: ["10:41:03Z join ana turn 1"], selected: 1,
    input: nil, notice: nil)

  @Test func theTableShowsEachParticipantAndTheEndings() {
    let lines = Self.console.render(size: Size(width: 100, height: 16), capabilities: .init(unicode: true, color: true, mouse: false)).lines
    #expect(lines[0].contains("Overlap workshop · One Desk") && lines[0].contains("round 2"))
    #expect(lines[1].hasPrefix(" Name             Turn  Morale      Efficiency  Stability   Style L/M  Quiz   Status"))
    #expect(lines[2].hasPrefix(" ana              3      58 ▅▆▅      50 ▄▄▄      49 ▄▄▄     1/1        1/2    waiting"))
    #expect(lines[2].contains("1/1") && lines[2].contains("1/2") && lines[2].contains("waiting for the round"))
    #expect(lines[3].contains("team-2") && lines[3].contains("ended: One desk"))
    #expect(lines.contains { $0.hasPrefix(" Endings: One desk 1") })
    #expect(lines.contains { $0.contains("join ana turn 1") })
    #expect(lines[15].contains("r release round"))
  }

  @Test func typingShowsItsLabelAndCursor() {
    var console = Self.console
    console.input = RoomConsole.Input(label: "Pause message", text: "Back at ten")
    let grid = console.render(size: Size(width: 80, height: 16), capabilities: .init(unicode: false, color: false, mouse: false))
    #expect(grid.lines[15].hasPrefix(" Pause message: Back at ten"))
    #expect(grid.cursor == Position(row: 15, column: 27))
  }
}

/// The class debrief is ready when the last ending lands, without anyone asking for it.
@Suite struct RoomDebriefTests {
  @Test func theLastEndingWritesTheClassDebrief() throws {
    let folder = NSTemporaryDirectory() + "overlap-room-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let scenario = try ScenarioLibrary(directory: repository + "/Scenarios").load("change")
    let lines = Mutex<[String]>([])
    let room = Room(
      settings: RoomSettings(scenario: "change", seed: 7, quiz: false, discuss: false, code: "x"), scenario: scenario,
      directory: folder, maxPlayers: 10, log: RoomLog { line in lines.withLock { $0.append(line) } },
      joinCommand: { "ssh \($0)" })
    let store = SaveStore(directory: folder)
    func game(_ moves: Int) -> Session {
      var session = Session(game: Playthrough(engine: Engine(scenario: scenario), seed: 7))
      while session.game.turns.count < moves, let choice = session.game.legalChoices.first {
        session.play(choice: choice)
      }
      return session
    }
    try store.write(game(100), as: "ana")
    try store.write(game(2), as: "bo")
    room.debriefIfAllEnded()
    #expect(!FileManager.default.fileExists(atPath: folder + "/class-debrief.html"))
    try store.write(game(100), as: "bo")
    room.debriefIfAllEnded()
    #expect(FileManager.default.fileExists(atPath: folder + "/class-debrief.html"))
    #expect(FileManager.default.fileExists(atPath: folder + "/class-debrief.md"))
    #expect(lines.withLock { $0 }.contains { $0.hasSuffix("class-debrief.html \(folder)/class-debrief.md") })
  }
}
