import ArgumentParser
import Foundation
import OverlapEngine
import OverlapTerminal

struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Play a scenario: full screen on a terminal, line by line otherwise.",
    discussion: """
      Without a scenario the full-screen game opens at its main menu. Every turn is autosaved \
      to autosave-SCENARIO in the saves folder. A new game picks a random seed and shows it; \
      give --seed to replay the same events.
      """)

  @Argument(help: "A scenario id (such as 'change') or a path to a scenario file.")
  var scenario: String?

  @Option(help: "The random seed. Default: a new one each game, shown on screen.")
  var seed: UInt64?

  @Option(help: ArgumentHelp("Resume the game in this save (a slot name or a path).", valueName: "SAVE"))
  var load: String?

  @Flag(help: "Play line by line (for pipes, screen readers and simple terminals).")
  var plain = false

  @OptionGroup var options: SharedOptions

  init() {}

  func validate() throws {
    if load != nil && seed != nil { throw ValidationError("--seed cannot change the seed of a saved game") }
  }

  func run() throws {
    let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let dumb = ProcessInfo.processInfo.environment["TERM"].map { $0.isEmpty || $0 == "dumb" } ?? true
    let store = SaveStore(directory: options.savesDirectory)
    if !plain && interactive && !dumb {
      let fullScreen = FullScreenPlay(store: store, library: options.library, seed: seed)
      do {
        let status = try fullScreen.run(scenario: scenario, load: load)
        if status != .ok { throw CLIError("", status) }
        return
      } catch let error as TerminalError {
        Console.warn("\(error); playing line by line")
      }
    }
    var session = PlainPlay(store: store, library: options.library)
    try session.start(scenario: scenario, seed: seed, load: load)
  }
}

/// A fresh seed for interactive play; headless commands use a fixed default instead.
func randomSeed() -> UInt64 {
  UInt64.random(in: 1...999_999)
}
