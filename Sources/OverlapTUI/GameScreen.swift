import OverlapEngine
import OverlapLab
import OverlapText

/// The game screen: header, narrative, meters and balance, the numbered moves, key hints.
enum GameScreen {
  /// The widest the story and the moves get: past it, lines are too long to read.
  static let mainWidthCap = 100
  /// The widest the sidebar gets on a very wide terminal.
  static let sidebarWidthCap = 64

  static func draw(_ model: AppModel, game: Playthrough, on canvas: inout Canvas) -> Viewport {
    let size = canvas.grid.size
    let compact = size.width < 80 || size.height < 24
    drawHeader(model, game: game, compact: compact, on: &canvas)
    canvas.footer(
      hints(count: game.legalChoices.count, quiz: model.quiz != nil, glyphs: canvas.glyphs), notice: model.notice)
    var body = Rect(row: 1, column: 0, width: size.width, height: size.height - ScreenLayout.chromeRows)

    // On a very wide terminal the story and moves keep a readable width, the sidebar takes
    // what is left up to its own cap, and the two are centred together.
    // Otherwise the moves run the full width under both.
    let spare = size.width - mainWidthCap
    let wide = !compact && spare >= 46
    var sidebarWidth = 0
    if !compact {
      sidebarWidth = wide ? min(sidebarWidthCap, spare) : min(46, max(30, size.width * 3 / 10))
      let frameWidth = min(size.width, mainWidthCap + sidebarWidth)
      body = Rect(row: body.row, column: (size.width - frameWidth) / 2, width: frameWidth, height: body.height)
    }
    let (sidebarColumn, main) = body.right(sidebarWidth)
    let movesWidth = wide ? main : body

    let reserved = compact ? (body.height >= 14 ? 4 : 3) + 1 + 2 : ScreenLayout.sidebarRows
    let choiceRoom = ScreenLayout.moveRows(bodyHeight: body.height, reservedRows: reserved, compact: compact)
    let choiceRows = drawnChoiceRows(model, game: game, room: choiceRoom, width: movesWidth.width, canvas: canvas) + 1
    let split = movesWidth.bottom(choiceRows)
    var choicesArea = split.0
    let top = Rect(row: body.row, column: main.column, width: main.width, height: split.rest.height)
    let sidebar = wide ? sidebarColumn : Rect(
      row: sidebarColumn.row, column: sidebarColumn.column, width: sidebarColumn.width, height: top.height)

    let narrativeArea: Rect
    if compact {
      let meterRows = body.height >= 14 ? 4 : 3
      let (meters, rest) = top.top(meterRows)
      drawCompactMeters(
        game, in: Rect(row: meters.row, column: 1, width: meters.width - 2, height: meters.height), on: &canvas)
      canvas.horizontalRule(row: rest.row, column: 0, width: size.width)
      narrativeArea = Rect(row: rest.row + 1, column: 1, width: rest.width - 2, height: rest.height - 1)
    } else {
      canvas.fill(
        Rect(row: sidebar.row, column: sidebar.column, width: 1, height: sidebar.height), style: canvas.theme.rule,
        character: canvas.glyphs.vertical)
      drawSidebar(
        game,
        in: Rect(row: sidebar.row, column: sidebar.column + 2, width: sidebar.width - 3, height: sidebar.height),
        on: &canvas)
      // Long lines are hard to read: past a comfortable measure the text is centred instead.
      let measure = min(top.width - 3, 96)
      narrativeArea = Rect(
        row: top.row, column: top.column + 1 + (top.width - 3 - measure) / 2, width: measure, height: top.height)
    }
    let lines = narrative(game, width: narrativeArea.width, canvas: canvas)
    var storyArea = narrativeArea
    // On a wide screen a short story is followed by the moves at once, not by empty rows.
    if wide && lines.count + 1 < narrativeArea.height {
      storyArea.height = lines.count + 1
      choicesArea.row = storyArea.bottom
    }
    canvas.horizontalRule(
      row: choicesArea.row, column: compact ? 0 : movesWidth.column, width: compact ? size.width : movesWidth.width,
      label: game.isFinished ? "The end" : model.session?.decider.map { "Your move, \($0)" } ?? "Your move")
    drawChoices(
      model, game: game,
      in: Rect(
        row: choicesArea.row + 1, column: movesWidth.column + ScreenLayout.moveListMargin,
        width: movesWidth.width - 2 * ScreenLayout.moveListMargin, height: choicesArea.height - 1),
      on: &canvas)
    let maxScroll = canvas.scrolled(lines, in: storyArea, scroll: model.narrativeScroll, statusRow: choicesArea.row)
    return Viewport(maxScroll: maxScroll, pageHeight: storyArea.height)
  }

  // MARK: - Header and footer

