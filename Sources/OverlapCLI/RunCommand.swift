import ArgumentParser
import Foundation
import OverlapEngine

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Play a scripted game without a screen and report what happened.",
    discussion: """
      Moves are the choice numbers as shown (1 is the first offered choice) or choice ids. \
      If the moves run out before the story ends, the run stops and reports the state so far; \
      that is not an error. The JSON output is described in docs/headless.md.
      """)

  @Argument(help: "A scenario id (such as 'change') or a path to a scenario file.")
  var scenario: String?

  @Option(help: ArgumentHelp("Moves separated by commas, such as 2,1,3 or ids.", valueName: "MOVES"))
  var moves: String?

  @Option(name: .customLong("moves-file"), help: ArgumentHelp("A file with one move per line ('#' starts a comment); '-' reads standard input.", valueName: "FILE"))
  var movesFile: String?

  @Option(help: "The random seed. Default: 1, so that runs repeat.")
  var seed: UInt64?

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Option(help: ArgumentHelp("Save the result to this save slot.", valueName: "NAME"))
  var save: String?

  @Option(help: ArgumentHelp("Continue the game in this save (a slot name or a path).", valueName: "NAME"))
  var load: String?

  @OptionGroup var options: SharedOptions

  func validate() throws {
    if scenario == nil && load == nil { throw ValidationError("name a scenario, or continue a save with --load NAME") }
    if moves != nil && movesFile != nil { throw ValidationError("use --moves or --moves-file, not both") }
  }

  func run() throws {
    let store = SaveStore(directory: options.savesDirectory)
    // A loaded session keeps its players, quiz answers and creation time through --save.
    var session: Session
    if let load {
      let loaded = try store.load(load, library: options.library)
      if let warning = loaded.warning { Console.warn(warning) }
      let game = loaded.session.game
      if let scenario, scenario != game.scenario.id, options.library.path(for: scenario) != game.scenario.path {
        throw CLIError("save '\(load)' is a game of '\(game.scenario.id)', not '\(scenario)'", .usage)
      }
      if seed != nil, seed != game.seed { throw CLIError("--seed cannot change the seed of a saved game (\(game.seed))", .usage) }
      session = loaded.session
    } else {
      let scenario = try options.library.load(self.scenario ?? "")
      session = Session(game: Playthrough(engine: Engine(scenario: scenario), seed: seed ?? defaultSeed))
    }
    for move in try readMoves() {
      let game = session.game
      if game.isFinished { throw CLIError("turn \(game.state.turn): the game is over, but there are moves left (from '\(TerminalSafe.excerpt(move))' on)", .badData) }
      do {
        try session.play(move)
      } catch {
        throw CLIError(error.description, .badData)
      }
    }
    if let save {
      try store.write(session, as: save)
    }
    let game = session.game
    switch format {
    case .text: Console.current.out(RunReport.text(game))
    case .json: Console.current.out(try RunReport.json(game) + "\n")
    }
  }

  func readMoves() throws -> [String] {
    if let moves {
      return moves.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
    }
    guard let movesFile else { return [] }
    let text: String
    if movesFile == "-" {
      text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    } else {
      text = String(decoding: try FileProblem.read(movesFile), as: UTF8.self)
    }
    return text.split(whereSeparator: \.isNewline).compactMap { line in
      let move = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let trimmed = move.trimmingCharacters(in: .whitespaces)
      return trimmed.isEmpty ? nil : trimmed
    }
  }
}
