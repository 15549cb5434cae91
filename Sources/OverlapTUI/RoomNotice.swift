/// A notice from a workshop's facilitator (a pause, a discussion prompt, a round that is
/// over), drawn as a panel over whatever the game shows.
public struct RoomNotice: Equatable, Sendable {
  public var title: String
  public var text: String
  /// The panel's last row: what the participant can do now.
  public var hint: String

  public init(title: String, text: String, hint: String) {
    self.title = title
    self.text = text
    self.hint = hint
  }

  /// `grid` with the notice centred over it; a screen too small for the game keeps its
  /// own message instead.
  public func drawn(over grid: Grid, capabilities: Capabilities) -> Grid {
    guard grid.width >= TooSmallScreen.minimum.width, grid.height >= TooSmallScreen.minimum.height else { return grid }
    var canvas = Canvas(
      size: grid.size, glyphs: .forTerminal(unicode: capabilities.unicode), theme: Theme(hasColor: capabilities.color))
    canvas.grid = grid
    canvas.grid.cursor = nil
    let width = canvas.panelWidth(64)
    let lines = canvas.wrap(paragraphs: canvas.shown(text), width: width - 4)
    _ = canvas.panel(title: canvas.shown(title), lines: lines, width: width, scroll: 0, hint: hint)
    return canvas.grid
  }
}
