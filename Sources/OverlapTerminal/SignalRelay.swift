#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The write end of the self-pipe; a plain global so the signal handler reads it without locks.
nonisolated(unsafe) private var relayWriteEnd: Int32 = -1

/// Turns SIGTERM, SIGHUP and SIGINT into bytes on a pipe that the input loop polls.
///
/// The handler only writes one byte, which is safe inside a signal; saving and
/// restoring the terminal happen later, in the main loop. Full-screen play, plain play
/// and explore all use it.
public enum SignalRelay {
  static let signals: [Int32] = [SIGTERM, SIGHUP, SIGINT]
  /// The end to poll; -1 when not installed (poll ignores a negative descriptor).
  nonisolated(unsafe) public private(set) static var readEnd: Int32 = -1
  nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]

  public static func install() {
    guard readEnd < 0 else { return }
    acceptTerminalSignals()
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return }
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    readEnd = ends[0]
    relayWriteEnd = ends[1]
    for signal in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in
        let saved = errno
        var byte = UInt8(truncatingIfNeeded: number)
        _ = write(relayWriteEnd, &byte, 1)
        errno = saved
      }
      sigemptyset(&action.sa_mask)
      // No SA_RESTART: a blocked poll or read returns at once so the loop sees the byte.
      action.sa_flags = 0
      var old = sigaction()
      sigaction(signal, &action, &old)
      previous[signal] = old
    }
  }

  /// A program started from a thread that blocks signals (libdispatch's workers do,
  /// and children inherit the mask) or with them ignored would never hear about a
  /// resize, a suspend or a request to quit. Curses only installs its own resize and
  /// suspend handlers where the default action is in place, so put that back first.
  private static func acceptTerminalSignals() {
    var mask = sigset_t()
    sigemptyset(&mask)
    for signal in signals + [SIGWINCH, SIGTSTP, SIGCONT] {
      sigaddset(&mask, signal)
    }
    pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    // Handlers do not survive exec, so what is inherited is either the default or "ignore".
    for signal in [SIGWINCH, SIGTSTP] {
      var standard = sigaction()
      standard.__sigaction_handler.sa_handler = SIG_DFL
      sigaction(signal, &standard, nil)
    }
  }

  /// Puts back the handlers that were there before `install`.
  public static func uninstall() {
    guard readEnd >= 0 else { return }
    for (signal, old) in previous {
      var action = old
      sigaction(signal, &action, nil)
    }
    previous = [:]
    close(readEnd)
    close(relayWriteEnd)
    readEnd = -1
    relayWriteEnd = -1
  }

  /// The first signal that arrived since the last call, if any.
  public static func pending() -> Int32? {
    guard readEnd >= 0 else { return nil }
    var byte: UInt8 = 0
    return read(readEnd, &byte, 1) == 1 ? Int32(byte) : nil
  }
}