  static func drawHeader(_ model: AppModel, game: Playthrough, compact: Bool, on canvas: inout Canvas) {
    // While a move's result is open, the header still tells the turn it reports and who
    // decided it; the next turn and member show once it closes.
    var showingResult = false
    if case .result = model.screen { showingResult = game.states.count >= 2 }
    let state = showingResult ? game.states[game.states.count - 2] : game.state
    let ended = game.isFinished && !showingResult
    let total = game.scenario.turnsFrom[state.scene] + state.moves
    var right: [String] = []
    if !ended, let decider = model.session?.decider(ofMove: state.moves) {
      right.append("\(decider) decides")
    }
    right.append(
      ended
        ? "Ended after \(state.moves) turns" : compact ? "Turn \(state.turn)/\(total)" : "Turn \(state.turn) of \(total)")
    if let score = model.session?.quizScore { right.append("quiz \(score.right)/\(score.total)") }
    right.append("seed \(game.seed)")
    let brand = compact ? "" : "Overlap \(canvas.glyphs.pointer) "
    canvas.header(
      left: brand + game.scenario.title, right: right,
      keepingLeft: TextLayout.width(of: brand) + ScreenLayout.headerTitleWidth)
  }

  static func hints(count: Int, quiz: Bool, glyphs: Glyphs) -> [Canvas.Hint] {
    guard count > 0 else { return [Canvas.Hint(key: "q", label: "quit", priority: 0)] }
    return [
      Canvas.Hint(key: count > 1 ? "1-\(count)" : "1", label: "choose", priority: 0),
      Canvas.Hint(key: glyphs.upDown, label: "select", priority: 3),
      quiz
        ? Canvas.Hint(key: "l/m", label: "answer", priority: 3)
        : Canvas.Hint(key: glyphs.enterKey, label: "play", priority: 3),
      Canvas.Hint(key: "PgUp/PgDn", label: "scroll", priority: 6),
      Canvas.Hint(key: "h", label: "history", priority: 4),
      Canvas.Hint(key: "s", label: "save", priority: 2),
      quiz ? nil : Canvas.Hint(key: "l", label: "load", priority: 5),
      Canvas.Hint(key: "?", label: "help", priority: 1),
      Canvas.Hint(key: "Esc", label: "menu", priority: 7),
      Canvas.Hint(key: "q", label: "quit", priority: 0),
    ].compactMap { $0 }
  }

  // MARK: - Narrative

  static func narrative(_ game: Playthrough, width: Int, canvas: Canvas) -> [StyledLine] {
    let scene = game.scenario.scenes[game.state.scene]
    // The introduction has a screen of its own before the first move (BriefingScreen).
    var lines: [StyledLine] = []
    if let title = scene.title {
      lines += canvas.wrap(title, style: canvas.theme.title, width: width)
      lines.append(StyledLine())
    }
    lines += canvas.wrap(paragraphs: game.sceneText, width: width)
    return lines
  }

  // MARK: - Choices

  /// The lines of each offered move: wrapped whole, or cut to one line each except the
  /// selected one when they do not all fit in `room` rows.
  static func choiceBlocks(_ model: AppModel, game: Playthrough, room: Int, width: Int, canvas: Canvas)
    -> [[StyledLine]]
  {
    let legal = game.legalChoices
    let cursor = min(model.choiceCursor, max(0, legal.count - 1))
    let narrowTags = width < 56
    func block(_ number: Int, full: Bool) -> [StyledLine] {
      let choice = legal[number]
      let style = game.scenario.choices[choice].style
      let tag =
        narrowTags ? (style == .leader ? "L " : "M ") : style.rawValue.rightPadded(to: ScreenLayout.moveTagWidth)
      var prefix = [
        Span(number == cursor ? "\(canvas.glyphs.pointer) " : "  ", canvas.theme.key),
        Span("\(number + 1) ", canvas.theme.key),
      ]
      // A quiz asks for the style after the choice, so the list must not show it.
      if model.quiz == nil { prefix.append(Span(tag, canvas.theme.style(style))) }
      let indent = StyledLine(prefix).width
      let text = TextLayout.tidy(game.choiceText(choice))
      if full { return canvas.wrap(prefix + [Span(text)], width: width, hangingIndent: indent) }
      return [StyledLine(prefix + [Span(canvas.truncate(text, width: width - indent))])]
    }
    let full = legal.indices.map { block($0, full: true) }
    if full.reduce(0, { $0 + $1.count }) <= room { return full }
    let short = legal.indices.map { block($0, full: $0 == cursor) }
    if short.reduce(0, { $0 + $1.count }) <= room { return short }
    return legal.indices.map { block($0, full: false) }
  }

