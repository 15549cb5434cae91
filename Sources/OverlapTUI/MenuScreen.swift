import OverlapEngine
import OverlapText

/// The main menu: continue, new game, load, help, quit.
enum MenuScreen {
  static func draw(_ model: AppModel, cursor: Int, on canvas: inout Canvas) -> Viewport {
    let size = canvas.grid.size
    let theme = canvas.theme
    canvas.header(left: "Overlap", right: "leading and managing")
    canvas.footer(
      [
        Canvas.Hint(key: canvas.glyphs.upDown, label: "select", priority: 1),
        Canvas.Hint(key: canvas.glyphs.enterKey, label: "open", priority: 0),
        Canvas.Hint(key: "n", label: "new", priority: 2),
        Canvas.Hint(key: "l", label: "load", priority: 3),
        Canvas.Hint(key: "?", label: "help", priority: 2),
        Canvas.Hint(key: "q", label: "quit", priority: 0),
      ], notice: model.notice)
    let items = model.menuItems
    let width = min(size.width - 4, 64)
    let column = (size.width - width) / 2
    let tagline = canvas.wrap(
      "Leaders choose where to go; managers plan the turns that get there. Most teams need both.", style: theme.muted,
      width: width)
    let title = size.width >= 60 ? "O V E R L A P" : "OVERLAP"
    let blockHeight = 2 + (size.height >= 20 ? tagline.count + 1 : 0) + items.count * (size.height >= 20 ? 2 : 1)
    var row = max(2, 1 + (size.height - 2 - blockHeight) / 2)
    canvas.text(title, row: row, column: column, style: theme.heading)
    row += 2
    if size.height >= 20 {
      for line in tagline {
        canvas.line(line, row: row, column: column, width: width)
        row += 1
      }
      row += 1
    }
    let selected = min(cursor, items.count - 1)
    for (index, item) in items.enumerated() where row < size.height - 1 {
      let (label, detail) = describe(item, model: model)
      var spans = [Span("\(index + 1) ", theme.key), Span(label.rightPadded(to: 13), theme.title)]
      if let detail { spans.append(Span(canvas.truncate(detail, width: max(0, width - 18)), theme.muted)) }
      canvas.listRow(
        spans, selected: index == selected, in: Rect(row: row, column: column, width: width, height: 1),
        action: .menuItem(index))
      row += size.height >= 20 ? 2 : 1
    }
    return Viewport()
  }

  static func describe(_ item: MenuItem, model: AppModel) -> (String, String?) {
    switch item {
    case .resumeGame:
      guard let session = model.session else { return ("Continue", nil) }
      return ("Continue", "\(session.scenario.title), turn \(session.shownTurn)")
    case .continueGame(let entry):
      return ("Continue", "\(model.scenarioTitle(entry.scenario)), turn \(entry.turn)")
    case .newGame:
      guard let catalog = model.catalog else { return ("New game", "pick a scenario") }
      let detail =
        catalog.isEmpty
        ? "no scenarios found" : catalog.count == 1 ? "one scenario" : "pick one of \(catalog.count) scenarios"
      return ("New game", detail)
    case .loadSave:
      return ("Load a save", model.saves.isEmpty ? nil : "\(model.saves.count) saved")
    case .help:
      return ("Help", "keys, and how the game works")
    case .quit:
      return ("Quit", nil)
    }
  }
}
