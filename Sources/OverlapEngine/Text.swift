/// Narrative text with `{expression}` interpolation and paragraphs shown only
/// under a condition.
public struct Text: Sendable {
  public enum Segment: Sendable {
    case literal(String)
    case value(Expression)
  }

  public struct Paragraph: Sendable {
    public var condition: Expression?
    public var segments: [Segment]
    /// Flags the paragraph takes for granted: `check` warns when it can show without them.
    public var requires: [Int] = []
  }

  public var paragraphs: [Paragraph]
  public var location: SourceLocation

  /// The text with no interpolation or conditions, as written (for the linter and listings).
  public var plain: String {
    paragraphs.map { paragraph in
      paragraph.segments.map { segment in
        switch segment {
        case .literal(let string): string
        case .value(let expression): "{\(expression.source)}"
        }
      }.joined()
    }.joined(separator: "\n\n")
  }

  /// Renders the paragraphs whose conditions hold, separated by blank lines.
  public func render(_ read: (Expression.Name) -> Int) -> String {
    var out: [String] = []
    for paragraph in paragraphs {
      if let condition = paragraph.condition, condition.evaluate(read) == 0 { continue }
      var line = ""
      for segment in paragraph.segments {
        switch segment {
        case .literal(let string): line += string
        case .value(let expression): line += String(expression.evaluate(read))
        }
      }
      out.append(line)
    }
    return out.joined(separator: "\n\n")
  }

  /// Splits `source` into literal text and `{expression}` parts. `{{` and `}}` are literal braces.
  ///
  /// - Throws: `ExpressionError` whose offset counts characters into `source`.
  static func segments(
    of source: String, lookup: (String) -> Expression.Name?
  ) throws(ExpressionError) -> [Segment] {
    var segments: [Segment] = []
    var literal = ""
    let characters = Array(source)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      if character == "{" && next == "{" || character == "}" && next == "}" {
        literal.append(character)
        index += 2
      } else if character == "{" {
        guard let close = characters[index...].firstIndex(of: "}") else {
          throw ExpressionError(message: "'{' is never closed; write '{{' for a literal brace", offset: index)
        }
        let inner = String(characters[(index + 1)..<close])
        do {
          let expression = try Expression(inner, lookup: lookup)
          if !literal.isEmpty { segments.append(.literal(literal)) }
          literal = ""
          segments.append(.value(expression))
        } catch {
          throw ExpressionError(message: error.message, offset: index + 1 + error.offset)
        }
        index = close + 1
      } else if character == "}" {
        throw ExpressionError(message: "'}' has no matching '{'; write '}}' for a literal brace", offset: index)
      } else {
        literal.append(character)
        index += 1
      }
    }
    if !literal.isEmpty { segments.append(.literal(literal)) }
    return segments
  }
}
