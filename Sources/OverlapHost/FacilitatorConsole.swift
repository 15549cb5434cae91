import Foundation
import OverlapEngine
import OverlapTUI

/// The facilitator's full-screen console on the terminal that ran the host: the room as a
/// live table, the endings, the latest events, and keys for the room's controls.
///
/// It draws with the same `ANSIBackend` as the participants' screens, on standard output
/// with the terminal in raw mode, so the host never touches curses.
public final class FacilitatorConsole: @unchecked Sendable {
  private let title: String
  private let facts: [String]
  private let backend: ANSIBackend
  /// Guards `events`, which the room's threads add to.
  private let lock = NSLock()
  private var events: [String] = []

  // Used only on the console's own thread.
  private var selected = 0
  private var input: (control: InputControl, text: String)?
  private var notice: String?
  private var confirmingEnd = false

  private enum InputControl {
    case pause, prompt
  }

  /// Takes over the terminal of standard output.
  ///
  /// - Parameter environment: the host's own, for TERM, the locale and `NO_COLOR`.
  public init(title: String, facts: [String], environment: [String: String]) {
    self.title = title
    self.facts = facts
    var terminal = ClientTerminal(term: environment["TERM"] ?? "", environment: environment)
    terminal.size = Self.windowSize()
    backend = ANSIBackend(size: terminal.size, capabilities: terminal.capabilities) { bytes in
      _ = AtomicFile.writeAll(Data(bytes), to: STDOUT_FILENO)
    }
  }

  /// Where the room's log goes while the console shows: the latest lines stay on screen.
  public func record(_ line: String) {
    // The console has room for the time of day, not the date.
    let shown = line.firstMatch(of: #/^\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)Z /#).map { $0.1 + " " + line[$0.range.upperBound...] }
    lock.withLock {
      events.append(shown.map(String.init) ?? line)
      if events.count > 200 { events.removeFirst(events.count - 200) }
    }
    // A resize to the same size wakes the loop to draw the change.
    backend.resize(to: backend.size)
  }

  /// Runs until the facilitator ends the workshop (returns 0) or SIGINT, SIGTERM or SIGHUP
  /// arrives (returns which); then gives the terminal back as it was.
  public func run(_ room: Room) -> Int32 {
    var saved = termios()
    let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
    if isTerminal {
      var raw = saved
      cfmakeraw(&raw)
      // Output keeps its newline handling for anything printed by others meanwhile.
      raw.c_oflag |= tcflag_t(OPOST | ONLCR)
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
    }
    let received = SignalBox()
    let sources = watchSignals(received)
    let reader = Thread { [backend] in
      var buffer = [UInt8](repeating: 0, count: 1024)
      while true {
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        if count > 0 {
          backend.receive(buffer[..<count])
        } else if count == 0 || errno != EINTR {
          return
        }
      }
    }
    reader.start()

    var result: Int32 = 0
    loop: while true {
      backend.draw(screen(room).render(size: backend.size, capabilities: backend.capabilities))
      switch backend.nextEvent() {
      case .key(let key):
        if pressed(key, room) { break loop }
      case .resized:
        continue
      case .signal:
        result = received.number
        break loop
      case .click, .wheel:
        continue
      }
    }
    for source in sources { source.cancel() }
    backend.close()
    if isTerminal { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
    return result
  }

  // MARK: - Keys

  /// Handles a key; true when the workshop should end.
  private func pressed(_ key: Key, _ room: Room) -> Bool {
    if confirmingEnd {
      confirmingEnd = false
      notice = nil
      return key == .character("y") || key == .character("Y")
    }
    if let (control, text) = input {
      typed(key, control: control, text: text, room)
      return false
    }
    notice = nil
    let count = room.table().rows.count
    switch key {
    case .up, .character("k"): selected = max(0, selected - 1)
    case .down, .character("j"): selected = max(0, min(count - 1, selected + 1))
    case .character("r"): notice = room.perform(.release).joined(separator: " ")
    case .character("p"):
      if room.pauseNow != nil {
        notice = room.perform(.resume).joined(separator: " ")
      } else {
        input = (.pause, "")
      }
    case .character("d"): input = (.prompt, "")
    case .character("x"):
      let rows = room.table().rows
      if rows.indices.contains(selected) { notice = room.perform(.remove(rows[selected].name)).joined(separator: " ") }
    case .character("w"): notice = room.perform(.debrief).joined(separator: " ")
    case .control("l"): backend.invalidate()
    case .character("q"), .control("c"):
      confirmingEnd = true
      notice = "End the workshop? Every game is saved. y ends it; any other key goes on."
    default: break
    }
    return false
  }

  private func typed(_ key: Key, control: InputControl, text: String, _ room: Room) {
    switch key {
    case .escape, .control("c"):
      input = nil
    case .enter:
      input = nil
      guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
      let replies = room.perform(control == .pause ? .pause(text) : .prompt(text))
      notice = replies.joined(separator: " ") + (control == .pause ? " Press p to resume." : "")
    case .backspace, .delete:
      input = (control, String(text.dropLast()))
    case .control("u"):
      input = (control, "")
    case .character(let character) where text.count < 500:
      input = (control, text + String(character))
    default:
      break
    }
  }

  // MARK: - Drawing

  private func screen(_ room: Room) -> RoomConsole {
    let (rows, endings) = room.table()
    selected = max(0, min(selected, rows.count - 1))
    let settings = room.settings
    var facts = facts
    if settings.pace == .rounds { facts.insert("round \(settings.round)", at: 0) }
    if room.pauseNow != nil { facts.insert("PAUSED", at: 0) }
    let label = input.map { $0.control == .pause ? "Pause message (Enter shows it, Esc cancels)" : "Discussion prompt" }
    return RoomConsole(
      title: title, facts: facts, rows: rows, endings: endings, events: lock.withLock { events }, selected: selected,
      input: input.map { RoomConsole.Input(label: label ?? "", text: $0.text) }, notice: notice)
  }

  private static func windowSize() -> Size {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
      return Size(width: 80, height: 24)
    }
    return ClientTerminal.clampedSize(width: Int(size.ws_col), height: Int(size.ws_row))
  }

  /// Window changes resize the console; SIGINT, SIGTERM and SIGHUP end it.
  private func watchSignals(_ received: SignalBox) -> [DispatchSourceSignal] {
    let backend = backend
    return [SIGWINCH, SIGINT, SIGTERM, SIGHUP].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        if number == SIGWINCH {
          backend.resize(to: Self.windowSize())
        } else {
          received.number = number
          backend.hangUp()
        }
      }
      source.resume()
      return source
    }
  }
}

/// The signal that ended the console, set on a dispatch queue and read by the console.
private final class SignalBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Int32 = 0
  var number: Int32 {
    get { lock.withLock { value } }
    set { lock.withLock { value = newValue } }
  }
}
