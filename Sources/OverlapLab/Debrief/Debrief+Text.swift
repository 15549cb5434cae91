import OverlapEngine
import OverlapText

extension Debrief {
  /// The debrief as styled terminal lines, none wider than `width` (at least 40).
  ///
  /// - Parameter unicode: braille charts and box drawing; false gives plain ASCII for
  ///   terminals whose locale is not UTF-8.
  public func lines(width: Int = 80, unicode: Bool = true) -> [StyledLine] {
    var page = TerminalPage(width: width, unicode: unicode)
    write(to: &page)
    return page.lines
  }

  func write(to page: inout TerminalPage) {
    writeHeader(&page)
    writeEnding(&page)
    writeMeters(&page)
    writeStyles(&page)
    writeLenses(&page)
    writeKeyTurns(&page)
    writeLanded(&page)
    writeQuiz(&page)
    writeMembers(&page)
    writeTurns(&page)
  }

  // MARK: - Sections

  func writeHeader(_ page: inout TerminalPage) {
    page.paragraph("Debrief: \(scenario.title)", indent: 0, paints: [.bold])
    page.paragraph(headline(dot: page.dot), indent: 0, paints: [.dim])
    if !members.isEmpty { page.paragraph("Team: " + members.map(\.name).joined(separator: ", "), indent: 0) }
    page.line([page.paint(page.rule, .dim)])
  }

  func writeEnding(_ page: inout TerminalPage) {
    guard let ending else {
      page.heading("Not finished yet")
      page.paragraph("The game stopped after \(Self.plural(turns.count, "turn")). Meters now: \(finalMeters).")
      return
    }
    page.heading("Ending: \(ending.title) [\(ending.tone.rawValue)]")
    if let text = ending.text { page.paragraph(text) }
    if let debrief = ending.debrief {
      page.blank()
      page.paragraph(debrief, lead: [page.paint("What it means: ", .bold)])
    }
    page.blank()
    if let reason = endingReason { page.paragraph(reason) }
    page.paragraph("Final meters: \(finalMeters).")
    for goal in unreached { page.paragraph("Not reached: " + Self.goalSentence(goal)) }
  }

  func writeMeters(_ page: inout TerminalPage) {
    guard !turns.isEmpty else { return }
    let range = MeterChart.range(of: meters.flatMap(\.values))
    page.heading(
      "Meters over \(Self.plural(turns.count, "turn")) (all three on one scale, \(range.lowerBound) to \(range.upperBound))"
    )
    let labelWidth = 12
    let scaleWidth = 4
    let height = 4
    // The axis labels run two columns past the chart, then "  turn".
    let available = page.width - 2 - labelWidth - scaleWidth - 1 - 9
    let chartWidth = max(8, min(available, max(24, turns.count * 8)))
    for line in meters {
      let chart = MeterChart.lines(line.values, range: range, width: chartWidth, height: height, unicode: page.unicode)
      let change = line.end - line.start
      let labels = [
        page.paint(page.pad(line.meter.capitalized, labelWidth), .bold),
        Span(page.pad("\(line.start) \(page.arrow) \(line.end)", labelWidth)),
        page.paint(page.pad(Self.signed(change), labelWidth), change > 0 ? .green : change < 0 ? .red : .dim),
      ]
      for (row, cells) in chart.enumerated() {
        let label = row < labels.count ? labels[row] : Span(String(repeating: " ", count: labelWidth))
        let scale = row == 0 ? String(range.upperBound) : row == height - 1 ? String(range.lowerBound) : ""
        page.line([
          "  ", label, page.paint(page.padLeft(scale, scaleWidth - 1), .dim), Span(" " + (page.unicode ? "│" : "|")),
          Span(cells),
        ])
      }
    }
    let axis = turnAxis(width: chartWidth, unicode: page.unicode)
    let indent = String(repeating: " ", count: 2 + labelWidth + scaleWidth)
    page.line(indent + axis.line)
    page.line(indent + " " + axis.labels + "  turn")
  }

  /// The x axis under the charts: a tick and a number at each turn that has room.
  func turnAxis(width: Int, unicode: Bool) -> (line: String, labels: String) {
    let points = turns.count + 1
    let columns = (0..<points).map { point in
      unicode
        ? MeterChart.position(of: point, count: points, columns: width * 2) / 2
        : MeterChart.position(of: point, count: points, columns: width)
    }
    let last = points - 1
    // Room for the widest number and a space between labels; the last may run past the axis.
    let digits = max(2, String(last).count)
    let spacing = Double(width - 1) / Double(max(1, points - 1))
    let step = max(1, Int((Double(digits + 1) / max(spacing, 0.1)).rounded(.up)))
    var labelled = Array(stride(from: 0, to: last, by: step)).filter { columns[$0] + String($0).count < columns[last] }
    labelled.append(last)
    var line = Array(repeating: Character(unicode ? "─" : "-"), count: width)
    var labels = Array(repeating: Character(" "), count: width + digits)
    for point in labelled {
      line[columns[point]] = unicode ? "┬" : "|"
      for (offset, character) in String(point).enumerated() { labels[columns[point] + offset] = character }
    }
    while labels.last == " " { labels.removeLast() }
    return ((unicode ? "└" : "+") + String(line), String(labels))
  }

