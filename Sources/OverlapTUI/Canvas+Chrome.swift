import OverlapText

/// The header bar and the footer of key hints that most screens share.
extension Canvas {
  /// A key hint in the footer; lower `priority` numbers are dropped last when space runs out.
  struct Hint {
    var key: String
    var label: String
    var priority: Int
  }

  mutating func header(left: String, right: String) {
    header(left: left, right: [right])
  }

  /// The header bar: a title on the left, and on the right `parts` joined by dots. Parts
  /// come most important first; the last ones are dropped when they do not fit, and
  /// before the left side is cut to fewer than `keepingLeft` columns.
  mutating func header(left: String, right parts: [String], keepingLeft: Int = 0) {
    let width = grid.width
    fill(Rect(row: 0, column: 0, width: width, height: 1), style: theme.header)
    // Half the bar, or all that a short title leaves free.
    let leftWidth = TextLayout.width(of: shown(left))
    let room = max(0, min(max(width / 2 - 1, width - leftWidth - 3), width - min(leftWidth, keepingLeft) - 3))
    var parts = parts
    while parts.count > 1 && TextLayout.width(of: shown(parts.joined(separator: " \(glyphs.dot) "))) > room {
      parts.removeLast()
    }
    let rightShown = truncate(parts.joined(separator: " \(glyphs.dot) "), width: room)
    let rightWidth = TextLayout.width(of: rightShown)
    text(" " + truncate(left, width: max(0, width - rightWidth - 3)), row: 0, column: 0, style: theme.header)
    text(rightShown, row: 0, column: width - rightWidth - 1, style: theme.headerDim)
  }

  /// The last row: the notice if there is one, else as many key hints as fit.
  mutating func footer(_ hints: [Hint], notice: Notice?) {
    let row = grid.height - 1
    fill(Rect(row: row, column: 0, width: grid.width, height: 1))
    if let notice {
      let style = notice.isError ? theme.error : theme.success
      text(" " + truncate(notice.text, width: grid.width - 2), row: row, column: 0, style: style)
      return
    }
    var shown = hints
    func width(_ hints: [Hint]) -> Int {
      hints.reduce(0) { $0 + TextLayout.width(of: self.shown($1.key)) + TextLayout.width(of: $1.label) + 3 }
    }
    while width(shown) > grid.width - 1, let drop = shown.indices.max(by: { shown[$0].priority < shown[$1].priority }) {
      shown.remove(at: drop)
    }
    var column = 1
    for hint in shown {
      column += text(hint.key, row: row, column: column, style: theme.key)
      column += text(" " + hint.label + "  ", row: row, column: column, style: theme.muted)
    }
  }
}

/// Panels: boxes over the screen below them.
extension Canvas {
  /// The width for a panel of at most `limit` columns, leaving some of the screen below in view.
  func panelWidth(_ limit: Int) -> Int {
    min(grid.width - (grid.width < 80 ? 2 : 6), limit)
  }

  /// A centred box of `lines` that scroll when they do not fit, with a key hint in its last
  /// row: `hint`, or by default that any key continues.
  mutating func panel(title: String, lines: [StyledLine], width: Int, scroll: Int, hint: String? = nil) -> Viewport {
    let height = min(grid.height - 2, lines.count + 4)
    let rect = bounds.centred(width: width, height: height)
    box(rect, title: title, style: theme.heading)
    let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 3)
    let maxScroll = scrolled(lines, in: inner, scroll: scroll)
    let shownHint = hint ?? (maxScroll > 0 ? "\(glyphs.upDown) scroll  any other key continues" : "any key continues")
    textRight(
      shownHint + " ", row: rect.bottom - 2, in: Rect(row: 0, column: rect.column + 2, width: rect.width - 3, height: 1),
      style: theme.key)
    return Viewport(maxScroll: maxScroll, pageHeight: inner.height)
  }

  /// The body of a full page (help, the briefing, history, the ending) between the header
  /// and the footer, scrolled by `scroll`. From 100 columns it is centred at `measure`
  /// (nil: the whole width); below, it keeps the page margin unless that would leave
  /// fewer than `minimumWidth` columns.
  mutating func readablePage(
    measure: Int? = 90, minimumWidth: Int = 0, _ content: (Int) -> [StyledLine], scroll: Int
  ) -> Viewport {
    let size = grid.size
    let pageMargin = ScreenLayout.pageMargin
    let margin =
      if let measure, size.width >= 100 {
        (size.width - measure) / 2
      } else {
        size.width - 2 * pageMargin >= minimumWidth ? pageMargin : 0
      }
    let area = Rect(row: 2, column: margin, width: size.width - 2 * margin, height: size.height - 4)
    let maxScroll = scrolled(content(area.width), in: area, scroll: scroll)
    return Viewport(maxScroll: maxScroll, pageHeight: area.height)
  }
}
