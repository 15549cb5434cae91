import Foundation

/// The folder of saves: named slots, autosaves, atomic writes and backups.
public struct SaveStore: Sendable {
  public var directory: String

  /// `--saves DIR`, else `OVERLAP_SAVES`, else `SaveGames`.
  public init(directory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.directory = directory ?? environment["OVERLAP_SAVES"] ?? "SaveGames"
  }

  static let autosavePrefix = "autosave-"

  /// Whether a slot holds an autosave rather than a save the player named.
  public static func isAutosave(_ name: String) -> Bool { name.hasPrefix(autosavePrefix) }

  /// The slot a game autosaves to. A game continued from an autosave keeps writing to it;
  /// any other game, new or loaded from a named save, gets a slot of its own
  /// (`autosave-SCENARIO-DATE-TIME`), so two games never overwrite each other's progress.
  public func autosaveSlot(continuing loaded: String?, scenario: String, now: Date = Date()) -> String {
    if let loaded, Self.isAutosave(loaded), Self.isValidName(loaded) { return loaded }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let base = "\(Self.autosavePrefix)\(scenario.prefix(32))-\(formatter.string(from: now))"
    let taken = Set((try? names()) ?? [])
    var name = base
    var number = 2
    while taken.contains(name) {
      name = "\(base)-\(number)"
      number += 1
    }
    return name
  }

  /// Slot names are plain file names, so a name can never reach outside the folder.
  public static func isValidName(_ name: String) -> Bool {
    guard (1...64).contains(name.count), !name.hasPrefix(".") else { return false }
    return name.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0))
    }
  }

  /// A slot name, or a path to a save file (anything with a slash or ending in .json),
  /// for reading a save the player named.
  public func path(for reference: String) throws(SaveProblem) -> String {
    if reference.contains("/") || reference.hasSuffix(".json") { return reference }
    return try slotPath(reference)
  }

  /// The file of a slot, always inside the saves folder: `notes.json` means the slot
  /// `notes`, never a file in the current folder.
  public func slotPath(_ name: String) throws(SaveProblem) -> String {
    let slot = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    guard Self.isValidName(slot) else { throw .badName(name) }
    return (directory as NSString).appendingPathComponent("\(slot).json")
  }

  // MARK: - Reading

  public func read(_ reference: String) throws(SaveProblem) -> SaveGame {
    let path = try path(for: reference)
    let data: Data
    do {
      data = try RegularFile.read(path)
    } catch .missing {
      throw .missing(path, available: (try? names()) ?? [])
    } catch .unreadable(let why) {
      throw .io(path, "cannot read the file: \(why)")
    } catch {
      throw .corrupt(path, error.reason)
    }
    return try SaveGame.decode(data, path: path)
  }

  /// A loaded save as a session, its moves replayed through the engine.
  public struct Opened: Sendable {
    public var session: Session
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
    // `decode` has checked that the save names its scenario by id, never by path.
    let scenario = try library.load(id: save.scenario)
    var warning: String?
    if scenario.contentHash != save.scenarioHash {
      warning = "\(path): the scenario '\(save.scenario)' has changed since this game was saved; replaying the moves anyway"
    }
    do {
      return Opened(session: try Session(save, engine: Engine(scenario: scenario)), path: path, warning: warning)
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
  /// The backup keeps the permissions of the save it copies, and a slot that is a link is
  /// never followed: it is replaced, with no backup of whatever it pointed at.
  public func write(_ session: Session, as name: String) throws(SaveProblem) {
    let save = SaveGame(session)
    let path = try slotPath(name)
    let data: Data
    do { data = try save.encoded() } catch { throw .io(path, "cannot encode the save: \(error)") }
    try createDirectory()
    if let previous = RegularFile.readWithoutFollowing(path), previous.data != data {
      try writeAtomically(previous.data, to: path + ".bak", mode: previous.mode)
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

  func writeAtomically(_ data: Data, to path: String, mode: mode_t? = nil) throws(SaveProblem) {
    do {
      try AtomicFile.write(data, to: path, mode: mode)
    } catch {
      throw .io(path, "cannot write: \(error.reason); the previous save is unchanged")
    }
  }
}
