import OverlapText

/// The save-to-slot prompt, over the screen below it.
enum SavePromptScreen {
  static func draw(name: String, problem: String?, on canvas: inout Canvas) -> Viewport {
    let theme = canvas.theme
    let rect = canvas.bounds.centred(width: min(canvas.grid.width - 2, 60), height: 7)
    canvas.box(rect, title: "Save to a slot", style: theme.heading)
    let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
    let label = "Name: "
    let fieldWidth = inner.width - label.count - 1
    let shownName = String(name.suffix(max(1, fieldWidth)))
    canvas.text(label, row: inner.row + 1, column: inner.column, style: theme.title)
    canvas.text(
      shownName, row: inner.row + 1, column: inner.column + label.count, style: theme.plain.with { $0.underline = true }
    )
    canvas.grid.cursor = Position(row: inner.row + 1, column: inner.column + label.count + shownName.count)
    let help =
      problem.map { Span($0, theme.error) }
      ?? Span("letters, digits, - _ . (an existing slot is replaced)", theme.muted)
    canvas.spans([help], row: inner.row + 2, column: inner.column, width: inner.width)
    canvas.spans(
      [
        Span(canvas.glyphs.enterKey, theme.key), Span(" save   ", theme.muted), Span("Esc", theme.key),
        Span(" cancel", theme.muted),
      ],
      row: inner.row + 4, column: inner.column, width: inner.width)
    return Viewport()
  }
}
