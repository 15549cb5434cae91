import ArgumentParser
import OverlapEngine

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "new", abstract: "(being built)")

  func run() throws {
    throw CLIError("'new' is not built yet", .usage)
  }
}
