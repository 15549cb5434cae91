import Foundation

/// Where commands write and read typed lines. Tests swap it to run commands in-process.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  /// The next line typed (without its newline), or nil at the end of input.
  public var readLine: @Sendable () -> String?

  @TaskLocal public static var current = Console(
    out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
    err: { text in FileHandle.standardError.write(Data(text.utf8)) })

  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    readLine: @escaping @Sendable () -> String? = { Swift.readLine(strippingNewline: true) }
  ) {
    self.out = out
    self.err = err
    self.readLine = readLine
  }

  static func print(_ text: String = "") { current.out(text + "\n") }
  static func error(_ text: String) { current.err("overlap: \(text)\n") }
  static func warn(_ text: String) { current.err("overlap: warning: \(text)\n") }
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
