import ArgumentParser
import OverlapEngine

struct SavesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "saves", abstract: "(being built)")

  func run() throws {
    throw CLIError("'saves' is not built yet", .usage)
  }
}
