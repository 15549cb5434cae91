import Foundation
import OverlapEngine
import OverlapTUI

/// One connected player: their game runs on its own thread through the same `GameLoop`
/// as local play, on an `ANSIBackend` that writes to their SSH channel.
///
/// The channel's event loop passes in keys, window sizes and the hangup; the game thread
/// saves every move before the frame that shows its result is drawn.
final class Participant: @unchecked Sendable {
  let name: String
  private let room: Room
  private let backend: ANSIBackend
  private let output: Output
  /// Ends the connection with an exit status, after the terminal was given back.
  private let finish: @Sendable (Int) -> Void
  /// Moves already in the log, and whether its ending is; used only from the game thread.
  private var logged = 0
  private var endingLogged = false
  /// Why the host stopped the game, so the player is told.
  private enum Stop {
    case idle, removed, roomClosed
  }
  private let stopping = NSLock()
  private var stopped: Stop?

  init(
    name: String, room: Room, terminal: ClientTerminal, send: @escaping @Sendable ([UInt8]) -> Bool,
    finish: @escaping @Sendable (Int) -> Void
  ) {
    self.name = name
    self.room = room
    self.finish = finish
    let output = Output(send: send)
    backend = ANSIBackend(size: terminal.size, capabilities: terminal.capabilities, write: output.write)
    output.backend = backend
    self.output = output
  }

  /// Sends what the backend draws; when the client stopped reading and a frame had to be
  /// dropped, the next frame is drawn whole.
  private final class Output: @unchecked Sendable {
    let send: @Sendable ([UInt8]) -> Bool
    weak var backend: ANSIBackend?

    init(send: @escaping @Sendable ([UInt8]) -> Bool) { self.send = send }

    func write(_ bytes: [UInt8]) {
      if !send(bytes) { backend?.invalidate() }
    }
  }

  // MARK: - From the channel

  func receive(_ bytes: [UInt8]) { backend.receive(bytes) }
  func resize(to size: Size) { backend.resize(to: size) }
  func hangUp() { backend.hangUp() }

  /// Draws the screen again, for a change in the room such as a pause or a new round.
  func nudge() { backend.resize(to: backend.size) }

  /// No key came for the idle timeout: the game is saved and the connection ends.
  func timeOut() { stop(.idle) }

  /// The facilitator removed this participant: the game is saved and the connection ends.
  func remove() { stop(.removed) }

  /// The host is closing: stop the game (it is saved) and say so.
  func closeRoom() { stop(.roomClosed) }

  private func stop(_ reason: Stop) {
    stopping.withLock { stopped = stopped ?? reason }
    backend.hangUp()
  }

  // MARK: - The game thread

  func start() {
    let thread = Thread { [self] in run() }
    thread.name = "overlap-host \(name)"
    thread.stackSize = 1 << 20
    thread.start()
  }

  private func run() {
    let opened: OpenedGame
    do {
      opened = try room.open(name)
    } catch {
      backend.close()
      say("overlap host: cannot open your game: \(error)")
      end(status: 1)
      return
    }
    logged = opened.session.game.turns.count
    endingLogged = opened.session.game.isFinished
    room.log.record(.join(name: name, turn: opened.session.shownTurn, resumed: logged > 0))
    var model = AppModel(
      size: backend.size, capabilities: backend.capabilities, catalog: [], saves: [], opened: opened,
      discuss: room.settings.discuss)
    let gate = RoomGate(room: room, capabilities: backend.capabilities)
    let exit = GameLoop.run(&model, on: backend, gate: gate) { command, model in self.perform(command, model) }
    // Every move was saved as it was played; this only retries one whose save failed.
    if let session = model.session { _ = save(session) }
    backend.close()
    switch stopping.withLock({ stopped }) {
    case .idle:
      say("No key for a long while, so the connection ends. Your game is saved. To go on: \(room.joinCommand(name))")
    case .removed:
      say("The facilitator took you out of the room. Your game is saved.")
    case .roomClosed:
      say("The facilitator closed the room. Your game is saved.")
    case nil:
      if exit != .signal(SIGHUP) { say("Your game is saved. To go on later: \(room.joinCommand(name))") }
    }
    room.log.record(.leave(name: name, turn: model.session?.shownTurn ?? 0))
    end(status: exit == .signal(SIGHUP) || exit == .quit(.pressedQuit) ? 0 : 130)
  }

  private func end(status: Int) {
    room.release(name)
    finish(status)
  }

  /// A line on the participant's terminal, after the game has given it back.
  private func say(_ text: String) {
    _ = output.send(Array((TerminalSafe.line(text) + "\r\n").utf8))
  }

  /// Carries out what `update` asks for. Only the participant's own game is reachable:
  /// other saves are neither listed nor loaded, and nothing else can be started.
  private func perform(_ command: Command, _ model: AppModel) -> [Message] {
    switch command {
    case .autosave:
      guard let session = model.session else { return [] }
      if let problem = save(session) { return [.commandFailed("Not saved: \(problem)")] }
      return []
    case .save:
      return [.commandFailed("Your game is saved as you play, as '\(name)'.")]
    case .load, .newGame:
      return [.commandFailed("In this room you play one game, saved as '\(name)'.")]
    case .listSaves:
      return [.listedSaves([])]
    case .listScenarios:
      return [.listedScenarios([])]
    case .suspend, .redraw, .quit:
      return []
    }
  }

  /// Writes the save and logs the moves and ending it adds; returns why it failed.
  private func save(_ session: Session) -> String? {
    do {
      try room.store.write(session, as: name)
    } catch {
      return "\(error)"
    }
    let game = session.game
    while logged < game.turns.count {
      let turn = game.turns[logged]
      logged += 1
      room.log.record(
        .move(
          name: name, turn: logged, choice: game.moves[logged - 1], style: game.scenario.choices[turn.choice].style,
          meters: MeterValues(game.states[logged])))
    }
    if !endingLogged, let ending = game.ending {
      endingLogged = true
      room.log.record(.ending(name: name, ending: ending.id, tone: ending.tone.rawValue))
      room.debriefIfAllEnded()
    }
    return nil
  }
}
