import Foundation
import OverlapEngine

/// Where commands write and read typed lines. Tests swap it to run commands in-process.
///
/// Everything written passes through `TerminalSafe`, so text from a scenario, a save, a
/// name or a file name can never drive the terminal, whichever command prints it.
public struct Console: Sendable {
  private let writeOut: @Sendable (String) -> Void
  private let writeErr: @Sendable (String) -> Void
  /// The next line typed (without its newline), or nil at the end of input.
  ///
  /// - Throws: `Interrupted` when a signal arrives while waiting.
  public var readLine: @Sendable () throws -> String?
  /// Whether commands that must leave tidily (plain play, explore) catch SIGTERM, SIGHUP
  /// and SIGINT. Only the real console does: a test's console leaves the process's signals alone.
  let catchesSignals: Bool

  @TaskLocal public static var current = Console(
    out: { writeAll($0, to: STDOUT_FILENO) }, err: { writeAll($0, to: STDERR_FILENO) },
    readLine: { try StandardInput.shared.readLine() }, catchesSignals: true)

  /// A console writing to `out` and `err` what its `out(_:)` and `err(_:)` are given, made safe.
  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    readLine: @escaping @Sendable () throws -> String? = { Swift.readLine(strippingNewline: true) }
  ) {
    self.init(out: out, err: err, readLine: readLine, catchesSignals: false)
  }

  private init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    readLine: @escaping @Sendable () throws -> String?, catchesSignals: Bool
  ) {
    writeOut = out
    writeErr = err
    self.readLine = readLine
    self.catchesSignals = catchesSignals
  }

  /// Writes all of `text`, going on after a signal. A closed pipe or a hung-up terminal
  /// is no reason to crash (FileHandle traps on a failed write), so the rest is dropped.
  private static func writeAll(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written > 0 {
        bytes = bytes.dropFirst(written)
      } else if written < 0 && errno == EINTR {
        continue
      } else {
        return
      }
    }
  }

  /// Writes to standard output; `colour` keeps the program's own SGR colour codes.
  public func out(_ text: String, colour: Bool = false) { writeOut(TerminalSafe.text(text, colour: colour)) }

  public func err(_ text: String) { writeErr(TerminalSafe.text(text)) }

  static func print(_ text: String = "") { current.out(text + "\n") }
  /// One line, however many lines or controls the message holds.
  static func error(_ text: String) { current.err("overlap: \(TerminalSafe.line(text))\n") }
  static func warn(_ text: String) { current.err("overlap: warning: \(TerminalSafe.line(text))\n") }
}

/// The documented exit codes (sysexits).
public enum ExitStatus: Int32, Sendable {
  case ok = 0
  case failed = 1
  case usage = 64
  case badData = 65
  case noInput = 66
  case ioError = 74
  case interrupted = 130
}

extension ExitStatus {
  /// The one mapping from what went wrong to the documented exit status.
  init(for error: Error) {
    switch error {
    case let error as CLIError: self = error.status
    case SaveProblem.badName: self = .usage
    case SaveProblem.missing, FileProblem.missing: self = .noInput
    case SaveProblem.io, FileProblem.unreadable: self = .ioError
    case is Interrupted: self = .interrupted
    default: self = .badData
    }
  }
}

/// A failure that ends a command with a message and a documented exit code.
struct CLIError: Error, CustomStringConvertible {
  var message: String
  var status: ExitStatus

  init(_ message: String, _ status: ExitStatus) {
    self.message = message
    self.status = status
  }

  var description: String { message }
}
