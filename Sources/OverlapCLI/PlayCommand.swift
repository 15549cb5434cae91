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
      to the game's own slot, autosave-SCENARIO-DATE-TIME, in the saves folder; resuming an \
      autosave keeps writing to it, and Continue on the menu picks the newest. A new game picks a random seed and shows it; \
      give --seed to replay the same events.

      For workshops, --quiz, --team and --workshop combine. In a quiz, each move's style is \
      hidden: after choosing, say which it was (l or m), then see the answer, the teaching \
      note and the running score. With a team, the deciding member rotates each turn and is \
      shown on screen. With --workshop, each turn ends on the scene's discussion prompt until \
      you go on. Names and answers are saved with the game and show in its debrief; a saved \
      game keeps its team and quiz mode, so --load brings them back by itself.
      """)

  @Argument(help: "A scenario id (such as 'change') or a path to a scenario file.")
  var scenario: String?

  @Option(help: "The random seed. Default: a new one each game, shown on screen.")
  var seed: UInt64?

  @Option(help: ArgumentHelp("Resume the game in this save (a slot name or a path).", valueName: "SAVE"))
  var load: String?

  @Flag(help: "Play line by line (for pipes, screen readers and simple terminals).")
  var plain = false

  @Flag(help: "Hide each move's style; after each move, say whether it was a leader or a manager move.")
  var quiz = false

  @Option(
    help: ArgumentHelp(
      "A team member for hot-seat play (repeat the option for each, in playing order).", valueName: "NAME"))
  var team: [String] = []

  @Flag(help: "After each turn, pause on the scene's discussion prompt.")
  var workshop = false

  @OptionGroup var options: SharedOptions

  init() {}

  func validate() throws {
    if load != nil && seed != nil { throw ValidationError("--seed cannot change the seed of a saved game") }
    // Changing them mid-game would misattribute earlier moves and answers.
    if load != nil && !team.isEmpty { throw ValidationError("--team cannot change the players of a saved game") }
    if load != nil && quiz { throw ValidationError("--quiz cannot change a saved game; a quiz save resumes as a quiz") }
    let names = workshopOptions.team
    if names.contains("") { throw ValidationError("--team needs a name") }
    // A name is shown in tables and on screen: a line break would split its row, an escape would drive the terminal.
    if names.contains(where: { $0.unicodeScalars.contains(where: TerminalSafe.isControl) }) {
      throw ValidationError("--team names cannot hold control characters such as line breaks, tabs or escapes")
    }
    if Set(names).count != names.count { throw ValidationError("--team names must differ") }
  }

  var workshopOptions: WorkshopOptions {
    WorkshopOptions(quiz: quiz, team: team.map { $0.trimmingCharacters(in: .whitespaces) }, discuss: workshop)
  }

  func run() throws {
    let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let dumb = ProcessInfo.processInfo.environment["TERM"].map { $0.isEmpty || $0 == "dumb" } ?? true
    let store = SaveStore(directory: options.savesDirectory)
    if !plain && interactive && !dumb {
      let fullScreen = FullScreenPlay(store: store, library: options.library, seed: seed, workshop: workshopOptions)
      do {
        let status = try fullScreen.run(scenario: scenario, load: load)
        if status != .ok { throw CLIError("", status) }
        return
      } catch let error as TerminalError {
        Console.warn("\(error); playing line by line")
      }
    }
    var session = PlainPlay(store: store, library: options.library, workshop: workshopOptions)
    try session.start(scenario: scenario, seed: seed, load: load)
  }
}

/// A fresh seed for interactive play; headless commands use a fixed default instead.
func randomSeed() -> UInt64 {
  UInt64.random(in: 1...999_999)
}
