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
  public var readLine: @Sendable () -> String?

  @TaskLocal public static var current = Console(
    out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
    err: { text in FileHandle.standardError.write(Data(text.utf8)) })

  /// A console writing to `out` and `err` what its `out(_:)` and `err(_:)` are given, made safe.
  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    readLine: @escaping @Sendable () -> String? = { Swift.readLine(strippingNewline: true) }
  ) {
    writeOut = out
    writeErr = err
    self.readLine = readLine
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
