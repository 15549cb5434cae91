import Foundation
import OverlapEngine

/// Measuring, wrapping and shortening text by terminal columns.
public enum TextLayout {
  // MARK: - Width

  /// Columns a character takes in a terminal: 2 for wide East Asian and emoji, 0 for controls.
  public static func width(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    // Text is made safe (`TerminalSafe`) before it is drawn or printed, which shows
    // controls as visible text; any that slip past take no room and are never drawn.
    if TerminalSafe.isControl(first) { return 0 }
    let value = first.value
    if value < 0x7F { return 1 }
    if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark {
      return 0
    }
    if first.properties.isEmojiPresentation { return 2 }
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  public static func width(of text: String) -> Int {
    text.reduce(0) { $0 + width(of: $1) }
  }

  // MARK: - ASCII fallback

  private static let asciiReplacements: [Character: String] = [
    "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{2032}": "'",
    "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{2033}": "\"",
    "\u{2013}": "-", "\u{2014}": "--", "\u{2015}": "--", "\u{2212}": "-", "\u{2010}": "-", "\u{2011}": "-",
    "\u{2026}": "...", "\u{2022}": "*", "\u{00B7}": ".", "\u{2192}": "->", "\u{2190}": "<-",
    "\u{00D7}": "x", "\u{00A0}": " ", "\u{00AB}": "<<", "\u{00BB}": ">>", "\u{00DF}": "ss",
    "\u{00E6}": "ae", "\u{00C6}": "AE", "\u{0153}": "oe", "\u{00F8}": "o", "\u{00D8}": "O",
  ]

  /// The text with every character a plain ASCII terminal cannot show spelled in ASCII.
  public static func ascii(_ text: String) -> String {
    guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
    var out = ""
    for character in text {
      if character.isASCII {
        out.append(character)
      } else if let replacement = asciiReplacements[character] {
        out += replacement
      } else {
        // Accented letters keep their base letter; anything else becomes '?'.
        let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)
        out += base.isEmpty ? "?" : String(String.UnicodeScalarView(base))
      }
    }
    return out
  }

  // MARK: - Wrapping

  /// Scenario text without leading or trailing blank lines, and at most one blank line
  /// between paragraphs (YAML block text ends in a newline of its own).
  public static func tidy(_ text: String) -> String {
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let blank = line.allSatisfy(\.isWhitespace)
      if blank && (lines.isEmpty || lines.last?.isEmpty == true) { continue }
      lines.append(blank ? "" : line)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// Wraps styled text to `width` columns. Continuation lines start with `hangingIndent` spaces.
  public static func wrap(_ spans: [Span], width: Int, hangingIndent: Int = 0) -> [StyledLine] {
    guard width > 0 else { return [] }
    let indent = hangingIndent < width ? hangingIndent : 0
    var paragraphs: [[StyledLine.Glyph]] = [[]]
    for span in spans {
      for character in span.text {
        if character == "\n" || character == "\r\n" {
          paragraphs.append([])
        } else {
          let shown: Character = character == "\t" ? " " : character
          paragraphs[paragraphs.count - 1].append(StyledLine.Glyph(character: shown, style: span.style))
        }
      }
    }
    return paragraphs.flatMap { wrapParagraph($0, width: width, indent: indent) }
  }

  private static func wrapParagraph(_ glyphs: [StyledLine.Glyph], width: Int, indent: Int) -> [StyledLine] {
    var lines: [StyledLine] = []
    var line = StyledLine()
    var lineWidth = 0
    var lineStart = 0
    // Spaces between words are kept as written (so columns line up), but dropped at a break.
    var pendingSpaces: [StyledLine.Glyph] = []

    func finishLine() {
      lines.append(line)
      line = StyledLine()
      line.glyphs = Array(repeating: StyledLine.Glyph(character: " ", style: CellStyle()), count: indent)
      lineWidth = indent
      lineStart = indent
      pendingSpaces = []
    }

    var index = 0
    // Leading spaces of a paragraph are kept, so indented lists stay indented.
    while index < glyphs.count && glyphs[index].character == " " && lineWidth < width - 1 {
      line.glyphs.append(glyphs[index])
      lineWidth += 1
      index += 1
    }
    while index < glyphs.count {
      if glyphs[index].character == " " {
        if lineWidth > lineStart { pendingSpaces.append(glyphs[index]) }
        index += 1
        continue
      }
      var end = index
      var wordWidth = 0
      while end < glyphs.count && glyphs[end].character != " " {
        wordWidth += Self.width(of: glyphs[end].character)
        end += 1
      }
      let spaceWidth = pendingSpaces.count
      if lineWidth + spaceWidth + wordWidth <= width {
        line.glyphs += pendingSpaces
        line.glyphs.append(contentsOf: glyphs[index..<end])
        lineWidth += spaceWidth + wordWidth
        pendingSpaces = []
        index = end
      } else if wordWidth <= width - indent && lineWidth > lineStart {
        finishLine()
      } else {
        // A word longer than a whole line is broken where the line ends.
        if !pendingSpaces.isEmpty && lineWidth + spaceWidth < width {
          line.glyphs += pendingSpaces
          lineWidth += spaceWidth
        }
        pendingSpaces = []
        while index < end {
          let characterWidth = Self.width(of: glyphs[index].character)
          if lineWidth + characterWidth > width {
            if lineWidth == lineStart { break }
            finishLine()
            continue
          }
          line.glyphs.append(glyphs[index])
          lineWidth += characterWidth
          index += 1
        }
        if index < end { index = end }
      }
    }
    lines.append(line)
    return lines
  }

  // MARK: - Shortening

  /// The text cut to `width` columns, ending in `ellipsis` when it was cut.
  public static func truncate(_ text: String, width: Int, ellipsis: String) -> String {
    guard width > 0 else { return "" }
    guard self.width(of: text) > width else { return text }
    let room = width - self.width(of: ellipsis)
    guard room > 0 else { return prefix(text, width: width) }
    var out = prefix(text, width: room)
    while out.last == " " { out.removeLast() }
    return out + ellipsis
  }

  /// The longest start of `text` that fits in `width` columns.
  public static func prefix(_ text: String, width: Int) -> String {
    var out = ""
    var used = 0
    for character in text {
      let characterWidth = self.width(of: character)
      if used + characterWidth > width { break }
      out.append(character)
      used += characterWidth
    }
    return out
  }
}
