import ArgumentParser
import OverlapEngine

struct DebriefCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "debrief", abstract: "(being built)")

  func run() throws {
    throw CLIError("'debrief' is not built yet", .usage)
  }
}
