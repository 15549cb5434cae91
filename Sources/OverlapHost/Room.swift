import Foundation
import OverlapEngine
import OverlapTUI

/// One workshop room: its settings, the saves folder where every participant's game is a
/// normal save named after them, and who is connected now. Safe to use from any thread.
public final class Room: @unchecked Sendable {
  /// Scenario, seed and options; the pace and round change as the facilitator runs the room.
  public var settings: RoomSettings { lock.withLock { current } }
  let engine: Engine
  let store: SaveStore
  let log: RoomLog
  public let maxPlayers: Int
  /// How a participant joins, e.g. `ssh -p 2222 NAME@192.168.1.20`, with NAME to fill in.
  let joinCommand: @Sendable (String) -> String

  let lock = NSLock()
  var current: RoomSettings
  /// The facilitator's pause message while every screen is paused.
  var pause: String?
  /// The latest discussion prompt; its number tells each screen whether it is new.
  var prompt: (number: Int, text: String)?
  /// Names taken by a connection, and the participant once their game has started.
  private var connected: [String: Participant?] = [:]
  private var connectionsByAddress: [String: Int] = [:]

  public init(
    settings: RoomSettings, scenario: Scenario, directory: String, maxPlayers: Int, log: RoomLog,
    joinCommand: @escaping @Sendable (String) -> String
  ) {
    current = settings
    engine = Engine(scenario: scenario)
    store = SaveStore(directory: directory)
    self.maxPlayers = maxPlayers
    self.log = log
    self.joinCommand = joinCommand
  }

  public var directory: String { store.directory }

  /// Names of everyone connected now, sorted.
  public var connectedNames: [String] { lock.withLock { connected.keys.sorted() } }

  // MARK: - Joining

  /// Why a participant cannot join; the text is shown on their terminal.
  enum Refusal: Error, Equatable {
    case badName(String)
    case taken(String)
    case full(Int)
    case noTerminal

    var message: String {
      switch self {
      case .badName(let name):
        "'\(TerminalSafe.line(name, limit: 64))' cannot be a name here: use letters, digits, '-', '_' and '.' "
          + "(up to 64, not starting with '.'), for example: ssh -p PORT ana@HOST"
      case .taken(let name):
        "'\(name)' is already playing in this room. Pick another name, or close the other window first."
      case .full(let count):
        "This room is full (\(count) players). Ask the facilitator."
      case .noTerminal:
        "This room needs a terminal: connect with ssh -t, from a terminal window."
      }
    }
  }

  /// Reserves `name` for one connection: valid, not connected already, and either
  /// returning or within `maxPlayers`.
  func claim(_ name: String) -> Refusal? {
    guard SaveStore.isValidName(name) else { return .badName(name) }
    return lock.withLock {
      if connected[name] != nil { return .taken(name) }
      let players = Set((try? store.names()) ?? []).union(connected.keys)
      if !players.contains(name) && players.count >= maxPlayers { return .full(maxPlayers) }
      connected[name] = .some(nil)
      return nil
    }
  }

  /// The game of a claimed name has started.
  func seat(_ participant: Participant) {
    lock.withLock { connected[participant.name] = participant }
  }

  func release(_ name: String) {
    lock.withLock { connected[name] = nil }
  }

  /// Everyone playing, for closing the room.
  var participants: [Participant] { lock.withLock { connected.values.compactMap { $0 } } }

  /// The participant's game: their save replayed, or a new game on the room's seed, which
  /// is saved at once so the room (and a restarted host) knows them.
  func open(_ name: String) throws -> OpenedGame {
    let path = try store.slotPath(name)
    if FileManager.default.fileExists(atPath: path) {
      let save = try store.read(name)
      guard save.scenario == engine.scenario.id else {
        throw HostError("\(path): this save is of the scenario '\(save.scenario)', not of this room's")
      }
      let session = try Session(save, engine: engine)
      return OpenedGame(
        session: session, autosaveSlot: name,
        notice: "Welcome back, \(name): you are on turn \(session.shownTurn). Press ? for help.")
    }
    let settings = settings
    let session = Session(game: Playthrough(engine: engine, seed: settings.seed), quiz: settings.quiz)
    try store.write(session, as: name)
    var notice = "Welcome, \(name). Your game is saved as you play."
    if settings.quiz { notice += " Quiz: the styles are hidden." }
    return OpenedGame(session: session, autosaveSlot: name, notice: notice + " Press ? for help.")
  }

  // MARK: - Connections per address

  /// Counts a new connection from `address`; false when it already has `limit` open.
  func admit(_ address: String, limit: Int) -> Bool {
    lock.withLock {
      let count = connectionsByAddress[address, default: 0]
      guard count < limit else { return false }
      connectionsByAddress[address] = count + 1
      return true
    }
  }

  func closed(_ address: String) {
    lock.withLock {
      let count = connectionsByAddress[address, default: 1] - 1
      connectionsByAddress[address] = count > 0 ? count : nil
    }
  }
}
