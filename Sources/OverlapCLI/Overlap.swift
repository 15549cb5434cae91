import ArgumentParser
import Foundation
import OverlapEngine

/// The `overlap` command tree.
public struct Overlap: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "overlap",
    abstract: "A role-play simulation about leading and managing a team.",
    discussion: """
      Run with no command on a terminal to open the full-screen game.

      Exit codes: 0 ok, 1 a test or check failed, 64 bad usage, 65 bad data (scenario, save \
      or move), 66 missing input, 74 I/O error, 130 interrupted.
      """,
    version: "0.1.0",
    subcommands: [
      PlayCommand.self, RunCommand.self, CheckCommand.self, TestCommand.self, ExploreCommand.self,
      DebriefCommand.self, HostCommand.self, ScenariosCommand.self, SavesCommand.self, NewCommand.self,
    ])

  public init() {}

  public func run() throws {
    if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
      // Parsed rather than constructed: reading an unparsed @Option or @Flag traps.
      let play = try PlayCommand.parse([])
      try play.run()
    } else {
      Console.current.err(Overlap.helpMessage() + "\n")
      throw CLIError("no command given; see the list above", .usage)
    }
  }

  /// Parses and runs a command line, returning the exit status instead of exiting,
  /// so tests can run commands in-process.
  public static func execute(_ arguments: [String]) -> Int32 {
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      return ExitStatus.ok.rawValue
    } catch let error as CLIError {
      if !error.message.isEmpty { Console.error(error.message) }
      return error.status.rawValue
    } catch let error as FileProblem {
      Console.error(error.description)
      return ExitStatus(for: error).rawValue
    } catch let error as SaveProblem {
      Console.error(error.description)
      return ExitStatus(for: error).rawValue
    } catch let interrupted as Interrupted {
      Console.error("interrupted by \(interrupted.name)")
      return ExitStatus.interrupted.rawValue
    } catch let error as ScenarioError {
      Console.current.err(error.description + "\n")
      return ExitStatus.badData.rawValue
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        Console.current.out(message + "\n")
        return 0
      }
      // A value typed across lines would otherwise split the error line.
      let reason = Self.message(for: error)
      Console.current.err(message.replacingOccurrences(of: reason, with: TerminalSafe.line(reason)) + "\n")
      // ArgumentParser reports usage problems as EX_USAGE (64) already.
      return code.rawValue
    }
  }
}

/// Options that several commands share.
struct SharedOptions: ParsableArguments {
  @Option(name: .customLong("scenarios"), help: ArgumentHelp("Folder of scenario files (or OVERLAP_SCENARIOS).", valueName: "DIR"))
  var scenariosDirectory: String?

  @Option(name: .customLong("saves"), help: ArgumentHelp("Folder of save games (or OVERLAP_SAVES; default SaveGames).", valueName: "DIR"))
  var savesDirectory: String?

  var library: ScenarioLibrary { ScenarioLibrary(directory: scenariosDirectory) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// The seed that headless commands use unless told otherwise, so runs repeat.
let defaultSeed = Engine.defaultSeed
