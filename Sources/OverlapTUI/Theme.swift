import OverlapEngine
import OverlapText

/// The styles screens draw with, by meaning. Without colour, emphasis falls back to
/// bold, dim and reverse so nothing depends on colour alone.
struct Theme: Sendable {
  var hasColor: Bool

  var plain: CellStyle { CellStyle() }
  var header: CellStyle {
    hasColor ? CellStyle(foreground: .white, background: .blue, bold: true) : CellStyle(reverse: true)
  }
  var headerDim: CellStyle { hasColor ? CellStyle(foreground: .white, background: .blue) : CellStyle(reverse: true) }
  var title: CellStyle { CellStyle(bold: true) }
  var heading: CellStyle {
    hasColor ? CellStyle(foreground: .cyan, bold: true) : CellStyle(bold: true, underline: true)
  }
  var muted: CellStyle { hasColor ? CellStyle(foreground: .gray) : CellStyle(dim: true) }
  var rule: CellStyle { hasColor ? CellStyle(foreground: .gray) : CellStyle() }
  var key: CellStyle { hasColor ? CellStyle(foreground: .yellow, bold: true) : CellStyle(bold: true) }
  var selected: CellStyle { CellStyle(reverse: true) }
  var error: CellStyle { hasColor ? CellStyle(foreground: .red, bold: true) : CellStyle(bold: true) }
  var success: CellStyle { hasColor ? CellStyle(foreground: .green, bold: true) : CellStyle(bold: true) }
  var note: CellStyle { hasColor ? CellStyle(foreground: .cyan) : CellStyle() }

  /// A style from printed text (the debrief) as this theme draws it: dim text muted,
  /// and without colour only bold and dim kept, so emphasis never depends on colour alone.
  func printed(_ style: CellStyle) -> CellStyle {
    var drawn = style
    if style.dim {
      drawn.dim = muted.dim
      if drawn.foreground == .normal { drawn.foreground = muted.foreground }
    }
    if !hasColor { drawn.foreground = .normal }
    return drawn
  }

    func style(_ style: Style) -> CellStyle {
    guard hasColor else { return CellStyle(bold: style == .leader) }
    return CellStyle(foreground: style == .leader ? .magenta : .cyan, bold: true)
  }

  /// Red when low, yellow when middling, green when healthy.
  func level(_ value: Int) -> CellStyle {
    guard hasColor else { return CellStyle() }
    return CellStyle(foreground: Self.levelColor(value))
  }

  static func levelColor(_ value: Int) -> Color {
    value < 30 ? .red : value < 60 ? .yellow : .green
  }

  func delta(_ delta: Int) -> CellStyle {
    guard hasColor else { return CellStyle(bold: delta != 0) }
    return CellStyle(foreground: delta > 0 ? .green : delta < 0 ? .red : .gray, bold: true)
  }

  func tone(_ tone: Tone) -> CellStyle {
    guard hasColor else { return CellStyle(bold: true, reverse: true) }
    let color: Color =
      switch tone {
      case .success: .green
      case .mixed: .yellow
      case .failure: .red
      }
    return CellStyle(foreground: .black, background: color, bold: true)
  }
}
