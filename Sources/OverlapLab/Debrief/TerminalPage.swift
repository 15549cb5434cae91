import OverlapText

/// Styled lines of terminal text at a fixed width, with a choice of Unicode or ASCII
/// glyphs. Styles are data here; only the edge that prints the page turns them into
/// escape codes, or leaves them out for a file.
struct TerminalPage {
  /// The emphasis the debrief uses, by name.
  enum Paint {
    case bold, dim, red, green, yellow, magenta, cyan

    func apply(to style: inout CellStyle) {
      switch self {
      case .bold: style.bold = true
      case .dim: style.dim = true
      case .red: style.foreground = .red
      case .green: style.foreground = .green
      case .yellow: style.foreground = .yellow
      case .magenta: style.foreground = .magenta
      case .cyan: style.foreground = .cyan
      }
    }
  }

  let width: Int
  let unicode: Bool
  private(set) var lines: [StyledLine] = []

  init(width: Int, unicode: Bool) {
    self.width = max(40, width)
    self.unicode = unicode
  }

  // MARK: - Glyphs

  var rule: String { String(repeating: unicode ? "─" : "-", count: width) }
  var dot: String { unicode ? "·" : "-" }
  var arrow: String { unicode ? "→" : "->" }
  var ellipsis: String { unicode ? "…" : "..." }
  var fullBlock: String { unicode ? "█" : "#" }
  var emptyBlock: String { unicode ? "░" : "." }
  var bullet: String { unicode ? "•" : "*" }
  var tick: String { unicode ? "✓" : "ok" }
  var cross: String { unicode ? "✗" : "x" }
  var dash: String { unicode ? "–" : "-" }

  // MARK: - Writing

  func paint(_ text: String, _ paints: Paint...) -> Span { paint(text, paints) }

  func paint(_ text: String, _ paints: [Paint]) -> Span {
    var style = CellStyle()
    for paint in paints { paint.apply(to: &style) }
    return Span(text, style)
  }

  mutating func line(_ text: String = "") {
    line([Span(text)])
  }

  /// One line of spans, folded to ASCII when the terminal needs it, without trailing spaces.
  mutating func line(_ spans: [Span]) {
    lines.append(StyledLine(spans.map { Span(unicode ? $0.text : TextLayout.ascii($0.text), $0.style) }).trimmed())
  }

  mutating func blank() {
    if let last = lines.last, !last.glyphs.isEmpty { lines.append(StyledLine()) }
  }

  mutating func heading(_ title: String) {
    blank()
    paragraph(title, indent: 0, paints: [.bold])
  }

  /// Wraps text at the page width. The first line may start with a lead-in; later lines
  /// are indented by `indent + hang`.
  mutating func paragraph(_ text: String, indent: Int = 2, lead: [Span] = [], hang: Int = 0, paints: [Paint] = []) {
    let leadWidth = StyledLine(lead).width
    let paragraphs = (unicode ? text : TextLayout.ascii(text)).split(separator: "\n", omittingEmptySubsequences: true)
    for (number, paragraph) in (paragraphs.isEmpty ? [""] : paragraphs).enumerated() {
      if number > 0 { line() }
      let first = number == 0 ? width - indent - leadWidth : width - indent - hang
      let wrapped = Self.wrap(String(paragraph), width: width - indent - hang, firstWidth: first)
      for (index, piece) in wrapped.enumerated() {
        let margin = Span(String(repeating: " ", count: index == 0 ? indent : indent + hang))
        let start = index > 0 ? [] : number == 0 ? lead : [Span(String(repeating: " ", count: hang))]
        line([margin] + start + [paint(piece, paints)])
      }
    }
  }

  /// Greedy word wrap by terminal columns, runs of spaces made one; a word longer than
  /// a line is cut. Unlike the screens' wrap, which keeps spaces as written, this suits
  /// prose built from sentences.
  static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
    var lines: [String] = []
    var current = ""
    func limit() -> Int { max(1, lines.isEmpty ? (firstWidth ?? width) : width) }
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      var word = String(word)
      let currentWidth = TextLayout.width(of: current)
      if !current.isEmpty && currentWidth + 1 + TextLayout.width(of: word) <= limit() {
        current += " " + word
        continue
      }
      if !current.isEmpty {
        lines.append(current)
        current = ""
      }
      while TextLayout.width(of: word) > limit() {
        // At least one character, so a character wider than the line cannot stall the cut.
        let piece = TextLayout.prefix(word, width: limit())
        let cut = piece.isEmpty ? String(word.prefix(1)) : piece
        lines.append(cut)
        word = String(word.dropFirst(cut.count))
      }
      current = word
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  // MARK: - Measuring

  func pad(_ text: String, _ width: Int) -> String { text.rightPadded(to: width) }

  func padLeft(_ text: String, _ width: Int) -> String { text.leftPadded(to: width) }

  /// Cuts text to `width` columns, marking the cut. A cell is one line, so line breaks
  /// (a name typed with CRLF, say) become spaces.
  func fit(_ text: String, _ width: Int) -> String {
    let oneLine = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : $0 }))
    let text = unicode ? oneLine : TextLayout.ascii(oneLine)
    guard TextLayout.width(of: text) > width else { return text }
    return TextLayout.prefix(text, width: max(0, width - ellipsis.count)) + ellipsis
  }

  /// A bar of `value` out of `total` in `width` cells.
  func bar(_ value: Int, of total: Int, width: Int) -> String {
    let filled = total == 0 ? 0 : min(width, (value * width + total / 2) / total)
    return String(repeating: fullBlock, count: filled) + String(repeating: emptyBlock, count: width - filled)
  }
}
