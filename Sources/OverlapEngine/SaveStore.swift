import Foundation

/// The folder of saves: named slots, autosaves, atomic writes and backups.
public struct SaveStore: Sendable {
  public var directory: String

  /// `--saves DIR`, else `OVERLAP_SAVES`, else `SaveGames`.
  public init(directory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.directory = directory ?? environment["OVERLAP_SAVES"] ?? "SaveGames"
  }

  public static func autosaveName(for scenario: String) -> String { "autosave-\(scenario)" }

  /// Slot names are plain file names, so a name can never reach outside the folder.
  public static func isValidName(_ name: String) -> Bool {
    guard (1...64).contains(name.count), !name.hasPrefix(".") else { return false }
    return name.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0))
    }
  }

  /// A slot name, or a path to a save file (anything with a slash or ending in .json).
  public func path(for reference: String) throws(SaveProblem) -> String {
    if reference.contains("/") || reference.hasSuffix(".json") { return reference }
    guard Self.isValidName(reference) else { throw .badName(reference) }
    return (directory as NSString).appendingPathComponent("\(reference).json")
  }

  // MARK: - Reading

  public func read(_ reference: String) throws(SaveProblem) -> SaveGame {
    let path = try path(for: reference)
    guard FileManager.default.fileExists(atPath: path) else {
      throw .missing(path, available: (try? names()) ?? [])
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw .io(path, "cannot read the file") }
    return try SaveGame.decode(data, path: path)
  }

  /// A loaded save and its game, replayed through the engine.
  public struct Opened: Sendable {
    public var save: SaveGame
    public var game: Playthrough
    public var path: String
    /// Set when the scenario file changed since the save was made.
    public var warning: String?
  }

  /// Reads a save, loads its scenario and replays the moves.
  ///
  /// - Throws: `SaveProblem`, or the scenario's `FileProblem`/`ScenarioError`.
  public func load(_ reference: String, library: ScenarioLibrary) throws -> Opened {
    let save = try read(reference)
    let path = try path(for: reference)
    let scenario = try library.load(save.scenario)
    var warning: String?
    if scenario.contentHash != save.scenarioHash {
      warning = "\(path): the scenario '\(save.scenario)' has changed since this game was saved; replaying the moves anyway"
    }
    do {
      let game = try Playthrough.replay(engine: Engine(scenario: scenario), seed: save.seed, moves: save.moves)
      return Opened(save: save, game: game, path: path, warning: warning)
    } catch {
      throw SaveProblem.badMove(path, error)
    }
  }

  /// Slot names in the folder, sorted.
  public func names() throws(SaveProblem) -> [String] {
    guard FileManager.default.fileExists(atPath: directory) else { return [] }
    do {
      return try FileManager.default.contentsOfDirectory(atPath: directory)
        .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        .map { String($0.dropLast(5)) }
        .sorted()
    } catch {
      throw .io(directory, "cannot list the folder: \(error.localizedDescription)")
    }
  }

  // MARK: - Writing

  /// Writes a slot atomically and keeps the previous version as `NAME.json.bak`.
  ///
  /// The new save goes to a temporary file in the same folder, is flushed to disk, and
  /// is renamed over the old one, so a reader (or a crash) only ever sees a whole file.
  public func write(_ save: SaveGame, as name: String) throws(SaveProblem) {
    guard Self.isValidName(name) else { throw .badName(name) }
    let path = try self.path(for: name)
    let data: Data
    do { data = try save.encoded() } catch { throw .io(path, "cannot encode the save: \(error)") }
    try createDirectory()
    if let previous = FileManager.default.contents(atPath: path), previous != data {
      try writeAtomically(previous, to: path + ".bak")
    }
    try writeAtomically(data, to: path)
  }

  func createDirectory() throws(SaveProblem) {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .io(directory, "cannot create the saves folder: \(error.localizedDescription)")
    }
  }

  func writeAtomically(_ data: Data, to path: String) throws(SaveProblem) {
    do {
      try AtomicFile.write(data, to: path)
    } catch {
      throw .io(path, "cannot write: \(error.reason); the previous save is unchanged")
    }
  }
}
