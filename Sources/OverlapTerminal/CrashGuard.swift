import CNcursesw

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Plain globals with trivial initial values: a signal handler can read them safely.
nonisolated(unsafe) private var savedModes: UnsafeMutablePointer<termios>?
nonisolated(unsafe) private var resetBytes: UnsafeMutableBufferPointer<UInt8>?
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?
nonisolated(unsafe) private var cursesActive = false
nonisolated(unsafe) private var atexitRegistered = false

/// Leaves the terminal usable when the process dies without going through `close`:
/// an `exit` elsewhere (atexit runs `endwin`), or a crash such as a Swift runtime trap
/// (the signal handler restores the saved tty modes and writes the terminal's reset
/// sequences, both safe inside a signal, then lets the previous handler run).
enum CrashGuard {
  static let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGBUS, SIGSEGV, SIGSYS]

  /// Saves the tty modes as they are before curses changes them.
  static func saveModes() {
    let modes = savedModes ?? UnsafeMutablePointer<termios>.allocate(capacity: 1)
    if tcgetattr(STDIN_FILENO, modes) == 0 {
      savedModes = modes
    } else {
      modes.deallocate()
      savedModes = nil
    }
  }

  /// Arms the handlers; `reset` is what to write to the terminal on a crash.
  static func arm(reset: [UInt8]) {
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: reset.count)
    _ = buffer.initialize(from: reset)
    resetBytes?.deallocate()
    resetBytes = buffer
    cursesActive = true
    if !atexitRegistered {
      atexitRegistered = true
      atexit {
        if cursesActive {
          cursesActive = false
          endwin()
        }
      }
    }
    if previousActions == nil {
      let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
      actions.initialize(repeating: sigaction(), count: 65)
      previousActions = actions
      for signal in fatalSignals {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in CrashGuard.restoreInsideSignal(number) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, actions + Int(signal))
      }
    }
  }

  /// Curses has been shut down properly; nothing is left to restore.
  static func disarm() {
    cursesActive = false
    guard let actions = previousActions else { return }
    for signal in fatalSignals { sigaction(signal, actions + Int(signal), nil) }
    actions.deallocate()
    previousActions = nil
  }

  /// Only async-signal-safe calls: tcsetattr, write, sigaction, raise.
  private static func restoreInsideSignal(_ number: Int32) {
    if cursesActive {
      cursesActive = false
      if let savedModes { tcsetattr(STDIN_FILENO, TCSANOW, savedModes) }
      if let resetBytes, let base = resetBytes.baseAddress { _ = write(STDOUT_FILENO, base, resetBytes.count) }
    }
    if let actions = previousActions {
      sigaction(number, actions + Int(number), nil)
    } else {
      signal(number, SIG_DFL)
    }
    // Delivered once this handler returns, to the previous handler (such as Swift's backtracer).
    raise(number)
  }
}
