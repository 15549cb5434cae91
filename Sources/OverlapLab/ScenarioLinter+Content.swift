import OverlapEngine

extension ScenarioLinter {
  // MARK: - Teaching content

  /// A move teaches through its lens and its note, so each should have both.
  mutating func checkChoices() {
    for choice in scenario.choices {
      if choice.note == nil {
        report(
          .noNote, .warning, at: choice.location,
          "choice '\(choice.id)' has no teaching note; add 'note:' to say why it is a \(choice.style.rawValue) move and what it does")
      }
      if choice.lens == nil {
        let lenses = Lens.allCases.map(\.rawValue).joined(separator: ", ")
        report(.noLens, .warning, at: choice.location, "choice '\(choice.id)' has no lens; add 'lens:' (one of \(lenses))")
      }
    }
  }

  /// The player learns by weighing the two styles, so every scene should offer both.
  mutating func checkScenes() {
    for scene in scenario.scenes {
      let styles = Set(scene.choices.map { scenario.choices[$0].style })
      guard styles.count == 1, let style = styles.first else { continue }
      report(
        .oneStyle, .warning, at: scene.location,
        "scene '\(scene.id)' offers only \(style.rawValue) moves; add a \(style.other.rawValue) move so the player weighs both styles")
    }
  }

  /// The game teaches by contrast: a good outcome, and the failures of one style alone.
  mutating func checkTones() {
    let tones = Set(scenario.endings.map(\.tone))
    let location = source.location(ofTopLevelKey: "endings")
    if !tones.contains(.success) {
      report(.missingTone, .warning, at: location, "no ending has tone 'success'; add the good outcome, where both styles were used together")
    }
    if !tones.contains(.failure) {
      report(.missingTone, .warning, at: location, "no ending has tone 'failure'; add what goes wrong, such as a collapse or one style used alone")
    }
  }

  /// Test names label results and JUnit cases, so they must tell tests apart.
  mutating func checkTests() {
    var seen: [String: Int] = [:]
    for test in scenario.tests {
      if let line = seen[test.name] {
        report(.duplicateID, .error, at: test.location, "test name '\(test.name)' is already used at line \(line); give each test its own name")
      } else {
        seen[test.name] = test.location.line
      }
    }
  }

  /// Keys whose values are prose, where a ' #' is more likely a lost word than a comment.
  static let proseKeys: Set<String> = [
    "title", "summary", "text", "outcome", "note", "debrief", "discuss", "miss", "intro", "author",
  ]

  /// YAML ends plain (unquoted) text at ' #' and drops the rest as a comment, silently.
  mutating func checkComments() {
    for (number, line) in source.lines.enumerated() {
      let trimmed = line.drop { $0 == " " || $0 == "-" }
      guard let colon = trimmed.firstIndex(of: ":"), Self.proseKeys.contains(String(trimmed[..<colon])) else { continue }
      let value = trimmed[trimmed.index(after: colon)...].drop { $0 == " " }
      guard let first = value.first, !"\"'>|[{#&*".contains(first), let hash = value.range(of: " #") else { continue }
      let column = line.distance(from: line.startIndex, to: hash.lowerBound) + 2
      report(
        .cutByComment, .warning, at: SourceLocation(line: number + 1, column: column),
        "the text stops here: ' #' starts a YAML comment, so the rest of the line is dropped; put the text in quotes to keep the '#'")
    }
  }

  /// Opening an event's text with its own title reads as a stutter on screen, where the
  /// title is already shown above the text.
  mutating func checkEventTitles() {
    for event in scenario.events {
      guard let text = event.text, let first = text.paragraphs.first?.segments.first,
        case .literal(let opening) = first
      else { continue }
      let title = event.title.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
      guard !title.isEmpty, opening.lowercased().hasPrefix(title) else { continue }
      report(
        .repeatedTitle, .warning, at: text.location,
        "event '\(event.id)' opens its text with its own title, which the screen already shows above it; start with what happens")
    }
  }
}
