/// One thing a move caused, in the order it happened.
public enum Happening: Sendable, Equatable {
  /// A meter or variable changed (by `cause`, at the balance `strength` in percent).
  case changed(target: Int, before: Int, after: Int, cause: GameState.Source)
  /// A chance effect was rolled.
  case rolled(choice: Int, chance: Int, hit: Bool)
  /// A delayed effect was scheduled to land at the end of move `due`.
  case scheduled(GameState.Pending)
  /// A delayed effect landed.
  case landed(GameState.Pending, text: String?)
  case eventFired(Int, text: String?)
  case ended(Int)
}

/// Receives happenings as a move is applied. Exploration uses `IgnoreHappenings`,
/// which the compiler removes entirely, so recording costs nothing there.
public protocol HappeningRecorder {
  mutating func record(_ happening: @autoclosure () -> Happening)
}

public struct IgnoreHappenings: HappeningRecorder {
  public init() {}
  @inline(__always) public mutating func record(_ happening: @autoclosure () -> Happening) {}
}

public struct CollectHappenings: HappeningRecorder {
  public var happenings: [Happening] = []
  public init() {}
  public mutating func record(_ happening: @autoclosure () -> Happening) { happenings.append(happening()) }
}
