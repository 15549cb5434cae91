import OverlapEngine
import OverlapText

extension ScenarioLinter {
  // MARK: - Layout

  /// Warns about text the standard 80×24 game screen would cut, measured by the same
  /// layout numbers and column widths the screen is drawn with (`ScreenLayout`, `TextLayout`).
  mutating func checkWidths() {
    let title = TextLayout.width(of: scenario.title)
    let titleWidth = ScreenLayout.headerTitleWidth
    if title > titleWidth {
      report(
        .tooWide, .warning, at: source.location(ofTopLevelKey: "title"),
        "the title is \(title) columns wide; the header of an 80-column screen shows \(titleWidth), so shorten it or it is cut")
    }
    checkMoveLists()
    let lineWidth = ScreenLayout.standardPageWidth
    for (text, owner) in texts {
      guard let word = Self.words(of: text).first(where: { TextLayout.width(of: String($0)) > lineWidth }) else {
        continue
      }
      report(
        .tooWide, .warning, at: text.location,
        "\(owner) has a word of \(TextLayout.width(of: String(word))) columns ('\(word.prefix(20))…'), wider than an 80-column screen; break it up so it can wrap")
    }
  }

  /// When a scene's moves need more rows than the list has, all but the selected one
  /// are cut to one line, so long moves lose their ends.
  mutating func checkMoveLists() {
    let moveWidth = ScreenLayout.standardMoveTextWidth
    let moveRows = ScreenLayout.standardMoveRows
    for scene in scenario.scenes {
      let widths = scene.choices.map { TextLayout.width(of: scenario.choices[$0].text.plain) }
      let rows = widths.reduce(0) { $0 + max(1, ($1 + moveWidth - 1) / moveWidth) }
      guard rows > moveRows else { continue }
      for (choice, width) in zip(scene.choices, widths) where width > moveWidth {
        let id = scenario.choices[choice].id
        report(
          .tooWide, .warning, at: source.location(ofKey: "text", in: scenario.choices[choice].location),
          "choice '\(id)' is \(width) columns long; the moves of scene '\(scene.id)' can need \(rows) rows on an 80×24 screen, "
            + "but only \(moveRows) fit, so it is cut to \(moveWidth) columns; shorten it")
      }
    }
  }

  static func words(of text: Text) -> [Substring] {
    text.plain.split { $0 == " " || $0 == "\n" }
  }
}
