import Foundation

/// A saved game: a recording (scenario, seed, moves) plus a summary for listings.
/// Loading replays the moves, so a save stays valid across engine changes and can be verified.
public struct SaveGame: Codable, Equatable, Sendable {
  /// Format history:
  /// - 1: first format.
  public static let currentVersion = 1
  /// The oldest format this build still reads.
  public static let oldestReadableVersion = 1

  public struct Summary: Codable, Equatable, Sendable {
    public var turn: Int
    public var meters: MeterValues
    public var finished: Bool
    public var ending: EndingSummary?
  }

  public var formatVersion: Int
  /// Readers whose own format is older than this cannot read the file.
  public var minimumReaderVersion: Int
  public var scenario: String
  /// `Scenario.contentHash` of the file the game was played on.
  public var scenarioHash: String
  public var seed: UInt64
  public var moves: [String]
  /// Player or team member names, in playing order; empty for solo play.
  public var players: [String]
  /// Quiz answers per move: the style the player guessed, or nil when not in quiz mode.
  public var quiz: [Style?]?
  /// ISO 8601 times, UTC.
  public var created: String
  public var updated: String
  public var summary: Summary

  /// The save of `session`, the only way one is made.
  public init(_ session: Session) {
    let game = session.game
    formatVersion = Self.currentVersion
    minimumReaderVersion = 1
    scenario = game.scenario.id
    scenarioHash = game.scenario.contentHash
    seed = game.seed
    moves = game.moves
    players = session.players
    quiz = session.quiz
    created = Self.timestamp(session.created)
    updated = Self.timestamp(session.updated)
    summary = Summary(
      turn: session.shownTurn, meters: MeterValues(game.state), finished: game.isFinished,
      ending: game.ending.map(EndingSummary.init))
  }

  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  public var createdDate: Date? { Self.date(created) }

  static func date(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

  /// Encoded with sorted keys, so the same game always gives the same bytes.
  public func encoded() throws -> Data {
    Data((try PrettyJSON.text(self) + "\n").utf8)
  }

  /// Decodes, checks the format versions, and refuses content no real save holds.
  public static func decode(_ data: Data, path: String) throws(SaveProblem) -> SaveGame {
    let save = try decodeFields(data, path: path)
    if let problem = save.firstProblem { throw .corrupt(path, problem) }
    return save
  }

  static func decodeFields(_ data: Data, path: String) throws(SaveProblem) -> SaveGame {
    struct VersionOnly: Decodable {
      var formatVersion: Int
      var minimumReaderVersion: Int?
    }
    guard !data.isEmpty else { throw .corrupt(path, "the file is empty") }
    let decoder = JSONDecoder()
    guard let version = try? decoder.decode(VersionOnly.self, from: data) else {
      do {
        _ = try JSONSerialization.jsonObject(with: data)
        throw SaveProblem.corrupt(path, "it has no 'formatVersion' number, so it is not an Overlap save")
      } catch let problem as SaveProblem {
        throw problem
      } catch {
        throw .corrupt(path, "it is not valid JSON (truncated or edited?)")
      }
    }
    if version.formatVersion > currentVersion {
      throw .newer(path, version.formatVersion)
    }
    if let minimum = version.minimumReaderVersion, minimum > currentVersion {
      throw .needsNewerReader(path, minimum)
    }
    if version.formatVersion < oldestReadableVersion {
      throw .corrupt(path, "format \(version.formatVersion) is too old; this build reads \(oldestReadableVersion) to \(currentVersion)")
    }
    do {
      return try decoder.decode(SaveGame.self, from: data)
    } catch let DecodingError.keyNotFound(key, _) {
      throw .corrupt(path, "the key '\(key.stringValue)' is missing")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
      let where_ = context.codingPath.map(\.stringValue).joined(separator: ".")
      throw .corrupt(path, "'\(where_)' has the wrong type")
    } catch let DecodingError.dataCorrupted(context) {
      // Foundation reports a number out of range (a seed of -1) with no field and
      // "not valid JSON", so find the field by looking at the values themselves.
      if context.codingPath.isEmpty, let field = misfitTopLevelField(data) { throw .corrupt(path, field) }
      throw .corrupt(path, "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' is invalid: \(context.debugDescription)")
    } catch {
      throw .corrupt(path, "it cannot be read: \(error)")
    }
  }
}

// MARK: - Checking

extension SaveGame {
  /// Which top-level number is out of range for its field, in words, if one is.
  static func misfitTopLevelField(_ data: Data) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    if let seed = object["seed"] as? NSNumber, seed.doubleValue < 0 || seed.doubleValue >= 0x1p64 || seed.doubleValue.rounded() != seed.doubleValue {
      return "'seed' must be a whole number from 0 to \(UInt64.max)"
    }
    for field in ["formatVersion", "minimumReaderVersion"] {
      if let number = object[field] as? NSNumber, abs(number.doubleValue) >= 0x1p63 || number.doubleValue.rounded() != number.doubleValue {
        return "'\(field)' must be a whole number"
      }
    }
    return nil
  }

