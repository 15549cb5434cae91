import OverlapEngine

extension Debrief {
  /// The debrief as one self-contained HTML page with inline CSS and SVG charts.
  public func html() -> String {
    HTMLPage.document(title: "Debrief: \(scenario.title)", body: htmlBody(title: "Debrief: \(scenario.title)"))
  }

  /// The page's content, also used for each run inside a class debrief.
  func htmlBody(title: String) -> String {
    let esc = HTMLPage.escape
    var html: [String] = []
    var meta = esc(headline(dot: "·"))
    if !members.isEmpty { meta += " · team: " + esc(members.map(\.name).joined(separator: ", ")) }
    html.append("<header><h1>\(esc(title))</h1><p class=\"meta\">\(meta)</p></header>")
    html.append(endingHTML())
    guard !turns.isEmpty else { return html.joined(separator: "\n") }

    let keyLegend =
      keyTurns.isEmpty
      ? "" : "<span><span class=\"chip\" style=\"background:#fff1c2\">&nbsp;&nbsp;</span> key turns</span>"
    html.append(
      """
      <div class="grid">
      <section class="card"><h3>Meters over \(Self.plural(turns.count, "turn"))</h3>
      \(DebriefSVG.legend(extra: keyLegend))
      \(DebriefSVG.meterChart(meters, keyTurns: keyTurns.map(\.turn)))
      </section>
      <section class="card"><h3>Leader and manager moves</h3>
      <p>\(esc(styleSummary))</p>
      \(DebriefSVG.styleChart(styles, dash: "–"))
      <p>By turn: \(HTMLPage.strip(turns))</p>
      \([streakLine, weakenedLine].compactMap { $0.map { "<p class=\"why\">\(esc($0))</p>" } }.joined(separator: "\n"))
      </section>
      </div>
      """)
    html.append(keyTurnsHTML())
    var lower = [
      """
      <section class="card"><h3>Lenses: which side of each contrast you played</h3>
      \(DebriefSVG.lensChart(lenses))
      </section>
      """
    ]
    if !landed.isEmpty {
      let items = landed.map { effect in
        var item = "<li><b>Turn \(effect.turn)</b>, from “\(esc(effect.fromTitle))” on turn \(effect.fromTurn)"
        if let text = effect.text { item += ": \(esc(text))" }
        if !effect.changes.isEmpty {
          item += " " + effect.changes.map { "\(esc($0.name)) \(HTMLPage.delta($0.delta))" }.joined(separator: ", ")
        }
        return item + "</li>"
      }
      lower.append(
        "<section class=\"card\"><h3>Delayed effects that landed</h3><ul class=\"plain\">\(items.joined())</ul></section>"
      )
    }
    if let quiz { lower.append(quizHTML(quiz)) }
    if !members.isEmpty { lower.append(membersHTML()) }
    html.append("<div class=\"grid\">\n" + lower.joined(separator: "\n") + "\n</div>")
    html.append(turnTableHTML())
    return html.joined(separator: "\n")
  }

  // MARK: - Sections

  func endingHTML() -> String {
    let esc = HTMLPage.escape
    guard let ending else {
      return """
        <section class="card ending"><h2>Not finished yet</h2>
        <p>The game stopped after \(Self.plural(turns.count, "turn")). Meters now: \(esc(finalMeters)).</p></section>
        """
    }
    var parts = ["<section class=\"card ending tone-\(ending.tone.rawValue)-edge\">"]
    parts.append("<h2>\(esc(ending.title)) \(HTMLPage.badge(ending.tone))</h2>")
    if let text = ending.text { parts.append(HTMLPage.paragraphs(text)) }
    if let debrief = ending.debrief {
      parts.append("<div class=\"lesson\"><b>What it means</b>\(HTMLPage.paragraphs(debrief))</div>")
    }
    var why = [endingReason, "Final meters: \(finalMeters)."].compactMap { $0 }
    why += unreached.map { "Not reached: " + Self.goalSentence($0) }
    parts.append(why.map { "<p class=\"why\">\(esc($0))</p>" }.joined(separator: "\n"))
    parts.append("</section>")
    return parts.joined(separator: "\n")
  }

