import OverlapEngine
import OverlapText

extension ClassDebrief {
  /// The class comparison as styled terminal lines, none wider than `width` (at least 40).
  /// Each run's own debrief is left to `overlap debrief SAVE`, to keep this to a screen or two.
  public func lines(width: Int = 80, unicode: Bool = true) -> [StyledLine] {
    var page = TerminalPage(width: width, unicode: unicode)
    if groups.count > 1 {
      page.paragraph(
        "Class debrief: saves from \(groups.count) scenarios, each compared with its own.", indent: 0, paints: [.bold])
      page.blank()
    }
    for group in groups {
      group.write(to: &page, heading: groups.count == 1 ? "Class debrief" : "Scenario")
      page.blank()
    }
    return page.lines
  }
}

extension ClassDebrief.Group {
  func write(to page: inout TerminalPage, heading: String) {
    page.paragraph("\(heading): \(scenario.title) (\(scenario.id))", indent: 0, paints: [.bold])
    page.paragraph("\(Debrief.plural(runs.count, "run")) \(page.dot) \(seedNote)", indent: 0, paints: [.dim])
    page.line([page.paint(page.rule, .dim)])
    writeTable(&page)
    writeEndings(&page)
    writeTurns(&page)
  }

  /// "seed 7: every run met the same chances" or a warning that seeds differ.
  var seedNote: String {
    if seeds.count == 1, let seed = seeds.first { return "seed \(seed): every run faced the same chances" }
    return "seeds \(seeds.map(String.init).joined(separator: ", ")): chance events may differ between runs"
  }

  var hasQuiz: Bool { runs.contains { $0.quiz != nil } }

  /// "team-a (Ann, Bo)".
  static func who(_ run: Debrief) -> String {
    run.members.isEmpty ? run.label : "\(run.label) (\(run.members.map(\.name).joined(separator: ", ")))"
  }

  func writeTable(_ page: inout TerminalPage) {
    page.heading("Runs")
    let quizWidth = hasQuiz ? 6 : 0
    let fixed = 2 + 1 + 8 + 12 + 7 + quizWidth
    let available = page.width - fixed
    var nameWidth = min(24, max(13, runs.map { Self.who($0).count }.max() ?? 0))
    var endingWidth = min(24, max(8, runs.compactMap { $0.ending?.title.count }.max() ?? 0) + 2)
    while nameWidth + endingWidth > available && nameWidth + endingWidth > 25 {
      if nameWidth >= endingWidth { nameWidth -= 1 } else { endingWidth -= 1 }
    }
    guard nameWidth + endingWidth <= available else {
      // Too narrow for a table: two lines per run.
      for run in runs {
        let ending = run.ending.map { "\($0.title) [\($0.tone.rawValue)]" } ?? "not finished"
        page.paragraph("\(Self.who(run)): \(ending)", paints: [.bold])
        var numbers = run.meters.map { "\($0.meter) \($0.end)" } + ["leader \(run.styles.leaderShare)%"]
        if let quiz = run.quiz { numbers.append("quiz \(quiz.percent)%") }
        page.paragraph(numbers.joined(separator: " \(page.dot) "), indent: 4)
      }
      return
    }
    var header =
      "  " + page.pad("team / player", nameWidth) + " " + page.pad("ending", endingWidth) + page.pad("tone", 8)
    header += " mor eff sta" + page.padLeft("leader", 7)
    if hasQuiz { header += page.padLeft("quiz", quizWidth) }
    page.line([page.paint(header, .dim)])
    for run in runs {
      let name = "  " + page.pad(page.fit(Self.who(run), nameWidth), nameWidth) + " "
      let ending = page.pad(page.fit(run.ending?.title ?? "(not finished)", endingWidth - 1), endingWidth)
      let tone = run.ending?.tone
      var numbers = run.meters.map { page.padLeft(String($0.end), 4) }.joined()
      numbers += page.padLeft("\(run.styles.leaderShare)%", 7)
      if hasQuiz { numbers += page.padLeft(run.quiz.map { "\($0.percent)%" } ?? "-", quizWidth) }
      let toneCell = tone.map { page.paint(page.pad($0.rawValue, 8), Debrief.paint($0)) } ?? Span(page.pad("", 8))
      page.line([Span(name + ending), toneCell, Span(numbers)])
    }
    page.paragraph("leader: the share of leader moves; the rest were manager moves.", paints: [.dim])
  }

  func writeEndings(_ page: inout TerminalPage) {
    page.heading("Endings")
    let titleWidth = min(28, page.width / 3, endings.map(\.title.count).max() ?? 8)
    let barWidth = page.width >= 60 ? 10 : 4
    let leadWidth = 2 + titleWidth + 1 + 8 + barWidth + 3 + 2
    // Names follow on the same line when there is room for them, else on the next.
    let inline = page.width - leadWidth >= 20
    for ending in endings {
      let lead = [
        Span("  " + page.pad(page.fit(ending.title, titleWidth), titleWidth) + " "),
        page.paint(page.pad(ending.tone.rawValue, 8), Debrief.paint(ending.tone)),
        Span(
          page.bar(ending.runs.count, of: runs.count, width: barWidth) + page.padLeft(String(ending.runs.count), 3)
            + "  "),
      ]
      let names = ending.runs.joined(separator: ", ")
      if inline {
        page.paragraph(names, indent: 0, lead: lead, hang: leadWidth)
      } else {
        page.line(lead)
        if !names.isEmpty { page.paragraph(names, indent: 4) }
      }
    }
    if !unfinished.isEmpty { page.paragraph("Not finished: " + unfinished.joined(separator: ", ") + ".") }
  }

  func writeTurns(_ page: inout TerminalPage) {
    guard !turns.isEmpty else { return }
    page.heading("Turn by turn: who chose what")
    for turn in turns {
      let scenes = Set(turn.picks.map(\.scene))
      let title =
        scenes.count == 1
        ? turn.picks.first.map { " \(page.dot) " + ($0.sceneTitle ?? $0.scene) } ?? "" : " \(page.dot) paths differ"
      page.paragraph("Turn \(turn.turn)\(title)", paints: [.bold])
      for pick in turn.picks {
        let style = page.paint(page.pad(pick.style.rawValue, 8), Debrief.paint(pick.style))
        let move = page.fit(pick.choiceText, max(10, page.width / 2 - 12))
        page.paragraph("\(move) \(page.arrow) \(pick.runs.joined(separator: ", "))", indent: 4, lead: [style], hang: 8)
      }
    }
  }
}
