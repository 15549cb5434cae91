import OverlapEngine

/// A scenario file's lines, used to point a finding at the key it is about rather
/// than at the start of the item that holds it.
struct SourceText: Sendable {
  let lines: [Substring]

  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// Where `key:` is written in the block mapping whose first key sits at `owner`.
  ///
  /// Falls back to `owner` when the key is not written there in block style.
  func location(ofKey key: String, in owner: SourceLocation) -> SourceLocation {
    let column = owner.column - 1
    let first = owner.line - 1
    guard first >= 0, first < lines.count else { return owner }
    for number in first..<lines.count {
      let line = lines[number]
      let indent = line.prefix { $0 == " " }.count
      let content = line.dropFirst(indent)
      if content.isEmpty || content.hasPrefix("#") { continue }
      if number == first {
        if line.count > column, Self.startsKey(key, line.dropFirst(column)) { return owner }
        continue
      }
      if indent < column { break }
      if indent == column, Self.startsKey(key, content) { return SourceLocation(line: number + 1, column: column + 1) }
    }
    return owner
  }

  /// Where the top-level `key:` is written, or line 1 when it is not.
  func location(ofTopLevelKey key: String) -> SourceLocation {
    let number = lines.firstIndex { Self.startsKey(key, $0) } ?? 0
    return SourceLocation(line: number + 1, column: 1)
  }

  static func startsKey(_ key: String, _ text: Substring) -> Bool {
    guard text.hasPrefix(key) else { return false }
    return text.dropFirst(key.count).drop { $0 == " " }.hasPrefix(":")
  }
}
