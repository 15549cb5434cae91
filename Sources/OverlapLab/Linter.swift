import Foundation
import OverlapEngine

/// Lints scenario files: everything the loader rejects, then the checks that need a
/// whole scenario (reachability, names, conditions, teaching content and layout).
public enum Linter {
  /// Lints the file at `path`.
  ///
  /// - Throws: `FileProblem` when the file is missing or cannot be read.
  public static func lint(path: String) throws(FileProblem) -> [LintFinding] {
    lint(data: try FileProblem.read(path), path: path)
  }

  /// Lints scenario text as if it were the file at `path`.
  public static func lint(data: Data, path: String) -> [LintFinding] {
    let scenario: Scenario
    do {
      scenario = try ScenarioLoader.load(data: data, path: path)
    } catch {
      return error.diagnostics.map { LintFinding(.load, $0) }
    }
    var linter = ScenarioLinter(scenario: scenario, source: SourceText(String(decoding: data, as: UTF8.self)))
    return linter.run()
  }
}
