import OverlapEngine
import OverlapText

/// Every turn played so far: the move, its style and lens, and the meters after it.
enum HistoryScreen {
  static func draw(_ model: AppModel, game: Playthrough, scroll: Int, on canvas: inout Canvas) -> Viewport {
    canvas.header(left: "History \(canvas.glyphs.dot) \(game.scenario.title)", right: "seed \(game.seed)")
    canvas.footer(
      [
        Canvas.Hint(key: canvas.glyphs.upDown, label: "scroll", priority: 1),
        Canvas.Hint(key: "Esc", label: "back", priority: 0),
        Canvas.Hint(key: "q", label: "quit", priority: 0),
      ], notice: model.notice)
    let page = canvas
    return canvas.readablePage(measure: nil, { content(game, width: $0, canvas: page) }, scroll: scroll)
  }

  static func content(_ game: Playthrough, width: Int, canvas: Canvas) -> [StyledLine] {
    let theme = canvas.theme
    guard !game.turns.isEmpty else { return [StyledLine([Span("No moves yet.", theme.muted)])] }
    let wide = width >= 76
    let metersWidth = 12
    let styleWidth = 9
    let lensWidth = wide ? 24 : 0
    let moveWidth = max(10, width - 5 - styleWidth - lensWidth - metersWidth)
    var lines: [StyledLine] = [
      StyledLine([
        Span("Turn ", theme.heading), Span("Move".rightPadded(to: moveWidth), theme.heading),
        Span("Style".rightPadded(to: styleWidth), theme.heading),
        Span(wide ? "Lens".rightPadded(to: lensWidth) : "", theme.heading),
        Span("Mor Eff Sta", theme.heading),
      ])
    ]
    for (index, report) in game.reports.enumerated() {
      let meters = report.meters
      lines.append(
        StyledLine([
          Span(String(report.turn).leftPadded(to: 3) + "  ", theme.muted),
          Span(canvas.truncate(TextLayout.tidy(report.choiceText), width: moveWidth - 1).rightPadded(to: moveWidth)),
          Span(report.style.rawValue.rightPadded(to: styleWidth), theme.style(report.style)),
          Span(wide ? (report.lens?.title ?? "").rightPadded(to: lensWidth) : "", theme.muted),
          Span(String(meters.morale).leftPadded(to: 3), theme.level(meters.morale)),
          Span(String(meters.efficiency).leftPadded(to: 4), theme.level(meters.efficiency)),
          Span(String(meters.stability).leftPadded(to: 4), theme.level(meters.stability)),
        ]))
      var details: [[Span]] = []
      if report.strength < 100 { details.append([Span("kept \(report.strength)% (streak)", theme.error)]) }
      for (landed, source) in zip(report.landed, game.landedSources(index)) {
        details.append([
          Span("landed from turn \(landed.playedOnTurn): ", theme.note),
          Span(landed.text.map(TextLayout.tidy) ?? source, theme.muted),
        ])
      }
      for event in report.events { details.append([Span("event: ", theme.error), Span(event.title, theme.muted)]) }
      for detail in details { lines += canvas.wrap([Span("     ")] + detail, width: width, hangingIndent: 7) }
    }
    if let ending = game.ending {
      lines.append(StyledLine())
      lines.append(StyledLine([Span("Ending: ", theme.title), Span(" \(ending.title) ", theme.tone(ending.tone))]))
    }
    return lines
  }
}
