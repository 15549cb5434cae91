import Testing

@testable import OverlapEngine

/// The one rule for text leaving the program (issue #10, terminal safety).
@Suite struct TerminalSafeTests {
  @Test func controlsAreShownNotSent() {
    #expect(TerminalSafe.text("a\u{1B}]0;title\u{07}b") == "a^[]0;title^Gb")
    #expect(TerminalSafe.text("x\u{7F}\u{0}") == "x^?^@")
    #expect(TerminalSafe.text("\u{9B}2J \u{202E}abc\u{2069}") == "<U+009B>2J <U+202E>abc<U+2069>")
    #expect(TerminalSafe.text("two\nlines\tand a tab") == "two\nlines\tand a tab")
    #expect(TerminalSafe.text("crlf\r\n") == "crlf^M\n")
    #expect(TerminalSafe.text("plain – ünïcode 🙂") == "plain – ünïcode 🙂")
  }

  @Test func onlyTheProgramsOwnColoursPassAndOnlyWhenAskedFor() {
    let painted = "\u{1B}[1;31mred\u{1B}[0m \u{1B}[2mdim\u{1B}[0m \u{1B}[36mcyan\u{1B}[0m"
    #expect(TerminalSafe.text(painted, colour: true) == painted)
    #expect(TerminalSafe.text(painted) == "^[[1;31mred^[[0m ^[[2mdim^[[0m ^[[36mcyan^[[0m")
    // Conceal, 256 colours, a bare reset, cursor moves and OSC are not the program's own.
    for escape in ["\u{1B}[8m", "\u{1B}[38;5;1m", "\u{1B}[m", "\u{1B}[2J", "\u{1B}[1;8m", "\u{1B}]0;x\u{07}", "\u{1B}c"] {
      #expect(!TerminalSafe.text("a" + escape + "b", colour: true).contains("\u{1B}"), "\(escape.debugDescription)")
    }
    #expect(TerminalSafe.text("\u{1B}[31", colour: true) == "^[[31")
  }

  @Test func aMessageIsOneLineAndShort() {
    #expect(TerminalSafe.line("move '1\n2'\r\u{1B}[2J") == #"move '1\n2'\r^[[2J"#)
    let long = String(repeating: "x", count: 10_000_000)
    #expect(TerminalSafe.excerpt(long) == String(repeating: "x", count: 60) + "...")
    #expect(TerminalSafe.line(long).count == 2003)
    #expect(TerminalSafe.excerpt("short") == "short")
  }

  @Test func diagnosticsAreOneLine() {
    let diagnostic = Diagnostic(.error, path: "a\nb.yaml", at: SourceLocation(line: 2, column: 3), "id '1\n2' \u{1B}[8m")
    #expect(diagnostic.description == #"a\nb.yaml:2:3: error: id '1\n2' ^[[8m"#)
  }
}
