import OverlapEngine

extension ClassDebrief {
  /// The class comparison as one self-contained HTML page, each run's own debrief
  /// following on a page of its own when printed.
  public func html() -> String {
    let title = groups.count == 1 ? "Class debrief: \(groups.first?.scenario.title ?? "")" : "Class debrief"
    var body: [String] = []
    if groups.count > 1 {
      body.append(
        "<header><h1>Class debrief</h1><p class=\"meta\">Saves from \(groups.count) scenarios; each scenario's runs are compared with each other.</p></header>"
      )
    }
    body += groups.map { $0.htmlBody(standalone: groups.count == 1) }
    return HTMLPage.document(title: title, body: body.joined(separator: "\n"))
  }
}

extension ClassDebrief.Group {
  func htmlBody(standalone: Bool) -> String {
    let esc = HTMLPage.escape
    var html: [String] = ["<section class=\"group\">"]
    let title = standalone ? "Class debrief: \(scenario.title)" : "Scenario: \(scenario.title)"
    html.append(
      "<header><h1>\(esc(title))</h1><p class=\"meta\">\(esc("\(Debrief.plural(runs.count, "run")) · \(seedNote)"))</p></header>"
    )
    html.append(runTableHTML())
    html.append(
      """
      <div class="grid">
      <section class="card"><h3>Endings</h3>\(endingsHTML())</section>
      <section class="card"><h3>Where each run finished</h3>\(DebriefSVG.legend())\(DebriefSVG.finishChart(runs))</section>
      </div>
      """)
    html.append(turnsHTML())
    for run in runs {
      html.append(
        "<section class=\"run\">\n\(run.htmlBody(title: "\(run.label): \(run.ending?.title ?? "not finished")"))\n</section>"
      )
    }
    html.append("</section>")
    return html.joined(separator: "\n")
  }

  func runTableHTML() -> String {
    let esc = HTMLPage.escape
    let rows = runs.map { run in
      let members =
        run.members.isEmpty
        ? "" : "<br><span class=\"muted\">\(esc(run.members.map(\.name).joined(separator: ", ")))</span>"
      let ending =
        run.ending.map { "\(HTMLPage.badge($0.tone)) \(esc($0.title))" } ?? "<span class=\"muted\">not finished</span>"
      let meters = run.meters.map { line in
        let level = line.end < 30 ? "low" : line.end < 60 ? "mid" : "high"
        return """
          <td class="num"><span class="meter-cell">\(line.end)<span class="meter-bar"><span class="\(level)" style="width:\(line.end)%"></span></span></span></td>
          """
      }
      let quiz = hasQuiz ? "<td class=\"num\">\(run.quiz.map { "\($0.percent)%" } ?? "–")</td>" : ""
      return """
        <tr><td><b>\(esc(run.label))</b>\(members)</td><td>\(ending)</td>\(meters.joined())\
        <td class="nowrap">\(HTMLPage.shareBar(leader: run.styles.leader, manager: run.styles.manager))</td>\(quiz)\
        <td>\(HTMLPage.strip(run.turns))</td></tr>
        """
    }
    let quizHeader = hasQuiz ? "<th class=\"num\">Quiz</th>" : ""
    return """
      <h2>Runs</h2>
      <div class="scroll"><table><thead><tr><th>Team / player</th><th>Ending</th><th class="num">Morale</th><th class="num">Efficiency</th>\
      <th class="num">Stability</th><th>Leader / manager</th>\(quizHeader)<th>By turn</th></tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody></table></div>
      """
  }

  func endingsHTML() -> String {
    let esc = HTMLPage.escape
    let rows = endings.map { ending in
      let share = runs.isEmpty ? 0 : ending.runs.count * 100 / runs.count
      let who = ending.runs.map { "<span class=\"chip\">\(esc($0))</span>" }.joined(separator: " ")
      return """
        <div class="ending-row"><div class="ending-head">\(HTMLPage.badge(ending.tone)) <b>\(esc(ending.title))</b>\
        <span class="count">\(ending.runs.count)</span></div>\
        <span class="ending-bar"><span class="tone-\(ending.tone.rawValue)" style="width:\(share)%"></span></span>\
        <span class="chips">\(who)</span></div>
        """
    }
    let unfinished =
      unfinished.isEmpty
      ? "" : "<p class=\"why\">Not finished: \(esc(unfinished.joined(separator: ", "))).</p>"
    return rows.joined(separator: "\n") + unfinished
  }

  func turnsHTML() -> String {
    guard !turns.isEmpty else { return "" }
    let esc = HTMLPage.escape
    let rows = turns.map { turn in
      let scenes = Set(turn.picks.map(\.scene))
      let scene =
        scenes.count == 1
        ? turn.picks.first.map { esc($0.sceneTitle ?? $0.scene) } ?? "" : "<span class=\"muted\">paths differ</span>"
      let picks = turn.picks.map { pick in
        let who = pick.runs.map { "<span class=\"chip\">\(esc($0))</span>" }.joined(separator: " ")
        return """
          <div class="pick"><span>\(HTMLPage.badge(pick.style))</span><span>\(esc(pick.choiceText)) \
          <span class="chips" style="display:inline-flex">\(who)</span></span></div>
          """
      }
      return
        "<tr><td class=\"num\"><b>\(turn.turn)</b></td><td style=\"width:18%\">\(scene)</td><td>\(picks.joined())</td></tr>"
    }
    return """
      <h2>Turn by turn: who chose what</h2>
      <table class="picks"><thead><tr><th class="num">Turn</th><th>Scene</th><th>Moves chosen, and by whom</th></tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody></table>
      """
  }
}
