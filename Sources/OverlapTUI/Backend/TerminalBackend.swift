/// A terminal the game loop runs on: events in, frames out.
///
/// `CursesTerminal` drives the process's own terminal, `ANSIBackend` any byte stream (such
/// as an SSH channel), and `ScriptedBackend` plays a list of events for tests. The loop,
/// `GameLoop`, is the same on all three.
public protocol TerminalBackend: AnyObject {
  /// The size the first frame is drawn at; later sizes arrive as `.resized` events.
  var size: Size { get }
  var capabilities: Capabilities { get }
  /// Shows a frame; only what changed since the last one needs to reach the terminal.
  func draw(_ grid: Grid)
  /// Waits for the next event.
  func nextEvent() -> TerminalEvent
  /// Repaints everything on the next draw (Ctrl-L, or after the terminal was away).
  func invalidate()
  /// Ctrl-Z: hands the terminal back until resumed, where the terminal allows it.
  func suspend()
  /// Puts the terminal back as it was. Safe to call more than once.
  func close()
}
