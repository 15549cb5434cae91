import OverlapEngine

/// A save slot as the load picker and the menu show it.
public struct SaveEntry: Equatable, Sendable {
  public var name: String
  public var scenario: String
  public var turn: Int
  public var finished: Bool?
  public var ending: String?
  public var meters: MeterValues?
  /// ISO 8601, UTC.
  public var updated: String?
  /// Why the file cannot be read, when it cannot.
  public var problem: String?

  public init(name: String, save: SaveGame) {
    self.name = name
    scenario = save.scenario
    turn = save.summary.turn
    finished = save.summary.finished
    ending = save.summary.ending?.title
    meters = save.summary.meters
    updated = save.updated
    problem = nil
  }

  public init(name: String, problem: String) {
    self.name = name
    scenario = ""
    turn = 0
    self.problem = problem
  }
}