  func keyTurnsHTML() -> String {
    guard !keyTurns.isEmpty else { return "" }
    let esc = HTMLPage.escape
    let cards = keyTurns.map { key in
      var card = ["<article class=\"card keyturn\">", "<div>"]
      card.append("<h3>Turn \(key.turn): \(esc(key.choiceText))</h3>")
      card.append("<p>\(HTMLPage.badge(key.style)) \(key.lens.map { esc($0.title) } ?? "")</p>")
      let shifts = key.shifts.filter { $0.delta != 0 }.map { "\($0.meter) \(HTMLPage.delta($0.delta))" }
      var movement = "\(shifts.joined(separator: ", ")): \(Self.plural(key.movement, "point"))"
      if key.later.isEmpty {
        movement += ", all at once."
      } else {
        let later = key.later.map { "\($0.meter) \(HTMLPage.delta($0.delta))" }.joined(separator: ", ")
        let when = key.landedOn.map(String.init).joined(separator: ", ")
        movement += ", of which \(later) landed later (\(key.landedOn.count == 1 ? "turn" : "turns") \(when))."
      }
      card.append("<p class=\"shift\">\(movement)</p>")
      if let note = key.note { card.append("<p class=\"note\"><b>Note:</b> \(esc(note))</p>") }
      card.append("</div>")
      if key.alternatives.isEmpty {
        card.append("<p class=\"alt muted\">No \(key.style.other.rawValue) move was offered at that moment.</p>")
      } else {
        let rows = key.alternatives.map { alternative in
          let yours = Self.meterValues(alternative.yours)
          let cells = Self.meterValues(alternative.meters).enumerated().map { index, meter in
            "<td class=\"num\">\(meter.value) \(HTMLPage.delta(meter.value - yours[index].value))</td>"
          }
          let badge = alternative.ending.map { HTMLPage.badge($0.tone) + " " } ?? ""
          let lead = outcomeLead(of: alternative).map { badge + esc($0) + " " } ?? ""
          return """
            <tr><td><b>\(esc(alternative.choiceText))</b><br><span class="muted">\(lead)Compared after turn \(alternative.comparedAfterTurn).</span></td>\(cells.joined())</tr>
            """
        }
        card.append(
          """
          <div class="alt"><table><thead><tr><th>With a \(key.style.other.rawValue) move instead</th><th class="num">Morale</th><th class="num">Efficiency</th><th class="num">Stability</th></tr></thead>
          <tbody>\(rows.joined(separator: "\n"))</tbody></table></div>
          """)
      }
      card.append("</article>")
      return card.joined(separator: "\n")
    }
    let heading = keyTurns.count == 1 ? "The turn that moved the meters most" : "The turns that moved the meters most"
    return """
      <h2>\(heading)</h2>
      <p class="estimate">\(esc(Self.alternativesIntro))</p>
      <div class="keyturns">
      \(cards.joined(separator: "\n"))
      </div>
      """
  }

  func quizHTML(_ quiz: Quiz) -> String {
    let missed =
      quiz.missed.isEmpty
      ? "" : "<p class=\"why\">Missed: \(HTMLPage.escape(quiz.missed.map(quizMiss).joined(separator: "; "))).</p>"
    return """
      <section class="card"><h3>Quiz</h3><p><b style="font-size:1.6rem">\(quiz.percent)%</b> \(quiz.right) of \(quiz.total) styles named correctly.</p>\(missed)</section>
      """
  }

  func membersHTML() -> String {
    let esc = HTMLPage.escape
    let hasQuiz = quiz != nil
    let rows = members.map { member in
      let quiz = hasQuiz ? "<td class=\"num\">\(member.quizRight ?? 0) of \(member.turns.count)</td>" : ""
      return """
        <tr><td><b>\(esc(member.name))</b></td><td>\(member.turns.map(String.init).joined(separator: ", "))</td>\
        <td>\(HTMLPage.shareBar(leader: member.leader, manager: member.manager))</td>\(quiz)</tr>
        """
    }
    return """
      <section class="card"><h3>Team members</h3><table><thead><tr><th>Member</th><th>Turns</th><th>Leader / manager</th>\
      \(hasQuiz ? "<th class=\"num\">Quiz</th>" : "")</tr></thead><tbody>\(rows.joined())</tbody></table></section>
      """
  }

  func turnTableHTML() -> String {
    let esc = HTMLPage.escape
    let hasPlayers = turns.contains { $0.player != nil }
    let hasQuiz = quiz != nil
    let rows = turns.map { turn in
      var row =
        "<tr><td class=\"num\">\(turn.number)</td><td class=\"move\">\(esc(turn.choiceText)) <code>\(esc(turn.choice))</code>"
      if let note = turn.note { row += "<br><span class=\"muted\">\(esc(note))</span>" }
      row += "</td><td class=\"nowrap\">\(HTMLPage.badge(turn.style))"
      if turn.strength < 100 { row += " <span class=\"muted\">\(turn.strength)%</span>" }
      row += "</td><td class=\"nowrap\">\(turn.lens.map { esc($0.title) } ?? "")</td>"
      row += [turn.meters.morale, turn.meters.efficiency, turn.meters.stability].map { "<td class=\"num\">\($0)</td>" }
        .joined()
      if hasPlayers { row += "<td>\(esc(turn.player ?? ""))</td>" }
      if hasQuiz {
        let guess = turn.guess.map { $0 == turn.style ? "\($0.rawValue) ✓" : "\($0.rawValue) ✗" } ?? "–"
        row += "<td class=\"nowrap\">\(guess)</td>"
      }
      return row + "</tr>"
    }
    var header = "<th class=\"num\">#</th><th>Move and note</th><th>Style</th><th>Lens</th>"
    header += "<th class=\"num\">Morale</th><th class=\"num\">Efficiency</th><th class=\"num\">Stability</th>"
    if hasPlayers { header += "<th>Player</th>" }
    if hasQuiz { header += "<th>Guess</th>" }
    return """
      <h2>Turn by turn</h2>
      <div class="scroll"><table><thead><tr>\(header)</tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody></table></div>
      """
  }
}
