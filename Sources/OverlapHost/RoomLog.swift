import Foundation
import OverlapEngine

/// Something that happened in the room, for the facilitator's log.
public enum RoomEvent: Equatable, Sendable {
  case join(name: String, turn: Int, resumed: Bool)
  case move(name: String, turn: Int, choice: String, style: Style, meters: MeterValues)
  case ending(name: String, ending: String, tone: String)
  case leave(name: String, turn: Int)
  /// A connection refused before or at joining: a wrong code, a taken name, a full room.
  case refused(address: String, reason: String)
  /// The class debrief was written, at once when the last game in the room ended.
  case debriefWritten(paths: [String])

  /// One plain line, safe to print: every value from a stranger passes the sanitizer.
  public var line: String {
    switch self {
    case .join(let name, let turn, let resumed):
      "join \(name) turn \(turn)\(resumed ? " (resumed)" : "")"
    case .move(let name, let turn, let choice, let style, let meters):
      "move \(name) turn \(turn) \(choice) \(style.rawValue) morale \(meters.morale) efficiency \(meters.efficiency) stability \(meters.stability)"
    case .ending(let name, let ending, let tone):
      "ending \(name) \(ending) \(tone)"
    case .leave(let name, let turn):
      "leave \(name) turn \(turn)"
    case .refused(let address, let reason):
      "refused \(address) \(reason)"
    case .debriefWritten(let paths):
      "debrief \(paths.joined(separator: " "))"
    }
  }
}

/// Writes one line per event, with the time, to a sink such as standard output.
public final class RoomLog: Sendable {
  private let sink: @Sendable (String) -> Void

  public init(sink: @escaping @Sendable (String) -> Void) {
    self.sink = sink
  }

  func record(_ event: RoomEvent, at date: Date = Date()) {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    sink(formatter.string(from: date) + " " + TerminalSafe.line(event.line, limit: 300))
  }
}
