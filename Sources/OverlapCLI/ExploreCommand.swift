import ArgumentParser
import OverlapEngine

struct ExploreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "explore", abstract: "(being built)")

  func run() throws {
    throw CLIError("'explore' is not built yet", .usage)
  }
}
