import Foundation

/// Finds scenario files: `change` means `Scenarios/change.yaml`; anything with a
/// slash or a `.yaml`/`.yml` ending is a path.
public struct ScenarioLibrary: Sendable {
  public var directory: String

  /// `OVERLAP_SCENARIOS` overrides the default `Scenarios` folder.
  public init(directory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.directory = directory ?? environment["OVERLAP_SCENARIOS"] ?? "Scenarios"
  }

  public func path(for reference: String) -> String {
    if reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") { return reference }
    return (directory as NSString).appendingPathComponent("\(reference).yaml")
  }

  /// Loads a scenario by id or path.
  ///
  /// - Throws: `FileProblem.missing` (listing what exists) or `ScenarioError`.
  public func load(_ reference: String) throws -> Scenario {
    let path = path(for: reference)
    do {
      return try ScenarioLoader.load(path: path)
    } catch FileProblem.missing {
      throw FileProblem.missing(path + knownIDsHint)
    }
  }

  /// Loads the scenario with this id from the folder; the id is never read as a path.
  public func load(id: String) throws -> Scenario {
    let path = (directory as NSString).appendingPathComponent("\(id).yaml")
    do {
      return try ScenarioLoader.load(path: path)
    } catch FileProblem.missing {
      throw FileProblem.missing(path + knownIDsHint)
    }
  }

  /// Every scenario file in the folder, sorted by name.
  public func files() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { (directory as NSString).appendingPathComponent($0) }
  }

  var knownIDsHint: String {
    let ids = files().map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
    return ids.isEmpty ? "" : " (scenarios in \(directory): \(ids.joined(separator: ", ")))"
  }

  /// Expands folders into their scenario files; files stay as given.
  public static func expand(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        return ScenarioLibrary(directory: path).files()
      }
      return [path]
    }
  }
}
