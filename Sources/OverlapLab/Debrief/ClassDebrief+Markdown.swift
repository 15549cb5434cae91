import OverlapEngine

extension ClassDebrief {
  /// The class comparison as Markdown, followed by each run's own debrief.
  public func markdown() -> String {
    var writer = MarkdownWriter()
    if groups.count == 1, let group = groups.first {
      group.write(to: &writer, level: 1, title: "Class debrief: \(group.scenario.title)")
    } else {
      writer.heading(1, "Class debrief")
      writer.paragraph("Runs from \(groups.count) scenarios, compared within each scenario.")
      for group in groups { group.write(to: &writer, level: 2, title: "Scenario: \(group.scenario.title)") }
    }
    return writer.text
  }
}

extension ClassDebrief.Group {
  func write(to writer: inout MarkdownWriter, level: Int, title: String) {
    let esc = MarkdownWriter.escape
    writer.heading(level, esc(title) + " (" + MarkdownWriter.code(scenario.id) + ")")
    writer.paragraph(esc("\(Debrief.plural(runs.count, "run")) · \(seedNote)"))
    let section = level + 1

    writer.heading(section, "Runs")
    writer.table(
      ["team / player", "ending", "tone", "morale", "efficiency", "stability", "leader", "manager"]
        + (hasQuiz ? ["quiz"] : []) + ["by turn"],
      right: [3, 4, 5, 6, 7, 8],
      rows: runs.map { run in
        [esc(Self.who(run)), esc(run.ending?.title ?? "not finished"), run.ending?.tone.rawValue ?? "–"]
          + run.meters.map { String($0.end) }
          + ["\(run.styles.leaderShare)%", "\(run.styles.managerShare)%"]
          + (hasQuiz ? [run.quiz.map { "\($0.percent)%" } ?? "–"] : [])
          + [run.turns.map { $0.style == .leader ? "L" : "M" }.joined(separator: " ")]
      })

    writer.heading(section, "Endings")
    writer.table(
      ["ending", "tone", "runs", "who"], right: [2],
      rows: endings.map {
        [esc($0.title), $0.tone.rawValue, String($0.runs.count), esc($0.runs.joined(separator: ", "))]
      })
    if !unfinished.isEmpty { writer.paragraph("Not finished: " + esc(unfinished.joined(separator: ", ")) + ".") }

    if !turns.isEmpty {
      writer.heading(section, "Turn by turn: who chose what")
      for turn in turns {
        let scenes = Set(turn.picks.map(\.scene))
        let title = scenes.count == 1 ? turn.picks.first.map { ": " + esc($0.sceneTitle ?? $0.scene) } ?? "" : ""
        writer.paragraph("**Turn \(turn.turn)**\(title)")
        for pick in turn.picks {
          writer.bullet(
            "*\(pick.style.rawValue)* · \(esc(pick.choiceText)) (\(MarkdownWriter.code(pick.choice))): "
              + esc(pick.runs.joined(separator: ", ")))
        }
      }
    }

    for run in runs {
      run.write(to: &writer, level: section, title: "\(run.label): \(run.ending?.title ?? "not finished")")
    }
  }
}
