import OverlapEngine

extension ScenarioLinter {
  /// The game screen at 80×24, as `OverlapTUI.GameScreen` lays it out: the header
  /// shows the title after "Overlap › " and before the turn and seed; the move list
  /// has 9 rows, and each move wraps after its 12-column "› 1 manager " prefix.
  enum Screen {
    static let titleWidth = 40
    static let moveRows = 9
    static let moveWidth = 66
    static let lineWidth = 76
  }

  // MARK: - Layout

  mutating func checkWidths() {
    let title = Self.width(of: scenario.title)
    if title > Screen.titleWidth {
      report(
        .tooWide, .warning, at: source.location(ofTopLevelKey: "title"),
        "the title is \(title) columns wide; the header of an 80-column screen shows \(Screen.titleWidth), so shorten it or it is cut")
    }
    checkMoveLists()
    for (text, owner) in texts {
      guard let word = Self.words(of: text).first(where: { Self.width(of: $0) > Screen.lineWidth }) else { continue }
      report(
        .tooWide, .warning, at: text.location,
        "\(owner) has a word of \(Self.width(of: word)) columns ('\(word.prefix(20))…'), wider than an 80-column screen; break it up so it can wrap")
    }
  }

  /// When a scene's moves need more rows than the list has, all but the selected one
  /// are cut to one line, so long moves lose their ends.
  mutating func checkMoveLists() {
    for scene in scenario.scenes {
      let widths = scene.choices.map { Self.width(of: scenario.choices[$0].text.plain) }
      let rows = widths.reduce(0) { $0 + max(1, ($1 + Screen.moveWidth - 1) / Screen.moveWidth) }
      guard rows > Screen.moveRows else { continue }
      for (choice, width) in zip(scene.choices, widths) where width > Screen.moveWidth {
        let id = scenario.choices[choice].id
        report(
          .tooWide, .warning, at: source.location(ofKey: "text", in: scenario.choices[choice].location),
          "choice '\(id)' is \(width) columns long; the moves of scene '\(scene.id)' can need \(rows) rows on an 80×24 screen, "
            + "but only \(Screen.moveRows) fit, so it is cut to \(Screen.moveWidth) columns; shorten it")
      }
    }
  }

  static func words(of text: Text) -> [Substring] {
    text.plain.split { $0 == " " || $0 == "\n" }
  }

  /// Terminal columns: two for East Asian wide characters and most emoji, else one.
  static func width(of text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value) {
        return total
      }
      return total + (isWide(scalar.value) ? 2 : 1)
    }
  }

  static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      true
    default:
      false
    }
  }
}
