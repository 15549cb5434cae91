import OverlapText

/// Choosing a save to load.
enum LoadPickerScreen {
  static func draw(_ model: AppModel, cursor: Int, on canvas: inout Canvas) -> Viewport {
    let size = canvas.grid.size
    let theme = canvas.theme
    canvas.header(left: "Load a save", right: "\(model.saves.count) saved")
    canvas.footer(
      [
        Canvas.Hint(key: canvas.glyphs.upDown, label: "select", priority: 1),
        Canvas.Hint(key: canvas.glyphs.enterKey, label: "load", priority: 0),
        Canvas.Hint(key: "Esc", label: "back", priority: 0),
        Canvas.Hint(key: "q", label: "quit", priority: 2),
      ], notice: model.notice)
    let body = Rect(row: 2, column: 2, width: size.width - 4, height: size.height - 4)
    guard !model.saves.isEmpty else {
      canvas.text(
        "No saves yet. Every game autosaves after each turn; s saves to a named slot.", row: body.row,
        column: body.column, style: theme.muted, width: body.width)
      return Viewport()
    }
    let selected = min(cursor, model.saves.count - 1)
    let nameWidth = min(28, max(12, body.width / 3))
    let stateWidth = min(26, max(8, body.width - nameWidth - 2 - 16 - 10))
    let showUpdated = body.width >= nameWidth + 2 + 16 + stateWidth + 10 + 21
    let first = Canvas.firstShown(selected: selected, rows: body.height)
    for (index, entry) in model.saves.enumerated().dropFirst(first).prefix(body.height) {
      var spans = [Span(canvas.truncate(entry.name, width: nameWidth - 1).rightPadded(to: nameWidth), theme.title)]
      if let problem = entry.problem {
        spans.append(Span(canvas.truncate("unreadable: " + problem, width: body.width - nameWidth - 2), theme.error))
      } else {
        let state = entry.finished == true ? "ended: \(entry.ending ?? "finished")" : "turn \(entry.turn)"
        spans.append(Span(canvas.truncate(model.scenarioTitle(entry.scenario), width: 15).rightPadded(to: 16)))
        spans.append(Span(canvas.truncate(state, width: stateWidth - 1).rightPadded(to: stateWidth), theme.muted))
        if let meters = entry.meters {
          spans.append(
            Span("\(meters.morale)/\(meters.efficiency)/\(meters.stability)".rightPadded(to: 10), theme.muted))
        }
        if showUpdated, let updated = entry.updated { spans.append(Span(readable(updated), theme.muted)) }
      }
      canvas.listRow(
        spans, selected: index == selected,
        in: Rect(row: body.row + index - first, column: body.column, width: body.width, height: 1),
        action: .save(index))
    }
    return Viewport()
  }

  /// "2026-11-22T19:41:02Z" as "2026-11-22 19:41 UTC".
  static func readable(_ timestamp: String) -> String {
    guard timestamp.count >= 16 else { return timestamp }
    return timestamp.prefix(10) + " " + timestamp.dropFirst(11).prefix(5) + " UTC"
  }
}
