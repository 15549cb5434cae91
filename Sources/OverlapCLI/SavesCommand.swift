import ArgumentParser
import Foundation
import OverlapEngine
import OverlapText

struct SavesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "saves",
    abstract: "List the saved games: name, scenario, turn, meters, finished or not, and when.")

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: SharedOptions

  struct Entry: Encodable {
    var name: String
    var scenario: String
    var turn: Int
    var meters: MeterValues
    var finished: Bool
    var ending: String?
    var updated: String
    var players: [String]
  }

  func run() throws {
    let store = SaveStore(directory: options.savesDirectory)
    var entries: [Entry] = []
    for name in try store.names() {
      do {
        let save = try store.read(name)
        entries.append(Entry(
          name: name, scenario: save.scenario, turn: save.summary.turn, meters: save.summary.meters,
          finished: save.summary.finished, ending: save.summary.ending?.id, updated: save.updated, players: save.players))
      } catch {
        Console.warn("\(error)")
      }
    }
    switch format {
    case .json:
      Console.print(try PrettyJSON.text(entries))
    case .text:
      if entries.isEmpty {
        Console.print("No saves in '\(store.directory)'.")
        return
      }
      let rows = [["NAME", "SCENARIO", "TURN", "MORALE", "EFFIC.", "STABIL.", "STATE", "UPDATED"]] + entries.map { entry in
        [
          entry.name, entry.scenario, String(entry.turn), String(entry.meters.morale), String(entry.meters.efficiency),
          String(entry.meters.stability), entry.finished ? "ended: \(entry.ending ?? "?")" : "in progress", entry.updated,
        ]
      }
      Console.print(table(rows))
    }
  }
}

/// Left-aligned columns separated by two spaces, measured in terminal columns.
func table(_ rows: [[String]]) -> String {
  let widths = (0..<(rows.first?.count ?? 0)).map { column in
    rows.map { TextLayout.width(of: $0[column]) }.max() ?? 0
  }
  return rows.map { row in
    row.enumerated().map { column, cell in
      column == row.count - 1 ? cell : cell.rightPadded(to: widths[column])
    }.joined(separator: "  ")
  }.joined(separator: "\n")
}
