import ArgumentParser
import Foundation
import OverlapEngine
import OverlapLab

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run the test cases written inside scenario files.",
    discussion: """
      Each test plays its moves from its seed (default: 1) and compares the ending, tone, \
      meters and flags with what it expects. One line per test, then 'N passed, N failed'. \
      A file that is missing or does not load counts as one failed test. Exit status: 0 all passed, \
      1 a test failed. See docs/lab.md.
      """)

  @Argument(help: "Scenario files or folders (default: the Scenarios folder).")
  var paths: [String] = []

  @Option(help: ArgumentHelp("Also write the results as JUnit XML to this file.", valueName: "FILE"))
  var junit: String?

  @OptionGroup var options: SharedOptions

  func run() throws {
    let folder = options.library.directory
    let files = ScenarioLibrary.expand(paths.isEmpty ? [folder] : paths)
    if files.isEmpty {
      throw CLIError("no scenario files in '\(paths.isEmpty ? folder : paths.joined(separator: ", "))'", .noInput)
    }
    var suites: [JUnitReport.Suite] = []
    for file in files {
      do {
        let scenario = try ScenarioLoader.load(path: file)
        if scenario.tests.isEmpty { Console.warn("\(file) has no tests; add some under 'tests:'") }
        let outcomes = TestRunner.run(scenario)
        for outcome in outcomes { Console.print(line(for: outcome)) }
        suites.append(JUnitReport.Suite(name: scenario.id, path: file, outcomes: outcomes))
      } catch let error as FileProblem {
        Console.print("FAIL \(error.description)")
        suites.append(JUnitReport.Suite(name: file, path: file, outcomes: [], problem: error.description))
      } catch let error as ScenarioError {
        Console.print("FAIL \(file): the scenario does not load")
        for diagnostic in error.diagnostics { Console.print("     \(diagnostic)") }
        suites.append(JUnitReport.Suite(name: file, path: file, outcomes: [], problem: error.description))
      }
    }
    let failed = suites.reduce(0) { $0 + $1.failures + $1.errors }
    let passed = suites.reduce(0) { $0 + $1.tests } - failed
    if let junit { try OutputFile.write(JUnitReport(suites: suites).xml, to: junit) }
    Console.print("\(passed) passed, \(failed) failed")
    if failed > 0 { throw CLIError("", .failed) }
  }

  /// `ok   id: name`, or `FAIL id: name` followed by what differed, each at its place in the file.
  func line(for outcome: TestOutcome) -> String {
    guard !outcome.passed else { return "ok   \(outcome.scenario): \(outcome.name)" }
    let place = "\(outcome.path):\(outcome.location.line):\(outcome.location.column)"
    let details = outcome.failures.map { "     \(place): \($0)" }
    return (["FAIL \(outcome.scenario): \(outcome.name)"] + details).joined(separator: "\n")
  }
}
