import Foundation

/// The one way Overlap reads a file it was handed: scenarios, saves and move lists.
///
/// Only a regular file is read, and only up to a limit, so a FIFO, a device such as
/// `/dev/zero` or a huge file named as a scenario or save cannot hang the program or
/// exhaust its memory.
public enum RegularFile {
  /// Far more than any scenario or save; a bigger file is refused, not read.
  public static let sizeLimit = 16 * 1024 * 1024

  public enum Problem: Error, Equatable, Sendable {
    case missing
    case folder
    case notRegular
    case tooLarge
    case unreadable(String)

    /// Why, in words for a message that names the file.
    public var reason: String {
      switch self {
      case .missing: "no such file"
      case .folder: "it is a folder"
      case .notRegular: "it is not a regular file (a pipe or a device?)"
      case .tooLarge: "it is larger than \(RegularFile.sizeLimit / 1024 / 1024) MB, too large to be an Overlap file"
      case .unreadable(let why): why
      }
    }
  }

  /// The whole file, following links, when it is a regular file within `limit` bytes.
  public static func read(_ path: String, limit: Int = sizeLimit) throws(Problem) -> Data {
    try read(path, flags: 0, limit: limit).data
  }

  /// The permission bits of `path` when it is a regular file itself, not a link to one.
  static func mode(of path: String) -> mode_t? {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    return status.st_mode & 0o7777
  }

  /// The file and its permission bits, without following a link: the `.bak` copy of a
  /// save must neither copy a file a link points at nor widen who can read it.
  static func readWithoutFollowing(_ path: String) -> (data: Data, mode: mode_t)? {
    try? read(path, flags: O_NOFOLLOW, limit: sizeLimit)
  }

  private static func read(_ path: String, flags: Int32, limit: Int) throws(Problem) -> (data: Data, mode: mode_t) {
    // O_NONBLOCK so that opening a FIFO with no writer returns at once instead of waiting.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | flags)
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: throw .missing
      case EISDIR: throw .folder
      default: throw .unreadable(String(cString: strerror(errno)))
      }
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .folder
    default: throw .notRegular
    }
    guard Int(status.st_size) <= limit else { throw .tooLarge }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(String(cString: strerror(errno)))
      }
      if count == 0 { return (data, status.st_mode & 0o7777) }
      data.append(contentsOf: buffer[0..<count])
      // The file may grow while it is read.
      guard data.count <= limit else { throw .tooLarge }
    }
  }
}