  static func drawnChoiceRows(_ model: AppModel, game: Playthrough, room: Int, width: Int, canvas: Canvas) -> Int {
    let listWidth = width - 2 * ScreenLayout.moveListMargin
    let blocks = choiceBlocks(model, game: game, room: room, width: listWidth, canvas: canvas)
    return min(room, blocks.reduce(0) { $0 + $1.count })
  }

  static func drawChoices(_ model: AppModel, game: Playthrough, in rect: Rect, on canvas: inout Canvas) {
    let blocks = choiceBlocks(model, game: game, room: rect.height, width: rect.width, canvas: canvas)
    guard !blocks.isEmpty else { return }
    let cursor = min(model.choiceCursor, max(0, blocks.count - 1))
    // When even one line per move does not fit, the list scrolls to keep the selection in view.
    var firstBlock = 0
    while blocks[firstBlock...cursor].reduce(0, { $0 + $1.count }) > rect.height && firstBlock < cursor {
      firstBlock += 1
    }
    var row = rect.row
    for (number, block) in blocks.enumerated().dropFirst(firstBlock) {
      guard row < rect.bottom else { break }
      let rows = min(block.count, rect.bottom - row)
      for (offset, line) in canvas.clipped(block, rows: rows, width: rect.width).enumerated() {
        canvas.line(line, row: row + offset, column: rect.column, width: rect.width)
      }
      let area = Rect(row: row, column: rect.column, width: rect.width, height: rows)
      if number == cursor {
        canvas.grid.restyle(area) { style in
          style.reverse = true
          style.bold = true
        }
      }
      canvas.hits.append(Hit(rect: area, action: .choice(number)))
      row += rows
    }
  }

  // MARK: - Meters

  static func meterHistory(_ game: Playthrough, _ meter: Meter) -> [Int] {
    game.states.map { $0.meter(meter) }
  }

  static func meterDelta(_ game: Playthrough, _ meter: Meter) -> Int {
    guard game.states.count >= 2 else { return 0 }
    return game.states[game.states.count - 1].meter(meter) - game.states[game.states.count - 2].meter(meter)
  }

  static func drawCompactMeters(_ game: Playthrough, in rect: Rect, on canvas: inout Canvas) {
    let glyphs = canvas.glyphs
    let theme = canvas.theme
    let nameWidth = rect.width >= 50 ? 11 : 4
    // Fixed, so the bars keep their width however long the history grows.
    let sparkWidth = rect.width >= 50 ? 12 : 0
    for (offset, meter) in Meter.allCases.enumerated() where offset < rect.height {
      let value = game.state.meter(meter)
      let delta = meterDelta(game, meter)
      let row = rect.row + offset
      let name = nameWidth > 4 ? meter.name.capitalized : String(meter.name.capitalized.prefix(3))
      canvas.text(name, row: row, column: rect.column, style: theme.title, width: nameWidth)
      let barWidth = max(4, rect.width - nameWidth - 9 - (sparkWidth > 0 ? sparkWidth + 1 : 0))
      var column = rect.column + nameWidth
      column += canvas.spans(
        MeterBar.spans(value: value, width: barWidth, glyphs: glyphs, theme: theme), row: row, column: column)
      column += canvas.text(" " + String(value).leftPadded(to: 3), row: row, column: column, style: theme.level(value))
      column += canvas.text(
        " " + Delta.text(delta, glyphs: glyphs).rightPadded(to: 4), row: row, column: column, style: theme.delta(delta))
      if sparkWidth > 0 {
        canvas.text(
          " " + Sparkline.text(meterHistory(game, meter), width: sparkWidth, glyphs: glyphs), row: row, column: column,
          style: theme.muted)
      }
    }
    if rect.height >= 4 {
      let state = game.state
      let label = "L\(state.leaderMoves) M\(state.managerMoves)"
      let trackWidth = max(3, min(30, rect.width - nameWidth - TextLayout.width(of: label) - 2))
      let row = rect.row + 3
      canvas.text("Style", row: row, column: rect.column, style: theme.title, width: nameWidth)
      var column = rect.column + nameWidth
      column += canvas.spans(
        BalanceGauge.track(
          leader: state.leaderMoves, manager: state.managerMoves, width: trackWidth, glyphs: glyphs, theme: theme),
        row: row, column: column)
      canvas.text(" " + label, row: row, column: column, style: theme.muted)
    }
  }

  // MARK: - Sidebar

  static func drawSidebar(_ game: Playthrough, in rect: Rect, on canvas: inout Canvas) {
    let spacious = sidebarLines(game, width: rect.width, spacious: true, canvas: canvas)
    // The spacious version only when it leaves room for the last move as well.
    var lines =
      spacious.count + (game.turns.isEmpty ? 0 : 3) <= rect.height
      ? spacious : sidebarLines(game, width: rect.width, spacious: false, canvas: canvas)
    lines += movesLines(game, width: rect.width, rows: rect.height - lines.count, canvas: canvas)
    for (offset, line) in canvas.clipped(lines, rows: rect.height, width: rect.width).enumerated() {
      canvas.line(line, row: rect.row + offset, column: rect.column, width: rect.width)
    }
  }

