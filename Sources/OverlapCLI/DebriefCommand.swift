import ArgumentParser
import Foundation
import OverlapEngine
import OverlapLab
import OverlapTUI
import OverlapText

struct DebriefCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "debrief",
    abstract: "Show what a game's choices did and why, or compare a whole class side by side.",
    discussion: """
      Each SAVE is a save slot name, a path to a save file, or a folder (every *.json file in \
      it; .bak backups are left out). One save gives its debrief. Several give a class debrief, \
      grouped by scenario; in Markdown, HTML and JSON each run's own debrief follows. A save \
      that cannot be read is skipped with a warning naming it, and the rest are reported. \
      See docs/debrief.md.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json
  }

  @Argument(help: ArgumentHelp("Save slot names, save files or folders of saves.", valueName: "SAVE"))
  var saves: [String]

  @Option(help: "Output format: text, markdown, html or json.")
  var format: Format = .text

  @Option(
    help: ArgumentHelp(
      "Write to this file (replaced atomically; a pipe or device is written as it is; - is standard output).",
      valueName: "FILE"))
  var output: String?

  @OptionGroup var options: SharedOptions

  func run() throws {
    let store = SaveStore(directory: options.savesDirectory)
    let runs = try load(references(store: store), store: store)
    let rendered: String
    if runs.count == 1, let run = runs.first {
      rendered = try render(run.debrief)
    } else {
      rendered = try render(ClassDebrief(runs.map { ($0.debrief, $0.opened.session.scenario) }))
    }
    guard let output, !OutputFile.isStandardOutput(output) else {
      Console.current.out(rendered, colour: format == .text && TerminalTraits.current(writingToFile: false).color)
      return
    }
    try OutputFile.write(rendered, to: output)
    Console.print("Wrote the \(runs.count == 1 ? "debrief" : "class debrief of \(runs.count) runs") to \(output).")
  }

  // MARK: - Finding saves

  /// A save to debrief, and whether it was found in a folder rather than named.
  struct Reference {
    var path: String
    var inFolder: Bool
  }

  /// Expands folders into their saves, keeping each file once.
  func references(store: SaveStore) throws -> [Reference] {
    var found: [Reference] = []
    for argument in saves {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
        let files: [String]
        do {
          files = try FileManager.default.contentsOfDirectory(atPath: argument)
        } catch {
          throw CLIError("\(argument): cannot list the folder: \(error.localizedDescription)", .ioError)
        }
        let saves = files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        if saves.isEmpty { throw CLIError("\(argument): no saves (*.json) in this folder", .noInput) }
        found += saves.map { Reference(path: (argument as NSString).appendingPathComponent($0), inFolder: true) }
      } else {
        found.append(Reference(path: try store.path(for: argument), inFolder: false))
      }
    }
    var seen: Set<String> = []
    return found.filter { seen.insert(($0.path as NSString).standardizingPath).inserted }
  }

  /// A replayed save and the name it goes by in the debrief.
  struct Loaded {
    var opened: SaveStore.Opened
    var name: String

    var debrief: Debrief {
      Debrief(opened.session, name: name)
    }
  }

  /// Loads every save, skipping (with a warning) those that cannot be read. A lone save
  /// fails as `run --load` would; a save named on the command line that does not exist
  /// stops the command, since it is most likely a typo.
  func load(_ references: [Reference], store: SaveStore) throws -> [Loaded] {
    var loaded: [SaveStore.Opened] = []
    var failures: [ExitStatus] = []
    for reference in references {
      do {
        let opened = try store.load(reference.path, library: options.library)
        if let warning = opened.warning { Console.warn(warning) }
        loaded.append(opened)
      } catch {
        if references.count == 1 { throw error }
        if case SaveProblem.missing = error, !reference.inFolder { throw error }
        if error is SaveProblem {
          Console.warn("\(error); skipped")
        } else {
          Console.warn("\(reference.path): cannot load its scenario: \(error); skipped")
        }
        failures.append(ExitStatus(for: error))
      }
    }
    guard !loaded.isEmpty else {
      let status = failures.contains(.badData) ? .badData : failures.first ?? .noInput
      throw CLIError("none of the saves could be read", status)
    }
    return Self.names(loaded)
  }

  /// File names without `.json`; paths where two saves share a file name.
  static func names(_ opened: [SaveStore.Opened]) -> [Loaded] {
    let names = opened.map { (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension }
    return zip(opened, names).map { save, name in
      Loaded(opened: save, name: names.filter { $0 == name }.count > 1 ? save.path : name)
    }
  }

  // MARK: - Rendering

  func render(_ debrief: some DebriefDocument) throws -> String {
    switch format {
    case .text:
      let terminal = TerminalTraits.current(writingToFile: output != nil && !OutputFile.isStandardOutput(output))
      return debrief.lines(width: terminal.width, unicode: terminal.unicode).text(ansi: terminal.color)
    case .markdown: return debrief.markdown()
    case .html: return debrief.html()
    case .json: return try PrettyJSON.text(debrief) + "\n"
    }
  }
}

/// What the text debrief may assume about where it is printed.
struct TerminalTraits {
  var width: Int
  var unicode: Bool
  var color: Bool

  static func current(
    writingToFile: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> TerminalTraits {
    let terminal = !writingToFile && isatty(STDOUT_FILENO) == 1
    var width = Int(environment["COLUMNS"] ?? "") ?? 80
    var size = winsize()
    if terminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { width = Int(size.ws_col) }
    return TerminalTraits(
      width: min(100, max(40, width)), unicode: Capabilities.prefersUnicode(environment),
      color: terminal && Capabilities.allowsColor(environment))
  }
}
