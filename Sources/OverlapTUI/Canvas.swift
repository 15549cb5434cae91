import OverlapEngine
import OverlapText

/// A grid being drawn, with the glyphs and theme of the terminal it is for, and
/// the clickable regions the drawing creates.
struct Canvas {
  var grid: Grid
  let glyphs: Glyphs
  let theme: Theme
  var hits: [Hit] = []

  init(size: Size, glyphs: Glyphs, theme: Theme) {
    grid = Grid(size: size)
    self.glyphs = glyphs
    self.theme = theme
  }

  var bounds: Rect { Rect(row: 0, column: 0, width: grid.width, height: grid.height) }

  /// Text as this terminal can show it: controls made visible by the same rule as every
  /// other output, and ASCII spellings when the locale is not UTF-8.
  func shown(_ text: String) -> String {
    let safe = TerminalSafe.text(text)
    return glyphs.isUnicode ? safe : TextLayout.ascii(safe)
  }

  func wrap(_ spans: [Span], width: Int, hangingIndent: Int = 0) -> [StyledLine] {
    TextLayout.wrap(spans.map { Span(shown($0.text), $0.style) }, width: width, hangingIndent: hangingIndent)
  }

  /// Wraps a block of scenario text, tidied of stray blank lines.
  func wrap(paragraphs text: String, style: CellStyle = CellStyle(), width: Int) -> [StyledLine] {
    wrap([Span(TextLayout.tidy(text), style)], width: width)
  }

  func wrap(_ text: String, style: CellStyle = CellStyle(), width: Int, hangingIndent: Int = 0) -> [StyledLine] {
    wrap([Span(text, style)], width: width, hangingIndent: hangingIndent)
  }

  func truncate(_ text: String, width: Int) -> String {
    TextLayout.truncate(shown(text), width: width, ellipsis: glyphs.ellipsis)
  }

  /// At most `rows` of `lines`; when some are left out, the last one shown ends in an
  /// ellipsis, so a cut never looks like the end of the text.
  func clipped(_ lines: [StyledLine], rows: Int, width: Int) -> [StyledLine] {
    guard lines.count > rows else { return lines }
    guard rows > 0 else { return [] }
    var kept = Array(lines.prefix(rows))
    var last = kept[rows - 1]
    let ellipsisWidth = TextLayout.width(of: glyphs.ellipsis)
    while !last.glyphs.isEmpty && (last.width + ellipsisWidth > width || last.glyphs.last?.character == " ") {
      last.glyphs.removeLast()
    }
    last.append(Span(glyphs.ellipsis, last.glyphs.last?.style ?? CellStyle()))
    kept[rows - 1] = last
    return kept
  }

  // MARK: - Drawing

  /// Writes text from a position, clipped to `width` columns; returns the columns used.
  @discardableResult
  mutating func text(_ text: String, row: Int, column: Int, style: CellStyle = CellStyle(), width: Int? = nil) -> Int {
    let limit = min(width ?? grid.width - column, grid.width - column)
    var used = 0
    for character in shown(text) {
      let characterWidth = TextLayout.width(of: character)
      guard characterWidth > 0 else { continue }
      if used + characterWidth > limit { break }
      used += grid.put(character, row: row, column: column + used, style: style)
    }
    return used
  }

  /// Writes spans one after the other; returns the columns used.
  @discardableResult
  mutating func spans(_ spans: [Span], row: Int, column: Int, width: Int? = nil) -> Int {
    let limit = min(width ?? grid.width - column, grid.width - column)
    var used = 0
    for span in spans where used < limit {
      used += text(span.text, row: row, column: column + used, style: span.style, width: limit - used)
    }
    return used
  }

  @discardableResult
  mutating func line(_ line: StyledLine, row: Int, column: Int, width: Int) -> Int {
    var used = 0
    for glyph in line.glyphs {
      // Lines are normally wrapped from shown text already; this catches any that were not.
      let characters: String =
        glyphs.isUnicode || glyph.character.isASCII
        ? String(glyph.character) : TextLayout.ascii(String(glyph.character))
      for character in characters {
        let characterWidth = TextLayout.width(of: character)
        guard characterWidth > 0 else { continue }
        if used + characterWidth > width { return used }
        used += grid.put(character, row: row, column: column + used, style: glyph.style)
      }
    }
    return used
  }

