/// The header bar and the footer of key hints that most screens share.
extension Canvas {
  /// A key hint in the footer; lower `priority` numbers are dropped last when space runs out.
  struct Hint {
    var key: String
    var label: String
    var priority: Int
  }

  mutating func header(left: String, right: String) {
    let width = grid.width
    fill(Rect(row: 0, column: 0, width: width, height: 1), style: theme.header)
    let rightShown = truncate(right, width: max(0, width / 2 - 1))
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