  func writeStyles(_ page: inout TerminalPage) {
    page.heading("Leader and manager moves")
    page.paragraph(styleSummary)
    guard styles.total > 0 else { return }
    let barWidth = max(10, min(30, page.width - 30))
    for (style, count, share) in [
      (Style.leader, styles.leader, styles.leaderShare), (.manager, styles.manager, styles.managerShare),
    ] {
      page.line([
        "  ", page.paint(page.pad(style.rawValue.capitalized, 9), Self.paint(style), .bold),
        page.paint(page.bar(count, of: styles.total, width: barWidth), Self.paint(style)),
        Span(" \(count) (\(share)%)"),
      ])
    }
    let letters = turns.map { page.paint($0.style == .leader ? "L" : "M", Self.paint($0.style)) }
    let perLine = max(1, (page.width - 11) / 2)
    for start in stride(from: 0, to: letters.count, by: perLine) {
      let label = start == 0 ? page.pad("By turn", 9) : String(repeating: " ", count: 9)
      let row = letters[start..<min(letters.count, start + perLine)]
      let spaced = row.enumerated().flatMap { $0.offset == 0 ? [$0.element] : [Span(" "), $0.element] }
      page.line([Span("  " + label)] + spaced)
    }
    if styles.phases.count > 1 {
      for phase in styles.phases { page.paragraph(Self.phaseLine(phase, dash: page.dash), indent: 4) }
    }
    if let streakLine { page.paragraph(streakLine) }
    if let weakenedLine { page.paragraph(weakenedLine) }
  }

  func writeLenses(_ page: inout TerminalPage) {
    guard styles.total > 0 else { return }
    page.heading("Lenses: which side of each contrast you played")
    let most = max(1, lenses.map { max($0.leader, $0.manager) }.max() ?? 1)
    let sideWidth = min(16, lenses.map { $0.lens.side(for: .leader).count }.max() ?? 10)
    let otherWidth = lenses.map { $0.lens.side(for: .manager).count }.max() ?? 10
    let barWidth = max(1, min(8, (page.width - 13 - sideWidth - otherWidth) / 2))
    page.line(
      "  " + page.padLeft("leader side", sideWidth + 4 + barWidth) + (page.unicode ? " │ " : " | ") + "manager side")
    for use in lenses {
      let left = String(repeating: page.fullBlock, count: use.leader == 0 ? 0 : max(1, use.leader * barWidth / most))
      let right = String(repeating: page.fullBlock, count: use.manager == 0 ? 0 : max(1, use.manager * barWidth / most))
      page.line([
        Span(
          "  " + page.padLeft(page.fit(use.lens.side(for: .leader), sideWidth), sideWidth) + " "
            + page.padLeft(String(use.leader), 2) + " "),
        page.paint(page.padLeft(left, barWidth), Self.paint(.leader)),
        Span(page.unicode ? " │ " : " | "),
        page.paint(page.pad(right, barWidth), Self.paint(.manager)),
        Span(" " + page.pad(String(use.manager), 2) + " " + use.lens.side(for: .manager)),
      ])
    }
    let unused = lenses.filter { $0.leader + $0.manager == 0 }.map { $0.lens.title }
    if !unused.isEmpty {
      page.paragraph("No move of yours turned on \(unused.joined(separator: ", ")).")
    }
  }

  func writeKeyTurns(_ page: inout TerminalPage) {
    guard !keyTurns.isEmpty else { return }
    page.heading(keyTurns.count == 1 ? "The turn that moved the meters most" : "The turns that moved the meters most")
    page.paragraph(Self.alternativesIntro, paints: [.dim])
    for key in keyTurns {
      page.blank()
      let lens = key.lens.map { ", \($0.title)" } ?? ""
      page.paragraph(
        "Turn \(key.turn) \(page.dot) \(key.choiceText) (\(key.style.rawValue)\(lens))", paints: [.bold])
      page.paragraph(Self.movementLine(key), indent: 4)
      if let note = key.note { page.paragraph(note, indent: 4, lead: [page.paint("Note: ", .bold)]) }
      if key.alternatives.isEmpty {
        page.paragraph("No \(key.style.other.rawValue) move was offered at that moment.", indent: 4)
      } else {
        page.paragraph("With a \(key.style.other.rawValue) move instead:", indent: 4)
      }
      for alternative in key.alternatives {
        let bullet = page.bullet + " "
        page.paragraph(alternative.choiceText, indent: 6, lead: [Span(bullet)], hang: bullet.count)
        page.paragraph(
          outcome(of: alternative), indent: 6 + bullet.count, lead: [Span(page.arrow + " ")],
          hang: page.arrow.count + 1)
      }
    }
  }

