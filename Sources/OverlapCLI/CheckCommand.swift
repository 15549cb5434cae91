import ArgumentParser
import OverlapEngine

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Lint scenario files: errors and warnings as file:line:col: severity: message.")

  @Argument(help: "Scenario files or folders (default: the Scenarios folder).")
  var paths: [String] = []

  @OptionGroup var options: SharedOptions

  func run() throws {
    let files = ScenarioLibrary.expand(paths.isEmpty ? [options.library.directory] : paths)
    var failed = false
    for file in files {
      do {
        _ = try ScenarioLoader.load(path: file)
      } catch let error as ScenarioError {
        failed = true
        Console.print(error.description)
      }
    }
    Console.print("\(files.count) file(s) checked")
    if failed { throw CLIError("", .failed) }
  }
}