  /// The moves played, newest first, in `rows`: the last one whole (cut with an ellipsis if
  /// it must be), then older ones a line each. Nothing at all when not even a heading and
  /// one line fit, so the heading never stands alone.
  static func movesLines(_ game: Playthrough, width: Int, rows: Int, canvas: Canvas) -> [StyledLine] {
    let theme = canvas.theme
    guard rows >= 3, let last = game.lastReport else { return [] }
    var lines = [StyledLine()]
    let older = game.turns.count - 1
    let roomForOlder = rows - 2 - 2
    lines.append(StyledLine([Span(older > 0 && roomForOlder >= 2 ? "Your moves" : "Last move", theme.heading)]))
    let latest = canvas.wrap(
      [Span(last.style.rawValue + " ", theme.style(last.style)), Span(TextLayout.tidy(last.choiceText), theme.muted)],
      width: width, hangingIndent: 0)
    lines += canvas.clipped(latest, rows: rows - lines.count, width: width)
    // Older moves fill what room is left on a tall screen, one line each.
    for index in game.turns.indices.dropLast().reversed() where lines.count < rows {
      let report = game.report(index)
      let prefix = "\(report.turn)".leftPadded(to: 3) + " "
      let text = canvas.truncate(TextLayout.tidy(report.choiceText), width: width - prefix.count - 2)
      lines.append(
        StyledLine([Span(prefix, theme.muted), Span(report.style == .leader ? "L " : "M ", theme.style(report.style)), Span(text, theme.muted)]))
    }
    return lines
  }

  static func sidebarLines(_ game: Playthrough, width: Int, spacious: Bool, canvas: Canvas) -> [StyledLine] {
    let glyphs = canvas.glyphs
    let theme = canvas.theme
    let state = game.state
    var lines: [StyledLine] = []
    if spacious { lines.append(StyledLine()) }
    // A fixed share of the width, so the bars never shrink as the history grows.
    let sparkWidth = max(4, min(16, width / 3))
    for meter in Meter.allCases {
      let value = state.meter(meter)
      let delta = meterDelta(game, meter)
      lines.append(
        .justified(
          [Span(meter.name.capitalized, theme.title)],
          [
            Span(String(value), theme.level(value)),
            Span(" " + Delta.text(delta, glyphs: glyphs).rightPadded(to: 3), theme.delta(delta)),
          ],
          width: width))
      var bar = StyledLine(MeterBar.spans(value: value, width: width - sparkWidth - 1, glyphs: glyphs, theme: theme))
      bar.append(Span(" " + Sparkline.text(meterHistory(game, meter), width: sparkWidth, glyphs: glyphs), theme.muted))
      lines.append(bar)
      if spacious { lines.append(StyledLine()) }
    }
    // Variables the scenario shows, by their labels, under the meters.
    for gauge in game.scenario.gauges {
      let value = state.values[gauge]
      let delta = game.states.count > 1 ? value.saturatingSubtracting(game.states[game.states.count - 2].values[gauge]) : 0
      lines.append(
        .justified(
          [Span(game.scenario.values[gauge].label ?? "", theme.title)],
          [Span(String(value), theme.plain), Span(" " + Delta.text(delta, glyphs: glyphs).rightPadded(to: 3), theme.muted)],
          width: width))
    }
    if !spacious || !game.scenario.gauges.isEmpty { lines.append(StyledLine()) }
    lines.append(
      .justified(
        [Span("Leader", theme.style(.leader))], [Span("Manager", theme.style(.manager))], width: width))
    lines.append(
      StyledLine(
        BalanceGauge.track(
          leader: state.leaderMoves, manager: state.managerMoves, width: width, glyphs: glyphs, theme: theme)))
    lines.append(
      StyledLine([
        Span("\(state.leaderMoves) \(glyphs.dot) \(state.managerMoves)  ", theme.title),
        Span(BalanceGauge.verdict(leader: state.leaderMoves, manager: state.managerMoves), theme.muted),
      ]))
    if let style = state.lastStyle, state.streak >= 2 {
      lines += canvas.wrap(
        [
          Span("In a row: \(state.streak) \(style.rawValue) moves", theme.style(style)),
          Span(" (fade after \(game.scenario.balance.streak))", theme.muted),
        ],
        width: width)
    }
    if !state.pending.isEmpty {
      let count = state.pending.count
      lines += canvas.wrap("\(count) later effect\(count == 1 ? "" : "s") on the way", style: theme.note, width: width)
    }
    return lines
  }
}
