import OverlapEngine

// The one place styled lines become bytes for a terminal or a file: everything above
// works with styles, and escape codes exist only here, at the edge.
extension StyledLine {
  /// The line for a terminal: each run of a style wrapped in its SGR codes and a reset.
  /// The text is made safe first, so these codes are the only escapes in it.
  public func ansi() -> String {
    spans.map { span in
      let text = TerminalSafe.text(span.text)
      let codes = span.style.sgrParameters(color: true)
      return codes.isEmpty ? text : "\u{1B}[" + codes.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }.joined()
  }
}

extension Sequence<StyledLine> {
  /// The lines as text, each ending in a newline: plain for files, pipes and `NO_COLOR`,
  /// or with `ansi`, styled for a terminal.
  public func text(ansi: Bool) -> String {
    map { (ansi ? $0.ansi() : $0.text) + "\n" }.joined()
  }
}
