/// A debrief that can be written in every output format: one playthrough or a class.
public protocol DebriefDocument: Encodable {
  func text(width: Int, unicode: Bool, color: Bool) -> String
  func markdown() -> String
  func html() -> String
}

extension Debrief: DebriefDocument {}
extension ClassDebrief: DebriefDocument {}
