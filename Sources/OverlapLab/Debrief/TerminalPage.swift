import Foundation

/// Lines of terminal text at a fixed width, with optional ANSI colour and a choice of
/// Unicode or ASCII glyphs. Widths count characters, so colour codes never break layout.
struct TerminalPage {
  /// An ANSI SGR attribute; ignored when colour is off.
  enum Paint: String {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case magenta = "35"
    case cyan = "36"
  }

  let width: Int
  let unicode: Bool
  let color: Bool
  private(set) var lines: [String] = []

  init(width: Int, unicode: Bool, color: Bool) {
    self.width = max(40, width)
    self.unicode = unicode
    self.color = color
  }

  var text: String { lines.joined(separator: "\n") + "\n" }

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

  func paint(_ text: String, _ paints: Paint...) -> String { paint(text, paints) }

  func paint(_ text: String, _ paints: [Paint]) -> String {
    guard color, !paints.isEmpty, !text.isEmpty else { return text }
    return "\u{1B}[\(paints.map(\.rawValue).joined(separator: ";"))m\(text)\u{1B}[0m"
  }

  mutating func line(_ text: String = "") {
    var text = unicode ? text : Self.ascii(text)
    while text.last == " " { text.removeLast() }
    lines.append(text)
  }

  /// Scenario text folded to ASCII for terminals whose locale is not UTF-8: accents
  /// dropped, typographic punctuation made plain, anything else shown as `?`.
  static func ascii(_ text: String) -> String {
    guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
    let replacements: [Character: String] = [
      "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2014}": "--", "\u{2013}": "-",
      "\u{2026}": "...", "\u{2192}": "->", "\u{00B7}": "-", "\u{00A0}": " ", "\u{2022}": "*",
    ]
    var out = ""
    for character in text.folding(options: .diacriticInsensitive, locale: nil) {
      if character.unicodeScalars.allSatisfy(\.isASCII) {
        out.append(character)
      } else {
        out += replacements[character] ?? "?"
      }
    }
    return out
  }

  mutating func blank() {
    if let last = lines.last, !last.isEmpty { lines.append("") }
  }

  mutating func heading(_ title: String) {
    blank()
    paragraph(title, indent: 0, paints: [.bold])
  }

  /// Wraps text at the page width. The first line may start with a lead-in (painted, so
  /// its width is given); later lines are indented by `indent + hang`.
  mutating func paragraph(
    _ text: String, indent: Int = 2, lead: String = "", leadWidth: Int = 0, hang: Int = 0, paints: [Paint] = []
  ) {
    let paragraphs = (unicode ? text : Self.ascii(text)).split(separator: "\n", omittingEmptySubsequences: true)
    for (number, paragraph) in (paragraphs.isEmpty ? [""] : paragraphs).enumerated() {
      if number > 0 { line() }
      let first = number == 0 ? width - indent - leadWidth : width - indent - hang
      let wrapped = Self.wrap(String(paragraph), width: width - indent - hang, firstWidth: first)
      for (index, piece) in wrapped.enumerated() {
        let margin =
          index == 0
          ? String(repeating: " ", count: indent) + (number == 0 ? lead : String(repeating: " ", count: hang))
          : String(repeating: " ", count: indent + hang)
        line(margin + paint(piece, paints))
      }
    }
  }

  /// Greedy word wrap; a word longer than a line is cut.
  static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
    var lines: [String] = []
    var current = ""
    func limit() -> Int { max(1, lines.isEmpty ? (firstWidth ?? width) : width) }
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      var word = String(word)
      if !current.isEmpty && current.count + 1 + word.count <= limit() {
        current += " " + word
        continue
      }
      if !current.isEmpty {
        lines.append(current)
        current = ""
      }
      while word.count > limit() {
        lines.append(String(word.prefix(limit())))
        word = String(word.dropFirst(limit()))
      }
      current = word
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  // MARK: - Measuring

  func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  /// Cuts text to `width` characters, marking the cut. A cell is one line, so line breaks
  /// (a name typed with CRLF, say) become spaces.
  func fit(_ text: String, _ width: Int) -> String {
    let oneLine = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : $0 }))
    let text = unicode ? oneLine : Self.ascii(oneLine)
    guard text.count > width else { return text }
    let keep = max(0, width - ellipsis.count)
    return String(text.prefix(keep)) + ellipsis
  }

  /// A bar of `value` out of `total` in `width` cells.
  func bar(_ value: Int, of total: Int, width: Int) -> String {
    let filled = total == 0 ? 0 : min(width, (value * width + total / 2) / total)
    return String(repeating: fullBlock, count: filled) + String(repeating: emptyBlock, count: width - filled)
  }
}
