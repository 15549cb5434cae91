import Foundation

/// A terminal at the other end of a byte stream, such as an SSH channel: frames go out as
/// ANSI escape sequences (only the cells that changed), and key bytes come back in.
///
/// The owner passes in what arrives, from any thread: `receive` for input bytes, `resize`
/// when the client reports a new window size (SSH sends that out of band), and `hangUp`
/// when the stream closes. The game loop's thread waits in `nextEvent`.
public final class ANSIBackend: TerminalBackend, @unchecked Sendable {
  public let capabilities: Capabilities
  private let write: ([UInt8]) -> Void
  /// Used only from the loop's thread.
  private var encoder: ANSIFrameEncoder
  private var isOpen = true

  /// Guards everything below, which the owner's thread changes.
  private let condition = NSCondition()
  private var currentSize: Size
  private var decoder = ANSIKeyDecoder()
  private var events: [TerminalEvent] = []
  private var hungUp = false

  /// How long a lone Esc waits for the rest of a sequence before it counts as the Esc key.
  static let escapeDelay: TimeInterval = 0.025

  /// Events waiting for the loop beyond this are dropped: a client that pastes megabytes
  /// costs the host no memory, and nobody means that many keys ahead.
  static let maximumPendingEvents = 256

  /// Takes the terminal over at once (alternate screen, cursor hidden).
  ///
  /// - Parameters:
  ///   - capabilities: what the client's terminal can show, from its TERM, locale and
  ///     `NO_COLOR`; the backend draws colour and Unicode only where these allow.
  ///   - write: sends bytes to the terminal.
  public init(size: Size, capabilities: Capabilities, write: @escaping ([UInt8]) -> Void) {
    self.capabilities = capabilities
    self.write = write
    currentSize = size
    encoder = ANSIFrameEncoder(capabilities: capabilities)
    write(encoder.opening)
  }

  deinit { close() }

  public var size: Size { condition.withLock { currentSize } }

  // MARK: - Input, from the owner

  /// Bytes the terminal sent.
  public func receive(_ bytes: some Sequence<UInt8>) {
    condition.withLock {
      events += decoder.decode(bytes).prefix(max(0, Self.maximumPendingEvents - events.count))
      condition.signal()
    }
  }

  /// The terminal's window changed size.
  public func resize(to size: Size) {
    condition.withLock {
      currentSize = size
      // Only the newest of several sizes in a row matters.
      if case .resized = events.last { events.removeLast() }
      if events.count < Self.maximumPendingEvents { events.append(.resized(size)) }
      condition.signal()
    }
  }

  /// The stream closed: the loop sees SIGHUP once the input before it is used up.
  public func hangUp() {
    condition.withLock {
      hungUp = true
      condition.signal()
    }
  }

  // MARK: - TerminalBackend

  public func nextEvent() -> TerminalEvent {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if !events.isEmpty { return events.removeFirst() }
      if hungUp {
        events += decoder.decode([], flush: true)
        if events.isEmpty { return .signal(SIGHUP) }
      } else if decoder.isWaiting {
        if !condition.wait(until: Date(timeIntervalSinceNow: Self.escapeDelay)) {
          events += decoder.decode([], flush: true)
        }
      } else {
        condition.wait()
      }
    }
  }

  public func draw(_ grid: Grid) {
    guard isOpen else { return }
    let bytes = encoder.encode(grid)
    if !bytes.isEmpty { write(bytes) }
  }

  public func invalidate() {
    encoder.invalidate()
  }

  /// A remote terminal cannot be stopped from here, so Ctrl-Z does nothing.
  public func suspend() {}

  public func close() {
    guard isOpen else { return }
    isOpen = false
    write(encoder.closing)
  }
}
