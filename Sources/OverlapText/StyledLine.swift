/// A run of text in one style: the unit that screens and the text debrief are built from.
public struct Span: Equatable, Sendable {
  public var text: String
  public var style: CellStyle

  public init(_ text: String, _ style: CellStyle = CellStyle()) {
    self.text = text
    self.style = style
  }
}

/// A line of styled characters, as wrapping produces it.
public struct StyledLine: Equatable, Sendable {
  public struct Glyph: Equatable, Sendable {
    public var character: Character
    public var style: CellStyle

    public init(character: Character, style: CellStyle) {
      self.character = character
      self.style = style
    }
  }

  public var glyphs: [Glyph] = []

  public var width: Int { glyphs.reduce(0) { $0 + TextLayout.width(of: $1.character) } }
  public var text: String { String(glyphs.map(\.character)) }

  public init(_ spans: [Span] = []) {
    for span in spans { append(span) }
  }

  public mutating func append(_ span: Span) {
    for character in span.text { glyphs.append(Glyph(character: character, style: span.style)) }
  }

  /// `left` and `right` on one line of `width` columns, with spaces between.
  public static func justified(_ left: [Span], _ right: [Span], width: Int) -> StyledLine {
    var line = StyledLine(left)
    let rightLine = StyledLine(right)
    let gap = width - line.width - rightLine.width
    if gap > 0 { line.append(Span(String(repeating: " ", count: gap))) }
    line.glyphs += rightLine.glyphs
    return line
  }
}


/// Literals read as plain spans, so a line can be written as `["  ", name, " "]`.
extension Span: ExpressibleByStringLiteral {
  public init(stringLiteral text: String) {
    self.init(text)
  }
}

// MARK: - Spans

extension StyledLine {
  /// The line as runs of one style each, in order.
  public var spans: [Span] {
    var spans: [Span] = []
    for glyph in glyphs {
      if spans.last?.style == glyph.style {
        spans[spans.count - 1].text.append(glyph.character)
      } else {
        spans.append(Span(String(glyph.character), glyph.style))
      }
    }
    return spans
  }

  /// The line without trailing spaces, whatever their style.
  public func trimmed() -> StyledLine {
    var line = self
    while line.glyphs.last?.character == " " { line.glyphs.removeLast() }
    return line
  }
}
