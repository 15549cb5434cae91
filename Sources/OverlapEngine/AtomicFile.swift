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

  /// Writes `data` to a new temporary file beside `path`, flushes it to disk, renames it
  /// over `path`, then flushes the folder so the rename itself survives a power cut.
  ///
  /// The temporary file has an unpredictable name and is created exclusively without
  /// following links, so a link planted in the folder cannot redirect the write. It gets
  /// `mode` if given, else the permissions of the regular file it replaces, else 0644
  /// less the umask.
  public static func write(_ data: Data, to path: String, mode: mode_t? = nil) throws(Failure) {
    let folder = (path as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    let name = (path as NSString).lastPathComponent
    removeStaleTemporaries(of: name, in: directory)
    let (descriptor, temporary) = try createTemporary(for: name, in: directory)
    var failure: Int32 = 0
    if let mode = mode ?? RegularFile.mode(of: path), fchmod(descriptor, mode) != 0 { failure = errno }
    if failure == 0 { failure = writeAll(data, to: descriptor) }
    if failure == 0 && fsync(descriptor) != 0 { failure = errno }
    close(descriptor)
    if failure == 0 && rename(temporary, path) != 0 { failure = errno }
    guard failure == 0 else {
      unlink(temporary)
      throw Failure(code: failure)
    }
    let folderDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
    if folderDescriptor >= 0 {
      fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Writes every byte, retrying short writes and interruptions; 0 or the `errno`.
  public static func writeAll(_ data: Data, to descriptor: Int32) -> Int32 {
    data.withUnsafeBytes { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return 0 }
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return 0
    }
  }

  // MARK: - Temporary files

  /// `.NAME.PID.RANDOM.tmp`: hidden from listings, and the PID tells whether its writer lives.
  static func createTemporary(for name: String, in directory: String) throws(Failure) -> (Int32, String) {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<8 {
      let random = String(generator.next() as UInt64, radix: 36)
      let candidate = "\(directory)/.\(name).\(getpid()).\(random).tmp"
      let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      if descriptor >= 0 { return (descriptor, candidate) }
      if errno != EEXIST { throw Failure(code: errno) }
    }
    throw Failure(code: EEXIST)
  }

  /// Deletes temporaries of `name` left by a process that was killed mid-write. Those
  /// of a process still running are another writer's and are left alone.
  static func removeStaleTemporaries(of name: String, in directory: String) {
    let prefix = ".\(name)."
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
      guard let pid = entry.dropFirst(prefix.count).split(separator: ".").first.flatMap({ pid_t($0) }), pid > 0 else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH {
        unlink("\(directory)/\(entry)")
      }
    }
  }
}
