import OverlapText

/// Choosing a scenario for a new game: titles on one side, the selected one's summary on the other.
enum ScenarioPickerScreen {
  static func draw(_ model: AppModel, cursor: Int, on canvas: inout Canvas) -> Viewport {
    let size = canvas.grid.size
    let theme = canvas.theme
    canvas.header(left: "New game", right: "pick a scenario")
    canvas.footer(
      [
        Canvas.Hint(key: canvas.glyphs.upDown, label: "select", priority: 1),
        Canvas.Hint(key: canvas.glyphs.enterKey, label: "start", priority: 0),
        Canvas.Hint(key: "Esc", label: "back", priority: 0),
        Canvas.Hint(key: "q", label: "quit", priority: 2),
      ], notice: model.notice)
    let body = Rect(row: 2, column: 2, width: size.width - 4, height: size.height - 4)
    guard let catalog = model.catalog else {
      canvas.text("Reading the scenarios...", row: body.row, column: body.column, style: theme.muted, width: body.width)
      return Viewport()
    }
    guard !catalog.isEmpty else {
      canvas.text(
        "No scenarios found. Put scenario files in Scenarios/ or use --scenarios DIR.", row: body.row,
        column: body.column, style: theme.muted, width: body.width)
      return Viewport()
    }
    let selected = min(cursor, catalog.count - 1)
    let wide = size.width >= 80
    let listWidth = wide ? min(36, body.width / 3) : body.width
    let listHeight = wide ? body.height : min(catalog.count, max(1, body.height / 2))
    let first = Canvas.firstShown(selected: selected, rows: listHeight)
    for (index, entry) in catalog.enumerated().dropFirst(first).prefix(listHeight) {
      canvas.listRow(
        [
          Span("\(index + 1) ", theme.key),
          Span(canvas.truncate(entry.title, width: listWidth - 5), entry.problem == nil ? theme.title : theme.muted),
        ], selected: index == selected,
        in: Rect(row: body.row + index - first, column: body.column, width: listWidth, height: 1),
        action: .scenario(index))
    }
    let detail =
      wide
      ? Rect(row: body.row, column: body.column + listWidth + 3, width: body.width - listWidth - 3, height: body.height)
      : Rect(
        row: body.row + listHeight + 1, column: body.column, width: body.width, height: body.height - listHeight - 1)
    if wide {
      canvas.fill(
        Rect(row: body.row, column: detail.column - 2, width: 1, height: body.height), style: theme.rule,
        character: canvas.glyphs.vertical)
    }
    canvas.scrolled(details(catalog[selected], width: detail.width, canvas: canvas), in: detail, scroll: 0)
    return Viewport()
  }

  static func details(_ entry: CatalogEntry, width: Int, canvas: Canvas) -> [StyledLine] {
    let theme = canvas.theme
    var lines = canvas.wrap(entry.title, style: theme.heading, width: width)
    if let problem = entry.problem {
      lines += canvas.wrap("This file cannot be played: \(problem)", style: theme.error, width: width)
      return lines
    }
    lines += canvas.wrap(
      "\(entry.id) \(canvas.glyphs.dot) up to \(entry.turns) turns", style: theme.muted, width: width)
    lines.append(StyledLine())
    lines += canvas.wrap(entry.summary, width: width)
    if !entry.goals.isEmpty {
      lines.append(StyledLine())
      lines.append(StyledLine([Span("You will practise", theme.heading)]))
      for goal in entry.goals {
        lines += canvas.wrap([Span("\(canvas.glyphs.bullet) ", theme.key), Span(goal)], width: width, hangingIndent: 2)
      }
    }
    return lines
  }
}