  /// Text ending at the right edge of `rect` on `row`.
  mutating func textRight(_ text: String, row: Int, in rect: Rect, style: CellStyle = CellStyle()) {
    let shownText = truncate(text, width: rect.width)
    self.text(shownText, row: row, column: rect.right - TextLayout.width(of: shownText), style: style)
  }

  mutating func fill(_ rect: Rect, style: CellStyle = CellStyle(), character: Character = " ") {
    let clipped = rect.intersection(bounds)
    for row in clipped.rows {
      for column in clipped.columns { grid.put(character, row: row, column: column, style: style) }
    }
  }

  mutating func horizontalRule(row: Int, column: Int, width: Int, label: String? = nil) {
    fill(Rect(row: row, column: column, width: width, height: 1), style: theme.rule, character: glyphs.horizontal)
    if let label, width > 6 {
      text(" \(label) ", row: row, column: column + 2, style: theme.heading, width: width - 4)
    }
  }

  /// A framed, cleared rectangle with an optional title in its top edge.
  mutating func box(_ rect: Rect, title: String? = nil, style: CellStyle? = nil) {
    guard rect.width >= 2 && rect.height >= 2 else { return }
    let border = style ?? theme.rule
    fill(rect)
    fill(
      Rect(row: rect.row, column: rect.column + 1, width: rect.width - 2, height: 1), style: border,
      character: glyphs.horizontal)
    fill(
      Rect(row: rect.bottom - 1, column: rect.column + 1, width: rect.width - 2, height: 1), style: border,
      character: glyphs.horizontal)
    fill(
      Rect(row: rect.row + 1, column: rect.column, width: 1, height: rect.height - 2), style: border,
      character: glyphs.vertical)
    fill(
      Rect(row: rect.row + 1, column: rect.right - 1, width: 1, height: rect.height - 2), style: border,
      character: glyphs.vertical)
    grid.put(glyphs.topLeft, row: rect.row, column: rect.column, style: border)
    grid.put(glyphs.topRight, row: rect.row, column: rect.right - 1, style: border)
    grid.put(glyphs.bottomLeft, row: rect.bottom - 1, column: rect.column, style: border)
    grid.put(glyphs.bottomRight, row: rect.bottom - 1, column: rect.right - 1, style: border)
    if let title, rect.width > 6 {
      text(" \(title) ", row: rect.row, column: rect.column + 2, style: theme.heading, width: rect.width - 4)
    }
  }

  /// Lines from `scroll` on, in `rect`; returns the largest useful scroll.
  ///
  /// When the lines do not fit, the last row says where the view is instead of showing text.
  /// `statusRow`, when given, is a row outside `rect` (such as a rule) to say it on instead.
  @discardableResult
  mutating func scrolled(_ lines: [StyledLine], in rect: Rect, scroll: Int, statusRow: Int? = nil) -> Int {
    guard rect.height > 0 else { return 0 }
    let overflows = lines.count > rect.height && (rect.height >= 2 || statusRow != nil)
    let visible = overflows && statusRow == nil ? rect.height - 1 : rect.height
    let maxScroll = max(0, lines.count - visible)
    let first = min(max(0, scroll), maxScroll)
    for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
      self.line(line, row: rect.row + offset, column: rect.column, width: rect.width)
    }
    if overflows {
      let last = min(lines.count, first + visible)
      var status = "\(first + 1)-\(last) of \(lines.count)"
      if first < maxScroll { status = glyphs.moreBelow + "  " + status }
      if first > 0 { status = glyphs.moreAbove + "  " + status }
      textRight(" \(status) ", row: statusRow ?? rect.bottom - 1, in: rect, style: theme.key)
    }
    return maxScroll
  }
}

/// A clickable region and what clicking it does.
struct Hit: Equatable, Sendable {
  enum Action: Equatable, Sendable {
    /// The n-th offered move, from 0.
    case choice(Int)
    case menuItem(Int)
    case scenario(Int)
    case save(Int)
  }

  var rect: Rect
  var action: Action
}

/// A rendered screen and what `update` needs to know about its layout.
struct Frame {
  var grid: Grid
  var layout: Layout
}
