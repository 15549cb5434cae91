import Foundation

/// Writes files so that a reader, or a crash at any moment, sees either the old file or
/// the new one, never a mix or an empty file.
public enum AtomicFile {
  /// A write that failed; the target is as it was.
  public struct Failure: Error, Sendable {
    /// The `errno` of the step that failed.
    public var code: Int32
    public var reason: String { String(cString: strerror(code)) }
  }

  /// Writes `data` to a temporary file beside `path`, flushes it to disk, renames it over
  /// `path`, then flushes the folder so the rename itself survives a power cut.
  public static func write(_ data: Data, to path: String) throws(Failure) {
    let folder = (path as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    let temporary = directory + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw Failure(code: errno) }
    var failure: Int32 = 0
    data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    if failure == 0 && fsync(descriptor) != 0 { failure = errno }
    close(descriptor)
    if failure == 0 && rename(temporary, path) != 0 { failure = errno }
    guard failure == 0 else {
      unlink(temporary)
      throw Failure(code: failure)
    }
    let folderDescriptor = open(directory, O_RDONLY)
    if folderDescriptor >= 0 {
      fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }
}
