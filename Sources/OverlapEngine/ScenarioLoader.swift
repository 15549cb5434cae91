import Foundation
import Yams

/// Turns a scenario file into a `Scenario`, or into errors that name the file,
/// line and column. It never traps on bad input.
public enum ScenarioLoader {
  /// Loads the scenario at `path`.
  ///
  /// - Throws: `FileProblem` when the file cannot be read, `ScenarioError` when it is not a valid scenario.
  public static func load(path: String) throws -> Scenario {
    try load(data: FileProblem.read(path), path: path)
  }

  public static func load(data: Data, path: String) throws(ScenarioError) -> Scenario {
    let yaml = try decode(data, path: path)
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw ScenarioError(diagnostics: [Diagnostic(.error, path: path, at: .init(line: 1, column: 1), "the file has no content; start from 'overlap new ID'")])
      }
      root = node
      try checkExpansion(of: root, path: path)
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw ScenarioError(diagnostics: [yamlDiagnostic(error, path: path)])
    }
    var builder = ScenarioBuilder(reader: NodeReader(path: path))
    let scenario = builder.build(root, path: path, hash: fnv1a64(data))
    let errors = builder.reader.diagnostics.sorted {
      ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
    }
    guard let scenario, errors.isEmpty else {
      throw ScenarioError(diagnostics: errors.isEmpty ? [Diagnostic(.error, path: path, at: .init(line: 1, column: 1), "the scenario is incomplete")] : errors)
    }
    return scenario
  }

  /// More values than any real scenario holds; far below what would exhaust memory or time.
  static let maximumValues = 1_000_000

  /// Refuses a tree that aliases blow up ("billion laughs"): a few lines can repeat a list
  /// inside a list inside a list, and reading the result would never finish.
  static func checkExpansion(of root: Node, path: String) throws(ScenarioError) {
    var count = 0
    var stack = [root]
    while let node = stack.popLast() {
      count += 1
      guard count <= maximumValues else {
        let mark = node.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? SourceLocation(line: 1, column: 1)
        throw ScenarioError(diagnostics: [Diagnostic(.error, path: path, at: mark, "the file holds more than \(maximumValues) values (keys, list items and texts, counting what aliases repeat), far more than any scenario needs; if aliases (*name) repeat content, write it out or use fewer")])
      }
      switch node {
      case .scalar, .alias: break
      case .sequence(let sequence): stack.append(contentsOf: sequence)
      case .mapping(let mapping):
        for (key, value) in mapping {
          stack.append(key)
          stack.append(value)
        }
      }
    }
  }

  /// UTF-8 text, with the position of the first bad byte when it is not.
  static func decode(_ data: Data, path: String) throws(ScenarioError) -> String {
    if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw ScenarioError(diagnostics: [Diagnostic(.error, path: path, at: .init(line: 1, column: 1), "the file is empty; start from 'overlap new ID'")])
    }
    if var text = String(validating: data, as: UTF8.self) {
      // Some Windows editors start UTF-8 files with a byte-order mark, which YAML would
      // otherwise read as stray content before the first key.
      if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
      try refuseControls(in: text, path: path)
      return text
    }
    var line = 1
    var column = 1
    var index = data.startIndex
    // Find the first byte where valid UTF-8 stops, to point at it.
    while index < data.endIndex {
      let length = utf8Length(data, at: index)
      if length == 0 { break }
      if data[index] == 0x0A { line += 1; column = 1 } else { column += 1 }
      index += length
    }
    throw ScenarioError(diagnostics: [Diagnostic(.error, path: path, at: .init(line: line, column: column), "the file is not valid UTF-8 text; save it as UTF-8 in your editor")])
  }

  /// Points at the first character YAML does not allow in a file, such as NUL; the YAML
  /// reader would only say the file cannot be read, at 1:1.
  static func refuseControls(in text: String, path: String) throws(ScenarioError) {
    var line = 1
    var column = 1
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A:
        line += 1
        column = 1
        continue
      case 0x09, 0x0D, 0x85, 0x20...0x7E, 0xA0...0xFFFD, 0x10000...:
        column += 1
        continue
      default:
        let shown = TerminalSafe.line(String(scalar))
        let digits = String(scalar.value, radix: 16, uppercase: true)
        let escape = scalar.value < 0x100 ? "\\x" + String(repeating: "0", count: 2 - digits.count) + digits : "\\u" + digits
        throw ScenarioError(diagnostics: [
          Diagnostic(
            .error, path: path, at: .init(line: line, column: column),
            "the file holds the control character \(shown), which YAML does not allow; delete it, or write it as \"\(escape)\" inside double quotes")
        ])
      }
    }
  }

  /// The length of a valid UTF-8 sequence at `index`, or 0 if it is invalid.
  static func utf8Length(_ data: Data, at index: Data.Index) -> Int {
    let lead = data[index]
    let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
    guard length > 0, index + length <= data.endIndex else { return 0 }
    let slice = data[index..<(index + length)]
    return String(validating: slice, as: UTF8.self) == nil ? 0 : length
  }

  /// What libyaml's terse problems usually mean in a scenario file, and the fix.
  static func plainWords(for problem: String) -> String? {
    let advice: [(String, String)] = [
      ("tab", "indent with spaces, not tabs"),
      ("cannot start any token", "indent with spaces, not tabs, and put text that starts with @, ` or % in quotes"),
      ("mapping values are not allowed", "either the indent is wrong, or a text holds ': ', which YAML reads as a new key; put such text in quotes or write it as a '>-' block"),
      ("did not find expected key", "this line's indent does not line up with the keys above it; indent it like its neighbours"),
      ("could not find expected ':'", "a key is missing its ': ', or a quoted text is never closed"),
      ("did not find expected '-' indicator", "a list item is indented differently from the items above it"),
      ("block sequence entries are not allowed", "a '- ' list item stands where a value was expected; start the list on the next line, indented under its key"),
      ("found undefined alias", "an alias (*name) is used before its anchor (&name), or the name is misspelt"),
      ("found unexpected end of stream", "a quote or a bracket is opened and never closed"),
      ("did not find expected node content", "a value is missing, or a bracket or quote is not closed"),
    ]
    return advice.first { problem.contains($0.0) }?.1
  }

  static func yamlDiagnostic(_ error: Error, path: String) -> Diagnostic {
    func make(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
      // libyaml's own wording names a C function the author cannot call.
      if problem.hasPrefix("Maximum nesting level") {
        return Diagnostic(.error, path: path, at: .init(line: mark.line, column: mark.column), "the YAML is nested too deeply; a scenario needs only a few levels of lists and mappings")
      }
      var message = "YAML syntax: \(problem)"
      if let context { message += " (\(context.text) at line \(context.mark.line))" }
      if let advice = plainWords(for: problem) { message += "; \(advice)" }
      return Diagnostic(.error, path: path, at: .init(line: mark.line, column: mark.column), message)
    }
    switch error {
    case YamlError.scanner(let context, let problem, let mark, _): return make(mark, problem, context)
    case YamlError.parser(let context, let problem, let mark, _): return make(mark, problem, context)
    case YamlError.composer(let context, let problem, let mark, _): return make(mark, problem, context)
    case YamlError.duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(.error, path: path, at: .init(line: context.mark.line, column: context.mark.column), "key '\(duplicates.first ?? "?")' appears twice in the same mapping; keep one")
    case YamlError.reader(let problem, _, _, _):
      return Diagnostic(.error, path: path, at: .init(line: 1, column: 1), "cannot read the file: \(problem)")
    default:
      return Diagnostic(.error, path: path, at: .init(line: 1, column: 1), "cannot read the YAML: \(error)")
    }
  }
}

/// A file that could not be read, mapped to the documented exit codes.
public enum FileProblem: Error, CustomStringConvertible, Sendable {
  case missing(String)
  case unreadable(String, String)

  public static func read(_ path: String) throws(FileProblem) -> Data {
    do {
      return try RegularFile.read(path)
    } catch .missing {
      throw .missing(path)
    } catch {
      throw .unreadable(path, error.reason)
    }
  }

  public var description: String {
    switch self {
    case .missing(let path): "\(path): no such file"
    case .unreadable(let path, let why): "\(path): cannot read: \(why)"
    }
  }
}