  /// Limits far above any real game, so that a hostile save cannot make replaying or
  /// printing it slow: a 10 MB move id would otherwise be compared and echoed whole.
  static let maximumMoves = 10_000
  static let maximumMoveLength = 200
  static let maximumPlayers = 100
  static let maximumTextLength = 200

  /// What is wrong with the decoded fields, naming the field, or nil when they are sound.
  var firstProblem: String? {
    if !Scenario.isIdentifier(scenario) {
      return "'scenario' must be a scenario id (letters, digits, '-' and '_'), not a path or other text"
    }
    if moves.count > Self.maximumMoves { return "'moves' has more than \(Self.maximumMoves) moves" }
    if let index = moves.firstIndex(where: { $0.isEmpty || $0.count > Self.maximumMoveLength }) {
      return "'moves[\(index)]' must be a choice id or number of 1 to \(Self.maximumMoveLength) characters"
    }
    if players.count > Self.maximumPlayers { return "'players' has more than \(Self.maximumPlayers) names" }
    if let index = players.firstIndex(where: { $0.count > Self.maximumTextLength }) {
      return "'players[\(index)]' is longer than \(Self.maximumTextLength) characters"
    }
    if let quiz, quiz.count > moves.count { return "'quiz' has more answers than there are moves" }
    let texts = [
      ("scenarioHash", scenarioHash), ("created", created), ("updated", updated),
      ("summary.ending.id", summary.ending?.id ?? ""), ("summary.ending.title", summary.ending?.title ?? ""),
    ]
    if let (field, _) = texts.first(where: { $0.1.count > Self.maximumTextLength }) {
      return "'\(field)' is longer than \(Self.maximumTextLength) characters"
    }
    return nil
  }
}

/// Why a save could not be read or written.
public enum SaveProblem: Error, Equatable, Sendable, CustomStringConvertible {
  case badName(String)
  case missing(String, available: [String])
  case corrupt(String, String)
  case newer(String, Int)
  /// The save says readers older than this save format cannot read it.
  case needsNewerReader(String, Int)
  case badMove(String, MoveError)
  case io(String, String)

  public var description: String {
    switch self {
    case .badName(let name):
      "'\(name)' is not a usable save name: use letters, digits, '-', '_' and '.', up to 64, not starting with '.'"
    case .missing(let path, let available):
      "\(path): no such save" + (available.isEmpty ? "" : " (saves: \(available.joined(separator: ", ")))")
    case .corrupt(let path, let why): "\(path): not a readable save: \(why); the file was left as it is"
    case .newer(let path, let version):
      "\(path): made by a newer Overlap (save format \(version)); this build reads formats \(SaveGame.oldestReadableVersion) to \(SaveGame.currentVersion)"
    case .needsNewerReader(let path, let version):
      "\(path): needs an Overlap that reads save format \(version) or later; this build reads formats \(SaveGame.oldestReadableVersion) to \(SaveGame.currentVersion)"
    case .badMove(let path, let error): "\(path): the recorded moves no longer fit the scenario at \(error); the file was left as it is"
    case .io(let path, let why): "\(path): \(why)"
    }
  }
}
