import OverlapEngine

/// What a lint finding is about, so editors and CI can filter or silence one kind.
public enum LintRule: String, CaseIterable, Codable, Sendable {
  /// The loader rejected the file.
  case load
  case unreachableScene = "unreachable-scene"
  case unreachableEnding = "unreachable-ending"
  /// A choice, event or paragraph whose condition can never be true.
  case neverTrue = "never-true"
  /// A choice's condition that is always true, so it does nothing.
  case alwaysTrue = "always-true"
  /// A delayed effect due after every path has ended.
  case neverLands = "never-lands"
  case unused
  /// Read but never changed, so it is a constant.
  case neverSet = "never-set"
  /// Changed but never read, so it does nothing.
  case neverRead = "never-read"
  case noNote = "no-note"
  case noLens = "no-lens"
  case oneStyle = "one-style"
  case duplicateID = "duplicate-id"
  /// No `success` or no `failure` ending.
  case missingTone = "missing-tone"
  case tooWide = "too-wide"
  /// Unquoted text with ' #' in it: YAML drops the rest of the line as a comment.
  case cutByComment = "cut-by-comment"
  /// An event whose text opens by repeating its own title.
  case repeatedTitle = "repeated-title"
  /// An ending that claims a mix of styles but one-style play reaches it.
  case styleClaim = "style-claim"
  /// Choice texts whose words give their style away to the quiz.
  case quizGiveaway = "quiz-giveaway"
  /// A run of words repeated across the scenarios checked together (`--strict` only).
  case repeatedPhrase = "repeated-phrase"
  /// Text marked `requires: [flag]` that a played path shows with the flag off.
  case unmetRequirement = "unmet-requirement"
}

/// One problem found in a scenario file.
public struct LintFinding: Hashable, Sendable, Encodable, CustomStringConvertible {
  public var rule: LintRule
  public var diagnostic: Diagnostic

  public init(_ rule: LintRule, _ diagnostic: Diagnostic) {
    self.rule = rule
    self.diagnostic = diagnostic
  }

  public var severity: Diagnostic.Severity { diagnostic.severity }

  /// `path:line:col: severity: message`.
  public var description: String { diagnostic.description }

  enum CodingKeys: String, CodingKey {
    case path, line, column, severity, rule, message
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(diagnostic.path, forKey: .path)
    try container.encode(diagnostic.location.line, forKey: .line)
    try container.encode(diagnostic.location.column, forKey: .column)
    try container.encode(diagnostic.severity, forKey: .severity)
    try container.encode(rule, forKey: .rule)
    try container.encode(diagnostic.message, forKey: .message)
  }
}
