import ArgumentParser
import OverlapEngine
import OverlapLab

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Lint scenario files: errors and warnings as file:line:col: severity: message.",
    discussion: """
      Finds what the loader rejects, scenes and endings no path can reach, conditions \
      that can never be true, variables and flags used but never set (or set but never \
      used), choices without a note or lens, scenes that offer one style, missing \
      success or failure endings, and text too wide for an 80-column screen. \
      Exit status: 0 clean (warnings allowed), 1 errors (or warnings with --strict), \
      66 a file is missing or unreadable (the others are still checked). \
      The rules and the JSON output are described in docs/lab.md.
      """)

  @Argument(help: "Scenario files or folders (default: the Scenarios folder).")
  var paths: [String] = []

  @Flag(help: "Fail on warnings as well as errors.")
  var strict = false

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: SharedOptions

  /// The JSON document, for editors and CI.
  struct Document: Encodable {
    var files: [String]
    var errors: Int
    var warnings: Int
    var findings: [LintFinding]
  }

  func run() throws {
    let folder = options.library.directory
    let files = ScenarioLibrary.expand(paths.isEmpty ? [folder] : paths)
    if files.isEmpty {
      throw CLIError("no scenario files in '\(paths.isEmpty ? folder : paths.joined(separator: ", "))'", .noInput)
    }
    var findings: [LintFinding] = []
    // A missing or unreadable file is reported and skipped, so the others still get checked.
    var unreadable = 0
    var loaded: [Scenario] = []
    for file in files {
      do {
        findings += try Linter.lint(path: file)
        if strict, let scenario = try? ScenarioLoader.load(path: file) { loaded.append(scenario) }
      } catch {
        Console.error(error.description)
        unreadable += 1
      }
    }
    // Stock phrases only show across a body of writing, so --strict compares all the files.
    if strict { findings += RepeatedPhrases.findings(in: loaded) }
    let errors = findings.count { $0.severity == .error }
    let warnings = findings.count - errors
    switch format {
    case .text:
      for finding in findings { Console.print(finding.description) }
      let checked = files.count - unreadable
      let summary = "\(checked) \(checked == 1 ? "file" : "files") checked: \(Self.count(errors, "error")), \(Self.count(warnings, "warning"))"
      Console.print(summary)
    case .json:
      Console.print(try PrettyJSON.text(Document(files: files, errors: errors, warnings: warnings, findings: findings)))
    }
    if unreadable > 0 { throw CLIError("", .noInput) }
    if errors > 0 || (strict && warnings > 0) { throw CLIError("", .failed) }
  }

  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
