import OverlapEngine

/// The end of the game: the ending's title, tone and text, its debrief, the meters over
/// time and how many moves of each style were played.
enum EndingScreen {
  static func draw(_ model: AppModel, game: Playthrough, scroll: Int, on canvas: inout Canvas) -> Viewport {
    let size = canvas.grid.size
    canvas.header(
      left: size.width < 80 ? game.scenario.title : "Overlap \(canvas.glyphs.pointer) \(game.scenario.title)",
      right: "The end \(canvas.glyphs.dot) \(game.state.moves) turns \(canvas.glyphs.dot) seed \(game.seed)")
    canvas.footer(
      [
        Canvas.Hint(key: canvas.glyphs.upDown, label: "scroll", priority: 3),
        Canvas.Hint(key: "h", label: "history", priority: 2),
        Canvas.Hint(key: "s", label: "save", priority: 4),
        Canvas.Hint(key: "n", label: "new game", priority: 1),
        Canvas.Hint(key: canvas.glyphs.enterKey, label: "menu", priority: 1),
        Canvas.Hint(key: "q", label: "quit", priority: 0),
      ], notice: model.notice)
    let margin = size.width >= 100 ? (size.width - 96) / 2 : 2
    let area = Rect(row: 2, column: margin, width: size.width - 2 * margin, height: size.height - 4)
    let lines = content(game, width: area.width, canvas: canvas)
    let maxScroll = canvas.scrolled(lines, in: area, scroll: scroll)
    return Viewport(maxScroll: maxScroll, pageHeight: area.height)
  }

  static func content(_ game: Playthrough, width: Int, canvas: Canvas) -> [StyledLine] {
    let theme = canvas.theme
    let glyphs = canvas.glyphs
    let state = game.state
    var lines: [StyledLine] = []
    if let ending = game.ending {
      lines += canvas.wrap(
        [
          Span(ending.title.uppercased(), theme.title), Span("  "),
          Span(" \(ending.tone.rawValue) ", theme.tone(ending.tone)),
        ],
        width: width)
      lines.append(StyledLine())
      if let text = game.endingText {
        lines += canvas.wrap(paragraphs: text, width: width)
        lines.append(StyledLine())
      }
      if let debrief = ending.debrief {
        lines.append(StyledLine([Span("What happened", theme.heading)]))
        lines += canvas.wrap(paragraphs: debrief, style: theme.note, width: width)
        lines.append(StyledLine())
      }
    }

    lines.append(StyledLine([Span("Meters over time", theme.heading)]))
    let nameWidth = 13
    let chartWidth = max(4, min(48, width - nameWidth - 18))
    for meter in Meter.allCases {
      let history = game.states.map { $0.meter(meter) }
      let first = history.first ?? 0
      let last = history.last ?? 0
      lines.append(
        StyledLine([
          Span(meter.name.capitalized.rightPadded(to: nameWidth), theme.title),
          Span(String(first).leftPadded(to: 3) + " ", theme.muted),
          Span(Sparkline.stretched(history, width: chartWidth, glyphs: glyphs), theme.level(last)),
          Span(" " + String(last).leftPadded(to: 3), theme.level(last)),
          Span("  " + Delta.signed(last - first), theme.delta(last - first)),
        ]))
    }
    lines.append(StyledLine())

    lines.append(StyledLine([Span("Your moves", theme.heading)]))
    let total = max(1, state.leaderMoves + state.managerMoves)
    let barWidth = max(4, min(40, width - nameWidth - 12))
    for (style, count) in [(Style.leader, state.leaderMoves), (Style.manager, state.managerMoves)] {
      let filled = count * barWidth / total
      lines.append(
        StyledLine([
          Span(style.rawValue.capitalized.rightPadded(to: nameWidth), theme.style(style)),
          Span(String(repeating: glyphs.eighths[7], count: filled), theme.style(style)),
          Span(String(repeating: glyphs.barEmpty, count: barWidth - filled), theme.muted),
          Span(" \(count) (\((count * 100 + total / 2) / total)%)", theme.title),
        ]))
    }
    var sequence = [Span("Turn by turn".rightPadded(to: nameWidth), theme.muted)]
    for report in game.reports {
      sequence.append(Span(report.style == .leader ? "L" : "M", theme.style(report.style)))
      sequence.append(Span(" "))
    }
    lines += canvas.wrap(sequence, width: width, hangingIndent: nameWidth)
    lines.append(
      StyledLine([
        Span("Verdict".rightPadded(to: nameWidth), theme.muted),
        Span(BalanceGauge.verdict(leader: state.leaderMoves, manager: state.managerMoves)),
      ]))
    return lines
  }
}
