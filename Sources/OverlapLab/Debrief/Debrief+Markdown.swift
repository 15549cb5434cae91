import OverlapEngine

extension Debrief {
  /// The debrief as a Markdown document.
  public func markdown() -> String {
    var writer = MarkdownWriter()
    write(to: &writer, level: 1, title: "Debrief: \(scenario.title)")
    return writer.text
  }

  /// Writes the debrief with its title at heading `level` and its sections one below.
  func write(to writer: inout MarkdownWriter, level: Int, title: String) {
    let esc = MarkdownWriter.escape
    writer.heading(level, esc(title))
    var meta = esc(headline(dot: "·"))
    if !members.isEmpty { meta += "  \nTeam: " + esc(members.map(\.name).joined(separator: ", ")) }
    writer.paragraph(meta)
    let section = level + 1

    if let ending {
      writer.heading(section, "Ending: \(esc(ending.title)) (\(ending.tone.rawValue))")
      if let text = ending.text { paragraphs(text, to: &writer) }
      if let debrief = ending.debrief { paragraphs(debrief, to: &writer, lead: "**What it means:** ") }
      if let endingReason { writer.paragraph(esc(endingReason)) }
      writer.paragraph("Final meters: \(esc(finalMeters)).")
      for goal in unreached { writer.bullet("Not reached: " + esc(Self.goalSentence(goal))) }
    } else {
      writer.heading(section, "Not finished yet")
      writer.paragraph("The game stopped after \(Self.plural(turns.count, "turn")). Meters now: \(esc(finalMeters)).")
    }

    guard !turns.isEmpty else { return }
    writer.heading(section, "Meters over \(Self.plural(turns.count, "turn"))")
    writer.table(
      ["meter", "line"] + ["start"] + turns.map { String($0.number) } + ["change"],
      right: Set(2..<(turns.count + 4)),
      rows: meters.map { line in
        [line.meter, MarkdownWriter.spark(line.values)] + line.values.map(String.init) + [
          Self.signed(line.end - line.start)
        ]
      })

    writer.heading(section, "Leader and manager moves")
    writer.paragraph(esc(styleSummary))
    writer.paragraph("By turn: " + turns.map { $0.style == .leader ? "L" : "M" }.joined(separator: " "))
    if styles.phases.count > 1 {
      writer.table(
        ["stretch", "turns", "leader", "manager"], right: [2, 3],
        rows: styles.phases.map { phase in
          let span = phase.firstTurn == phase.lastTurn ? "\(phase.firstTurn)" : "\(phase.firstTurn)–\(phase.lastTurn)"
          return [phase.name, span, String(phase.leader), String(phase.manager)]
        })
    }
    if let streakLine { writer.paragraph(esc(streakLine)) }
    if let weakenedLine { writer.paragraph(esc(weakenedLine)) }

    writer.heading(section, "Lenses")
    writer.table(
      ["leader side", "leader moves", "manager moves", "manager side"], right: [1, 2],
      rows: lenses.map {
        [$0.lens.side(for: .leader), String($0.leader), String($0.manager), $0.lens.side(for: .manager)]
      })

    if !keyTurns.isEmpty {
      writer.heading(
        section, keyTurns.count == 1 ? "The turn that moved the meters most" : "The turns that moved the meters most")
      writer.paragraph("*" + esc(Self.alternativesIntro) + "*")
      for key in keyTurns {
        let lens = key.lens.map { ", \($0.title)" } ?? ""
        writer.heading(section + 1, "Turn \(key.turn): \(key.style.rawValue) move\(lens)")
        writer.paragraph("**\(esc(key.choiceText))**")
        writer.paragraph(esc(Self.movementLine(key)))
        if let note = key.note { writer.paragraph("> **Note:** " + esc(note)) }
        writer.paragraph(
          key.alternatives.isEmpty
            ? "No \(key.style.other.rawValue) move was offered at that moment."
            : "With a \(key.style.other.rawValue) move instead:")
        for alternative in key.alternatives {
          writer.bullet(
            "**\(esc(alternative.choiceText))**: \(esc(outcome(of: alternative)))"
          )
        }
      }
    }

    if !landed.isEmpty {
      writer.heading(section, "Delayed effects that landed")
      for effect in landed {
        var line = "Turn \(effect.turn), from “" + esc(effect.fromTitle) + "” on turn \(effect.fromTurn)"
        if let text = effect.text { line += ": " + esc(text) }
        if !effect.changes.isEmpty { line += " (" + esc(Self.changeList(effect.changes)) + ")" }
        writer.bullet(line)
      }
    }

    if let quiz {
      writer.heading(section, "Quiz")
      writer.paragraph(esc(quiz.summary))
      if !quiz.missed.isEmpty {
        writer.paragraph("Missed: " + esc(quiz.missed.map(quizMiss).joined(separator: "; ")) + ".")
      }
    }

    if !members.isEmpty {
      writer.heading(section, "Team members")
      let hasQuiz = quiz != nil
      writer.table(
        ["member", "turns", "leader", "manager"] + (hasQuiz ? ["quiz"] : []), right: [2, 3, 4],
        rows: members.map { member in
          [
            esc(member.name), member.turns.map(String.init).joined(separator: ", "), String(member.leader),
            String(member.manager),
          ]
            + (hasQuiz ? ["\(member.quizRight ?? 0) of \(member.turns.count)"] : [])
        })
    }

    writer.heading(section, "Turn by turn")
    let hasPlayers = turns.contains { $0.player != nil }
    writer.table(
      ["#", "move", "style", "lens", "morale", "efficiency", "stability"] + (hasPlayers ? ["player"] : [])
        + (quiz != nil ? ["guess"] : []),
      right: [0, 4, 5, 6],
      rows: turns.map { turn in
        var row = [
          String(turn.number), esc(turn.choiceText),
          turn.style.rawValue + (turn.strength < 100 ? " (\(turn.strength)%)" : ""), turn.lens?.title ?? "",
          String(turn.meters.morale), String(turn.meters.efficiency), String(turn.meters.stability),
        ]
        if hasPlayers { row.append(esc(turn.player ?? "")) }
        if quiz != nil {
          row.append(turn.guess.map { $0 == turn.style ? "\($0.rawValue) ✓" : "\($0.rawValue) ✗" } ?? "–")
        }
        return row
      })
  }

  /// Scenario prose keeps its paragraphs; the lead goes before the first.
  func paragraphs(_ text: String, to writer: inout MarkdownWriter, lead: String = "") {
    for (index, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
      writer.paragraph((index == 0 ? lead : "") + MarkdownWriter.escape(String(paragraph)))
    }
  }
}