  func writeLanded(_ page: inout TerminalPage) {
    guard !landed.isEmpty else { return }
    page.heading("Delayed effects that landed")
    for effect in landed {
      var sentence = "Turn \(effect.turn), from “\(effect.fromTitle)” on turn \(effect.fromTurn)"
      if let text = effect.text { sentence += ": \(text)" }
      if !effect.changes.isEmpty { sentence += " (\(Self.changeList(effect.changes)))" }
      page.paragraph(sentence, indent: 2, lead: [Span(page.bullet + " ")], hang: page.bullet.count + 1)
    }
  }

  func writeQuiz(_ page: inout TerminalPage) {
    guard let quiz else { return }
    page.heading("Quiz")
    page.paragraph(quiz.summary)
    if !quiz.missed.isEmpty { page.paragraph("Missed: " + quiz.missed.map(quizMiss).joined(separator: "; ") + ".") }
  }

  func writeMembers(_ page: inout TerminalPage) {
    guard !members.isEmpty else { return }
    page.heading("Team members")
    let nameWidth = min(16, members.map(\.name.count).max() ?? 0)
    for member in members {
      var parts = [Self.turnList(member.turns), "\(member.leader) leader, \(member.manager) manager"]
      if let right = member.quizRight { parts.append("quiz \(right) of \(member.turns.count)") }
      let name = page.pad(page.fit(member.name, nameWidth), nameWidth) + "  "
      page.paragraph(parts.joined(separator: " \(page.dot) "), lead: [page.paint(name, .bold)], hang: nameWidth + 2)
    }
  }

  func writeTurns(_ page: inout TerminalPage) {
    guard !turns.isEmpty else { return }
    page.heading("Turn by turn")
    let hasQuiz = quiz != nil
    // Columns that always show: number, move, style, meters, and the quiz mark.
    let fixed = 2 + 3 + 1 + 9 + 12 + (hasQuiz ? 6 : 0)
    let moveWidth = max(6, min(28, turns.map(\.choiceText.count).max() ?? 6, page.width - fixed))
    var room = page.width - fixed - moveWidth
    let wantsPlayers = turns.contains { $0.player != nil }
    let playerWidth = min(10, max(6, turns.compactMap { $0.player?.count }.max() ?? 0))
    let hasPlayers = wantsPlayers && room >= playerWidth + 1
    if hasPlayers { room -= playerWidth + 1 }
    let lensWidth = min(22, turns.compactMap { $0.lens?.title.count }.max() ?? 0)
    let showLens = lensWidth > 0 && room >= lensWidth + 1
    var header = "  " + page.padLeft("#", 2) + " " + page.pad("move", moveWidth) + " " + page.pad("style", 9)
    if showLens { header += page.pad("lens", lensWidth) + " " }
    header += " mor eff sta"
    if hasPlayers { header += " " + page.pad("player", playerWidth) }
    if hasQuiz { header += "  quiz" }
    page.line([page.paint(header, .dim)])
    for turn in turns {
      let style = turn.style.rawValue + (turn.strength < 100 ? "*" : "")
      var row: [Span] = [
        Span(
          "  " + page.padLeft(String(turn.number), 2) + " " + page.pad(page.fit(turn.choiceText, moveWidth), moveWidth)
            + " "),
        page.paint(page.pad(style, 9), Self.paint(turn.style)),
      ]
      var rest = ""
      if showLens { rest += page.pad(page.fit(turn.lens?.title ?? "", lensWidth), lensWidth) + " " }
      rest += [turn.meters.morale, turn.meters.efficiency, turn.meters.stability].map { page.padLeft(String($0), 4) }
        .joined()
      if hasPlayers { rest += " " + page.pad(page.fit(turn.player ?? "", playerWidth), playerWidth) }
      row.append(Span(rest))
      if hasQuiz {
        let mark = turn.guess == nil ? "-" : turn.guess == turn.style ? page.tick : page.cross
        row += ["  ", page.paint(mark, turn.guess == turn.style ? .green : .red)]
      }
      page.line(row)
    }
    if !styles.weakened.isEmpty {
      page.paragraph("* played at reduced strength under the balance rule.", paints: [.dim])
    }
  }

  // MARK: - Colours

  static func paint(_ style: Style) -> TerminalPage.Paint { style == .leader ? .magenta : .cyan }

  static func paint(_ tone: Tone) -> TerminalPage.Paint {
    switch tone {
    case .success: .green
    case .mixed: .yellow
    case .failure: .red
    }
  }
}
