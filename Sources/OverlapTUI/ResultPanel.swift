import OverlapEngine
import OverlapLab
import OverlapText

/// What the last move did, in a box over the game screen; any key continues.
enum ResultPanel {
  /// In a quiz, what the player said and the score so far.
  struct QuizAnswer {
    var guess: Style?
    var score: Debrief.Quiz
  }

  /// The last move of `game`.
  static func draw(game: Playthrough, quiz: QuizAnswer?, scroll: Int, on canvas: inout Canvas) -> Viewport {
    guard let report = game.lastReport else { return Viewport() }
    let width = canvas.panelWidth(78)
    var lines: [StyledLine] = []
    if let quiz { lines += verdict(quiz, style: report.style, width: width - 4, canvas: canvas) }
    lines += content(report, of: game, width: width - 4, canvas: canvas)
    return canvas.panel(
      title: "Turn \(report.turn) \(canvas.glyphs.dot) what happened", lines: lines, width: width, scroll: scroll)
  }

  /// Right or wrong, the answer, and the running score.
  static func verdict(_ quiz: QuizAnswer, style: Style, width: Int, canvas: Canvas) -> [StyledLine] {
    let theme = canvas.theme
    let said: Span =
      switch quiz.guess {
      case style?: Span("Right! ", theme.success)
      case let other?: Span("Not quite: you said \(other.rawValue). ", theme.error)
      case nil: Span("Not answered. ", theme.error)
      }
    var lines = canvas.wrap(
      [said, Span("It was a \(style.rawValue) move.", theme.title)], width: width, hangingIndent: 2)
    lines += canvas.wrap(
      "Quiz score: \(quiz.score.right) of \(quiz.score.total)", style: theme.muted, width: width)
    lines.append(StyledLine())
    return lines
  }

  static func content(_ report: TurnReport, of game: Playthrough, width: Int, canvas: Canvas) -> [StyledLine] {
    let index = report.turn - 1
    let theme = canvas.theme
    let glyphs = canvas.glyphs
    var lines: [StyledLine] = []
    lines += canvas.wrap(
      [Span("You chose: ", theme.muted), Span(TextLayout.tidy(report.choiceText), theme.title)], width: width,
      hangingIndent: 2)
    var kind = [Span(" \(report.style.rawValue) move ", theme.style(report.style).with { $0.reverse = true })]
    if let lens = report.lens {
      kind.append(Span("  lens \(lens.title): the \(lens.side(for: report.style)) side", theme.muted))
    }
    lines += canvas.wrap(kind, width: width, hangingIndent: 2)
    if report.strength < 100 {
      lines += canvas.wrap(
        "Too many \(report.style.rawValue) moves in a row: this one kept only \(report.strength)% of its gains.",
        style: theme.error, width: width)
    }
    if let outcome = report.outcome {
      lines.append(StyledLine())
      lines += canvas.wrap(paragraphs: outcome, width: width)
    }
    for (roll, risk) in zip(report.rolls, game.missedChances(index)) {
      var spans = [
        Span("Chance \(roll.percent)%: ", theme.muted),
        Span(roll.hit ? "it happened" : "it did not happen", theme.title),
      ]
      if let text = roll.text {
        spans.append(Span(". " + TextLayout.tidy(text)))
      } else if let risk {
        // Without a `miss` text, say what was avoided (or missed out on).
        spans += [Span(", so this was spared: ", theme.muted), Span(risk)]
      }
      lines += canvas.wrap(spans, width: width, hangingIndent: 2)
    }
    if let pick = report.pick {
      lines += canvas.wrap(
        [
          Span("One of \(pick.of) outcomes, \(pick.percent)% likely: ", theme.muted),
          pick.text.map { Span(TextLayout.tidy($0)) } ?? Span("outcome \(pick.outcome) happened", theme.title),
        ], width: width, hangingIndent: 2)
    }

    // Hidden variables never reach the player; shown ones go by their labels.
    let shown = report.changes.compactMap { change in game.scenario.playerName(of: change.name).map { ($0, change) } }
    if !shown.isEmpty {
      lines.append(StyledLine())
      lines.append(StyledLine([Span("This turn", theme.heading)]))
      let nameWidth = min(26, (shown.map { TextLayout.width(of: $0.0) }.max() ?? 0) + 2)
      for (name, change) in shown {
        // Only meters have a good direction; a variable's change is just information.
        let isMeter = Meter.allCases.contains { $0.name == change.name }
        lines.append(
          StyledLine([
            Span(name.rightPadded(to: nameWidth), theme.title),
            Span(String(change.before).leftPadded(to: 3) + " \(glyphs.arrow) ", theme.muted),
            Span(String(change.after).leftPadded(to: 3), isMeter ? theme.level(change.after) : theme.plain),
            Span("  " + Delta.signed(change.delta), isMeter ? theme.delta(change.delta) : theme.muted),
          ]))
      }
    } else {
      lines.append(StyledLine())
      lines.append(StyledLine([Span("No meter moved this turn.", theme.muted)]))
    }

    // The table above already holds what landed effects and events changed.
    for (landed, source) in zip(report.landed, game.landedSources(index)) {
      lines.append(StyledLine())
      lines += canvas.wrap(
        [
          Span("Landed now: ", theme.note), Span(landed.text.map(TextLayout.tidy) ?? "an earlier effect"),
          Span(" (from turn \(landed.playedOnTurn): \(source))", theme.muted),
        ], width: width, hangingIndent: 2)
    }
    for event in report.events {
      lines.append(StyledLine())
      var spans = [Span("Event: ", theme.error), Span(event.title, theme.title)]
      if let text = event.text { spans.append(Span(". " + TextLayout.tidy(text))) }
      lines += canvas.wrap(spans, width: width, hangingIndent: 2)
    }
    if !report.scheduled.isEmpty {
      lines.append(StyledLine())
      for scheduled in report.scheduled {
        let effects = scheduled.effects.sorted { $0.key < $1.key }.map { "\($0.key) \(Delta.signed($0.value))" }.joined(
          separator: ", ")
        let strength = scheduled.strength < 100 ? " at \(scheduled.strength)%" : ""
        lines += canvas.wrap(
          [
            Span("Later: ", theme.note), Span(effects),
            Span(" lands at the end of turn \(scheduled.turn)\(strength)", theme.muted),
          ],
          width: width, hangingIndent: 2)
      }
    }
    if let note = report.note {
      lines.append(StyledLine())
      lines.append(StyledLine([Span("Why it matters", theme.heading)]))
      lines += canvas.wrap(paragraphs: note, style: theme.note, width: width)
    }
    if let ending = report.ending {
      lines.append(StyledLine())
      lines += canvas.wrap(
        [Span("The story ends: ", theme.title), Span(" \(ending.title) ", theme.tone(ending.tone))], width: width)
    }
    return lines
  }

}
