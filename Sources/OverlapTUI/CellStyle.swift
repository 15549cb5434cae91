/// How a cell looks: colours and attributes, which the backend maps to curses.
public struct CellStyle: Hashable, Sendable {
  public var foreground: Color = .normal
  public var background: Color = .normal
  public var bold = false
  public var dim = false
  public var reverse = false
  public var underline = false

  public init(
    foreground: Color = .normal, background: Color = .normal, bold: Bool = false, dim: Bool = false,
    reverse: Bool = false, underline: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }
}

/// The terminal's own colours; `normal` is the terminal's default.
public enum Color: Int, Hashable, Sendable, CaseIterable {
  case normal, black, red, green, yellow, blue, magenta, cyan, white, gray
}

extension CellStyle {
  /// A copy with one change, for styles derived from the theme.
  func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
    var copy = self
    change(&copy)
    return copy
  }
}
