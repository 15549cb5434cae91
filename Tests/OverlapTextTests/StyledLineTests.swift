import OverlapText
import Testing

@Suite struct StyledLineTests {
  static let bold = CellStyle(bold: true)
  static let red = CellStyle(foreground: .red)

  @Test func plainTextDropsStyles() {
    let lines = [StyledLine([Span("Debrief", Self.bold), Span(": tiny")]), StyledLine()]
    #expect(lines.text(ansi: false) == "Debrief: tiny\n\n")
  }

  @Test func ansiWrapsEachStyledRunInItsCodesAndAReset() {
    let line = StyledLine([Span("Ending", Self.bold), Span(" "), Span("fail", Self.red.with { $0.bold = true })])
    #expect(line.ansi() == "\u{1B}[1mEnding\u{1B}[0m \u{1B}[1;31mfail\u{1B}[0m")
  }

  @Test func ansiShowsEscapesFromTheTextItself() {
    // A scenario's own escape would otherwise pass as one of the program's colours.
    let line = StyledLine([Span("\u{1B}[31mred\u{1B}[0m", Self.bold)])
    #expect(line.ansi() == "\u{1B}[1m^[[31mred^[[0m\u{1B}[0m")
  }

  @Test func spansJoinNeighboursOfOneStyle() {
    let line = StyledLine([Span("a", Self.bold), Span("b", Self.bold), Span("c")])
    #expect(line.spans == [Span("ab", Self.bold), Span("c")])
  }

  @Test func trimmedDropsTrailingSpacesOfAnyStyle() {
    let line = StyledLine([Span("name  ", Self.bold), Span("  ")]).trimmed()
    #expect(line.text == "name")
  }

  @Test func sgrParametersFollowTheFrameEncodersOrder() {
    let style = CellStyle(foreground: .gray, background: .blue, bold: true, dim: true, reverse: true, underline: true)
    #expect(style.sgrParameters(color: true) == ["1", "2", "4", "7", "90", "44"])
    #expect(style.sgrParameters(color: false) == ["1", "2", "4", "7"])
  }
}

@Suite struct TextLayoutTests {
  @Test func paddingAndCuttingCountColumnsNotCharacters() {
    #expect("日本".rightPadded(to: 6) == "日本  ")
    #expect("日本".leftPadded(to: 5) == " 日本")
    #expect(TextLayout.prefix("日本語", width: 5) == "日本")
    #expect(TextLayout.truncate("日本語です", width: 7, ellipsis: "…") == "日本語…")
  }
}
