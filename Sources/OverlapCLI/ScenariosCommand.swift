import ArgumentParser
import OverlapEngine
import OverlapText

struct ScenariosCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scenarios", abstract: "List the scenarios found, with id, title and turn count.")

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: SharedOptions

  struct Entry: Encodable {
    var id: String
    var title: String
    var turns: Int
    var path: String
    var summary: String
  }

  func run() throws {
    let library = options.library
    let files = library.files()
    if files.isEmpty { throw CLIError("no scenario files in '\(library.directory)'", .noInput) }
    var entries: [Entry] = []
    var broken = 0
    for file in files {
      do {
        let scenario = try ScenarioLoader.load(path: file)
        entries.append(Entry(id: scenario.id, title: scenario.title, turns: scenario.maxTurns, path: file, summary: scenario.summary))
      } catch {
        broken += 1
        Console.warn("\(file) does not load; run 'overlap check \(file)' to see why")
      }
    }
    switch format {
    case .json:
      Console.print(try PrettyJSON.text(entries))
    case .text:
      let width = entries.map { TextLayout.width(of: $0.id) }.max() ?? 2
      for entry in entries {
        Console.print("\(entry.id.rightPadded(to: width))  \(entry.title) (\(entry.turns) turns)")
      }
    }
    if broken > 0 { throw CLIError("", .badData) }
  }
}
