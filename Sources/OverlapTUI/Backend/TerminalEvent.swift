/// Something the terminal reported: a key, a click, a resize, or a signal to quit on.
public enum TerminalEvent: Equatable, Sendable {
  case key(Key)
  case click(Position)
  /// The mouse wheel: negative is up.
  case wheel(Int)
  case resized(Size)
  /// SIGTERM, SIGHUP or SIGINT arrived (or the terminal went away, reported as SIGHUP).
  case signal(Int32)
}
