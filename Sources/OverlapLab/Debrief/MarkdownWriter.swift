/// Builds a Markdown document; everything taken from scenarios or saves goes through
/// `escape`, so a player's name or a scenario's text cannot inject markup.
struct MarkdownWriter {
  private(set) var lines: [String] = []

  var text: String {
    var trimmed = lines
    while trimmed.last?.isEmpty == true { trimmed.removeLast() }
    return trimmed.joined(separator: "\n") + "\n"
  }

  mutating func heading(_ level: Int, _ text: String) {
    blank()
    lines.append(String(repeating: "#", count: min(6, max(1, level))) + " " + text)
    lines.append("")
  }

  /// A paragraph of already escaped Markdown.
  mutating func paragraph(_ markdown: String) {
    blank()
    lines.append(markdown)
    lines.append("")
  }

  mutating func bullet(_ markdown: String) { lines.append("- " + markdown) }

  mutating func blank() {
    if let last = lines.last, !last.isEmpty { lines.append("") }
  }

  /// A table; `right` marks the columns to align right (numbers).
  mutating func table(_ header: [String], right: Set<Int> = [], rows: [[String]]) {
    blank()
    lines.append("| " + header.joined(separator: " | ") + " |")
    lines.append("|" + header.indices.map { right.contains($0) ? "---:|" : "---|" }.joined())
    for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
    lines.append("")
  }

  /// Escapes Markdown punctuation and folds line breaks, so text stays literal inside tables too.
  /// Scalars, not characters: Swift counts "\r\n" as one character, which neither "\r" nor "\n" matches.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~": out += "\\" + String(scalar)
      case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Inline code; backticks inside are rare in ids, so they are dropped rather than fenced.
  static func code(_ text: String) -> String {
    let kept = text.unicodeScalars.filter { $0 != "`" && $0 != "\n" && $0 != "\r" }
    return "`" + String(String.UnicodeScalarView(kept)) + "`"
  }

  /// A 0–100 history as one block character per value.
  static func spark(_ values: [Int]) -> String {
    let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    return String(values.map { blocks[min(blocks.count - 1, max(0, $0 * blocks.count / 101))] })
  }
}
