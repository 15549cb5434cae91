import OverlapEngine

/// Text painted with ANSI SGR codes, as the debrief writes it for terminals, turned into
/// styled lines for the grid. Only the codes the debrief uses are understood; any other
/// escape (from a scenario's text, say) is shown, as `TerminalSafe` shows it everywhere.
enum ANSIText {
  /// One styled line per line of `text`. Without colour, colours are dropped but bold and
  /// dim stay, so emphasis never depends on colour alone.
  static func lines(_ text: String, theme: Theme) -> [StyledLine] {
    var lines: [StyledLine] = []
    for line in TerminalSafe.text(text, colour: true).split(separator: "\n", omittingEmptySubsequences: false) {
      var styled = StyledLine()
      var style = CellStyle()
      var rest = Substring(line)
      while let escape = rest.firstIndex(of: "\u{1B}") {
        styled.append(Span(String(rest[..<escape]), style))
        rest = rest[rest.index(after: escape)...]
        guard rest.first == "[", let end = rest.firstIndex(of: "m") else { break }
        for code in rest[rest.index(after: rest.startIndex)..<end].split(separator: ";") {
          apply(Int(code) ?? 0, to: &style, theme: theme)
        }
        rest = rest[rest.index(after: end)...]
      }
      styled.append(Span(String(rest), style))
      lines.append(styled)
    }
    if lines.last?.glyphs.isEmpty == true { lines.removeLast() }
    return lines
  }

  private static func apply(_ code: Int, to style: inout CellStyle, theme: Theme) {
    let colors: [Int: Color] = [31: .red, 32: .green, 33: .yellow, 34: .blue, 35: .magenta, 36: .cyan, 37: .white]
    switch code {
    case 0: style = CellStyle()
    case 1: style.bold = true
    case 2:
      style.foreground = theme.muted.foreground
      style.dim = theme.muted.dim
    default:
      if theme.hasColor, let color = colors[code] { style.foreground = color }
    }
  }
}
