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
  public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
    var copy = self
    change(&copy)
    return copy
  }
}

// MARK: - ANSI

extension CellStyle {
  /// The SGR parameters that set this style after a reset, without the reset itself:
  /// bold, dim, underline, reverse, then the colours when `color` is on.
  public func sgrParameters(color: Bool) -> [String] {
    var codes: [String] = []
    if bold { codes.append("1") }
    if dim { codes.append("2") }
    if underline { codes.append("4") }
    if reverse { codes.append("7") }
    if color {
      if let code = Self.colorCode(foreground, base: 30) { codes.append(code) }
      if let code = Self.colorCode(background, base: 40) { codes.append(code) }
    }
    return codes
  }

  /// The SGR code of a colour: the eight basic ones from `base`, gray as bright black.
  private static func colorCode(_ color: Color, base: Int) -> String? {
    switch color {
    case .normal: nil
    case .gray: String(base + 60)
    default: String(base + color.rawValue - Color.black.rawValue)
    }
  }
}
