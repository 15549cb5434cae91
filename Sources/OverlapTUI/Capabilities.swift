/// What the terminal can show.
public struct Capabilities: Equatable, Sendable {
  public var unicode: Bool
  public var color: Bool
  public var mouse: Bool

  public init(unicode: Bool, color: Bool, mouse: Bool) {
    self.unicode = unicode
    self.color = color
    self.mouse = mouse
  }
}
