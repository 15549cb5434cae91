import Foundation
import OverlapEngine

/// A file the user named for a command's output (`debrief --output`, `test --junit`).
enum OutputFile {
  /// Writes `text` to `path`: `-` is standard output; a regular file, or a new one, is
  /// replaced atomically; a FIFO, device or socket is written to as it is, so that
  /// `--output /dev/stdout` or a named pipe works. A link or a folder is refused rather
  /// than replaced, since replacing it would destroy what the user pointed at.
  ///
  /// A file holds no colour, so every control byte is made visible (`TerminalSafe`): a
  /// debrief or report read later with `cat` cannot drive the terminal either.
  static func write(_ text: String, to path: String) throws {
    if isStandardOutput(path) {
      Console.current.out(text)
      return
    }
    let text = TerminalSafe.text(text)
    var status = stat()
    let kind = lstat(path, &status) == 0 ? status.st_mode & S_IFMT : S_IFREG
    switch kind {
    case S_IFREG:
      do {
        try AtomicFile.write(Data(text.utf8), to: path)
      } catch {
        throw CLIError("\(path): cannot write: \(error.reason)", .ioError)
      }
    case S_IFLNK:
      throw CLIError("\(path): is a symbolic link; give the path of the file itself", .usage)
    case S_IFDIR:
      throw CLIError("\(path): is a folder; give a file name", .usage)
    default:
      try writeInPlace(text, to: path)
    }
  }

  static func isStandardOutput(_ path: String?) -> Bool { path == "-" }

  private static func writeInPlace(_ text: String, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { throw CLIError("\(path): cannot open: \(String(cString: strerror(errno)))", .ioError) }
    defer { close(descriptor) }
    let failure = AtomicFile.writeAll(Data(text.utf8), to: descriptor)
    if failure != 0 { throw CLIError("\(path): cannot write: \(String(cString: strerror(failure)))", .ioError) }
  }
}
