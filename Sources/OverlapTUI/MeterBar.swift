import OverlapText

/// A meter's level as a bar of `width` cells, coloured by level, with eighth-cell precision.
enum MeterBar {
  static func spans(value: Int, width: Int, glyphs: Glyphs, theme: Theme) -> [Span] {
    guard width > 0 else { return [] }
    let clamped = max(0, min(100, value))
    let eighths = (clamped * width * 8 + 50) / 100
    var filled = String(repeating: glyphs.eighths[7], count: eighths / 8)
    if eighths % 8 > 0 && glyphs.isUnicode {
      filled.append(glyphs.eighths[eighths % 8 - 1])
    } else if eighths % 8 >= 4 {
      filled.append(glyphs.eighths[7])
    }
    let empty = String(repeating: glyphs.barEmpty, count: max(0, width - filled.count))
    var style = theme.level(clamped)
    if !theme.hasColor { style.bold = true }
    return [Span(filled, style), Span(empty, theme.muted)]
  }
}
