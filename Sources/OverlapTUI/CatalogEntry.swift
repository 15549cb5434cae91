import Foundation
import OverlapEngine

/// A scenario file as the picker shows it.
public struct CatalogEntry: Equatable, Sendable {
  public var id: String
  public var path: String
  public var title: String
  public var summary: String
  public var goals: [String]
  public var turns: Int
  /// Why the file cannot be played, when it cannot.
  public var problem: String?

  public init(_ scenario: Scenario) {
    id = scenario.id
    path = scenario.path
    title = scenario.title
    summary = scenario.summary
    goals = scenario.goals
    turns = scenario.maxTurns
    problem = nil
  }

  public init(path: String, problem: String) {
    id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    self.path = path
    title = id
    summary = ""
    goals = []
    turns = 0
    self.problem = problem
  }
}
