import Foundation
import OverlapTerminal

/// A signal (SIGTERM, SIGHUP or SIGINT) that stopped a command while it waited or worked.
public struct Interrupted: Error, Equatable, Sendable {
  public var signal: Int32

  public init(signal: Int32) {
    self.signal = signal
  }

  /// The signal's usual name, for messages.
  var name: String {
    switch signal {
    case SIGTERM: "SIGTERM"
    case SIGHUP: "SIGHUP"
    case SIGINT: "SIGINT"
    default: "signal \(signal)"
    }
  }
}

/// Standard input read a line at a time, without stdio's buffer, so that a signal caught
/// by `SignalRelay` ends a wait for the player: `poll` watches both the input and the
/// relay's pipe, and returns as soon as either has something.
final class StandardInput: @unchecked Sendable {
  static let shared = StandardInput()

  /// Guards the buffer; lines are only ever read from one thread, but the type is shared.
  private let lock = NSLock()
  private var buffer: [UInt8] = []
  private var ended = false

  /// The next line without its line ending, or nil at the end of input.
  ///
  /// - Throws: `Interrupted` when a signal arrived while `SignalRelay` is installed.
  func readLine() throws(Interrupted) -> String? {
    lock.lock()
    defer { lock.unlock() }
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        var line = buffer[..<newline]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        defer { buffer.removeFirst(newline + 1) }
        return String(decoding: line, as: UTF8.self)
      }
      if ended {
        defer { buffer = [] }
        return buffer.isEmpty ? nil : String(decoding: buffer, as: UTF8.self)
      }
      if let signal = SignalRelay.pending() { throw Interrupted(signal: signal) }
      fill()
    }
  }

  /// Waits for input or a signal; reads what input there is.
  private func fill() {
    var watched = [
      pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
      pollfd(fd: SignalRelay.readEnd, events: Int16(POLLIN), revents: 0),
    ]
    // Without SA_RESTART a signal ends the wait with EINTR; the caller then sees the relay's byte.
    let ready = poll(&watched, 2, -1)
    if ready < 0 && errno != EINTR { ended = true }
    guard ready > 0, watched[0].revents != 0 else { return }
    var chunk = [UInt8](repeating: 0, count: 4096)
    let count = read(STDIN_FILENO, &chunk, chunk.count)
    if count > 0 {
      buffer += chunk[..<count]
    } else if count == 0 || errno != EINTR {
      ended = true
    }
  }
}

/// Ends the process on SIGTERM, SIGHUP or SIGINT with a one-line message and status 130,
/// for work that has nothing to save (explore): a watching thread waits on the relay, so
/// the work itself needs no checks in its inner loops.
enum StopOnSignal {
  static func install(_ message: String) {
    SignalRelay.install()
    let relay = SignalRelay.readEnd
    Thread.detachNewThread {
      var watched = pollfd(fd: relay, events: Int16(POLLIN), revents: 0)
      while true {
        if let signal = SignalRelay.pending() {
          Console.error("\(message) (\(Interrupted(signal: signal).name))")
          // Not exit(): the workers are still running, and there is nothing to flush.
          _exit(ExitStatus.interrupted.rawValue)
        }
        _ = poll(&watched, 1, -1)
      }
    }
  }
}
