import Foundation
import Yams

/// Reads a YAML node tree into Swift values, collecting a diagnostic with the
/// file, line and column for everything that does not fit.
struct NodeReader {
  let path: String
  var diagnostics: [Diagnostic] = []

  /// A mapping's entries by key, with the key nodes kept for positions.
  struct Fields {
    var node: Node
    var entries: [String: (key: Node, value: Node)]

    subscript(key: String) -> Node? { entries[key]?.value }
    func has(_ key: String) -> Bool { entries[key] != nil }
  }

  func location(of node: Node) -> SourceLocation {
    guard let mark = node.mark else { return SourceLocation(line: 1, column: 1) }
    return SourceLocation(line: mark.line, column: mark.column)
  }

  mutating func error(_ node: Node, _ message: String) {
    diagnostics.append(Diagnostic(.error, path: path, at: location(of: node), message))
  }

  mutating func error(at location: SourceLocation, _ message: String) {
    diagnostics.append(Diagnostic(.error, path: path, at: location, message))
  }

  /// Reads a mapping, reporting unknown keys (with a suggestion) and missing required ones.
  mutating func fields(
    _ node: Node, _ what: String, known: [String], required: [String] = []
  ) -> Fields? {
    guard case .mapping(let mapping) = node else {
      error(node, "\(what) should be a mapping of 'key: value' lines, but found \(describe(node))")
      return nil
    }
    var entries: [String: (key: Node, value: Node)] = [:]
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key else {
        error(key, "keys in \(what) must be plain words")
        continue
      }
      let name = scalar.string
      if entries[name] != nil {
        error(key, "key '\(name)' appears twice in \(what); keep one")
      } else if !known.contains(name) {
        var message = "unknown key '\(name)' in \(what)"
        if let guess = closestMatch(to: name, in: known) {
          message += "; did you mean '\(guess)'?"
        } else {
          message += "; expected one of: \(known.joined(separator: ", "))"
        }
        error(key, message)
      }
      entries[name] = (key, value)
    }
    let fields = Fields(node: node, entries: entries)
    for key in required where !fields.has(key) {
      error(node, "\(what) is missing the required key '\(key)'")
    }
    return fields
  }

  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): scalar.string.isEmpty ? "an empty value" : "'\(scalar.string.prefix(40))'"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  mutating func string(_ node: Node, _ what: String) -> String? {
    guard case .scalar(let scalar) = node, scalar.tag != .init(.null) || !scalar.string.isEmpty else {
      error(node, "\(what) should be text, but found \(describe(node))")
      return nil
    }
    return scalar.string
  }

  mutating func nonEmptyString(_ node: Node, _ what: String) -> String? {
    guard let text = string(node, what) else { return nil }
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      error(node, "\(what) is empty")
      return nil
    }
    return text
  }

  mutating func int(_ node: Node, _ what: String, in range: ClosedRange<Int>? = nil) -> Int? {
    guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
      let value = Int(scalar.string.hasPrefix("+") ? String(scalar.string.dropFirst()) : scalar.string)
    else {
      error(node, "\(what) should be a whole number, but found \(describe(node))")
      return nil
    }
    if let range, !range.contains(value) {
      error(node, "\(what) must be between \(range.lowerBound) and \(range.upperBound), but is \(value)")
      return nil
    }
    return value
  }

  mutating func bool(_ node: Node, _ what: String) -> Bool? {
    if case .scalar(let scalar) = node {
      switch scalar.string {
      case "true", "yes", "on": return true
      case "false", "no", "off": return false
      default: break
      }
    }
    error(node, "\(what) should be true or false, but found \(describe(node))")
    return nil
  }

  mutating func list(_ node: Node, _ what: String) -> [Node]? {
    guard case .sequence(let sequence) = node else {
      error(node, "\(what) should be a list (lines starting with '- '), but found \(describe(node))")
      return nil
    }
    return Array(sequence)
  }

  /// A list, or a single item standing for a list of one.
  mutating func listOrSingle(_ node: Node) -> [Node] {
    if case .sequence(let sequence) = node { return Array(sequence) }
    return [node]
  }

  /// An id for a scenario, scene, choice, event or ending (`Scenario.isIdentifier`).
  mutating func identifier(_ node: Node, _ what: String) -> String? {
    guard let text = string(node, what) else { return nil }
    guard Scenario.isIdentifier(text) else {
      let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
      error(node, "\(what) '\(shown)' may use only letters, digits, '-' and '_', up to 100 characters")
      return nil
    }
    return text
  }

  /// Where character `offset` of a scalar's text sits in the file, as near as YAML lets us tell.
  func location(of node: Node, offset: Int) -> SourceLocation {
    let start = location(of: node)
    guard case .scalar(let scalar) = node else { return start }
    let prefix = scalar.string.prefix(offset)
    switch scalar.style {
    case .plain, .any:
      if !prefix.contains("\n") { return SourceLocation(line: start.line, column: start.column + offset) }
    case .singleQuoted, .doubleQuoted:
      if !prefix.contains("\n") && !prefix.contains("'") && !prefix.contains("\\") {
        return SourceLocation(line: start.line, column: start.column + 1 + offset)
      }
    default:
      break
    }
    return start
  }
}
