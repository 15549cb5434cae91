import Foundation

/// A backend with no terminal: it plays a list of events and keeps every frame drawn, so
/// tests run the real loop without tmux (BrogueCE's null platform, with a script).
///
/// When the script runs out it reports a hangup, so a loop under test always ends.
public final class ScriptedBackend: TerminalBackend {
  public private(set) var size: Size
  public let capabilities: Capabilities
  /// Every grid drawn, in order.
  public private(set) var frames: [Grid] = []
  public private(set) var invalidations = 0
  public private(set) var suspensions = 0
  public private(set) var isClosed = false
  private var script: ArraySlice<TerminalEvent>

  public init(size: Size, capabilities: Capabilities, events: [TerminalEvent]) {
    self.size = size
    self.capabilities = capabilities
    script = events[...]
  }

  /// Events not played yet.
  public var unplayed: [TerminalEvent] { Array(script) }

  public func draw(_ grid: Grid) { frames.append(grid) }

  public func nextEvent() -> TerminalEvent {
    guard let event = script.popFirst() else { return .signal(SIGHUP) }
    if case .resized(let size) = event { self.size = size }
    return event
  }

  public func invalidate() { invalidations += 1 }
  public func suspend() { suspensions += 1 }
  public func close() { isClosed = true }
}
