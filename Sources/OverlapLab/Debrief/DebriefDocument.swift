import OverlapText

/// A debrief that can be written in every output format: one playthrough or a class.
public protocol DebriefDocument: Encodable {
  /// Styled lines for a terminal or the ending screen, none wider than `width`.
  func lines(width: Int, unicode: Bool) -> [StyledLine]
  func markdown() -> String
  func html() -> String
}

extension DebriefDocument {
  /// The text debrief without styles, as a file or a pipe gets it.
  public func text(width: Int = 80, unicode: Bool = true) -> String {
    lines(width: width, unicode: unicode).text(ansi: false)
  }
}

extension Debrief: DebriefDocument {}
extension ClassDebrief: DebriefDocument {}
