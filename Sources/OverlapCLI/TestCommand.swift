import ArgumentParser
import OverlapEngine

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "test", abstract: "(being built)")

  func run() throws {
    throw CLIError("'test' is not built yet", .usage)
  }
}
