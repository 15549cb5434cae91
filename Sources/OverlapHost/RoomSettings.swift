import Foundation
import OverlapEngine

/// What makes a room the same room after a restart: its scenario, seed, quiz mode,
/// discussion pauses, code, pace and the round it has reached. Kept in the workshop folder as `.room.json` (hidden, so
/// `overlap debrief DIR` reads only the saves), with mode 0600 because it holds the code.
public struct RoomSettings: Codable, Equatable, Sendable {
  /// The scenario's id; every save in the folder must be of it.
  public var scenario: String
  public var seed: UInt64
  public var quiz: Bool
  /// `--workshop`: pause on each scene's discussion prompt.
  public var discuss: Bool
  public var code: String
  public var pace: Pace
  /// With rounds: how many moves everyone may have played so far.
  public var round: Int

  public init(scenario: String, seed: UInt64, quiz: Bool, discuss: Bool, code: String, pace: Pace = .free, round: Int = 1) {
    self.scenario = scenario
    self.seed = seed
    self.quiz = quiz
    self.discuss = discuss
    self.code = code
    self.pace = pace
    self.round = round
  }

  public static let fileName = ".room.json"

  /// The settings a folder's earlier run stored, or nil when it has none.
  public static func stored(in directory: String) throws(HostError) -> RoomSettings? {
    let path = (directory as NSString).appendingPathComponent(fileName)
    let data: Data
    do {
      data = try RegularFile.read(path, limit: 64 * 1024)
    } catch .missing {
      return nil
    } catch {
      throw HostError("\(path): cannot read the room: \(error.reason)")
    }
    do {
      return try JSONDecoder().decode(RoomSettings.self, from: data)
    } catch {
      throw HostError("\(path): not a room file; move it away to start a new room in this folder")
    }
  }

  /// Stores the settings atomically.
  public func store(in directory: String) throws(HostError) {
    let path = (directory as NSString).appendingPathComponent(Self.fileName)
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try AtomicFile.write(Data((try PrettyJSON.text(self) + "\n").utf8), to: path, mode: 0o600)
    } catch {
      throw HostError("\(path): cannot store the room: \(error)")
    }
  }
}

/// How the room moves on: everyone at their own speed, or together, a turn at a time.
public enum Pace: String, Codable, CaseIterable, Sendable {
  case free
  /// Everyone waits at the same turn until the facilitator releases the next round.
  case rounds
}
