import ArgumentParser
import Foundation
import OverlapEngine

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Start a new scenario file from a template.",
    discussion: "Writes Scenarios/ID.yaml (or into --scenarios DIR). It never overwrites a file.")

  @Argument(help: "The new scenario's id: letters, digits, '-' and '_', as the format accepts.")
  var id: String

  @OptionGroup var options: SharedOptions

  func validate() throws {
    if !Scenario.isIdentifier(id) {
      throw ValidationError("'\(TerminalSafe.excerpt(id))' is not a usable id: use letters, digits, '-' and '_', up to 100")
    }
  }

  func run() throws {
    let library = options.library
    let path = library.path(for: id)
    if FileManager.default.fileExists(atPath: path) { throw CLIError("\(path) already exists; choose another id", .usage) }
    do {
      try FileManager.default.createDirectory(atPath: library.directory, withIntermediateDirectories: true)
      let template = Self.template(id: id, schema: Self.schemaReference(from: library.directory))
      try Data(template.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
    } catch {
      throw CLIError("\(path): cannot write: \(error.localizedDescription)", .ioError)
    }
    Console.print("Created \(path). Next: edit it, then run 'overlap check \(path)' and 'overlap test \(path)'.")
  }

  /// The schema's path as seen from `folder`, so editors find it wherever the file is made:
  /// the copy in `folder` if it has one, else the project's `Scenarios/scenario.schema.json`.
  static func schemaReference(from folder: String) -> String {
    let name = "scenario.schema.json"
    let here = URL(fileURLWithPath: folder).standardizedFileURL
    if FileManager.default.fileExists(atPath: here.appendingPathComponent(name).path) { return name }
    let project = URL(fileURLWithPath: "Scenarios/\(name)").standardizedFileURL
    guard FileManager.default.fileExists(atPath: project.path) else { return project.path }
    let from = here.pathComponents
    let to = project.pathComponents
    let shared = zip(from, to).prefix { $0 == $1 }.count
    return (Array(repeating: "..", count: from.count - shared) + to[shared...]).joined(separator: "/")
  }

  static func template(id: String, schema: String) -> String {
    """
    # yaml-language-server: $schema=\(schema)
    # A new Overlap scenario. The format is described in docs/scenario-format.md.
    format: \(Scenario.format)
    id: \(id)
    title: A new scenario
    summary: One sentence that tells a player what situation they are in.
    goals:
      - What should a participant understand after playing?
    meters:
      morale: 55
      efficiency: 50
      stability: 50
    flags:
      plan_shared: false
    scenes:
      - id: first-week
        title: The first week
        text: >-
          Describe the situation here. Morale is {morale} today.
        discuss: Which of these moves would you make, and why?
        choices:
          - id: share-direction
            text: Tell the team where this is heading and why it matters.
            style: leader
            lens: vision-tasks
            effects: {morale: 6}
            later:
              - in: 1
                effects: {efficiency: 4}
                text: The direction you set is starting to guide small decisions.
            outcome: People ask sharper questions than before.
            note: Setting a direction is a leader move; it pays off later, as people act on it.
          - id: write-plan
            text: Write a plan with owners and dates.
            style: manager
            lens: vision-tasks
            effects: {efficiency: 6, morale: -2}
            set: [plan_shared]
            outcome: Everyone knows what to do this week.
            note: Planning the steps is a manager move; it pays off at once.
      - id: second-week
        title: The second week
        text:
          - Something changes. Describe it.
          - if: plan_shared
            text: The plan on the wall helps people see what slips.
        choices:
          - id: listen
            text: Listen to the worries before deciding.
            style: leader
            lens: people-systems
            effects: {morale: 5, stability: 2}
            note: Listening builds trust, which is influence rather than authority.
          - id: set-rule
            text: Set a clear rule for how work is handed over.
            style: manager
            lens: people-systems
            effects: {stability: 6, morale: -1}
            note: A rule brings order; on its own it does not win hearts.
    endings:
      - id: collapse
        title: The team falls apart
        tone: failure
        immediate: true
        when: morale <= 0 or efficiency <= 0 or stability <= 0
        debrief: A meter reached zero.
      - id: thriving
        title: A team that thrives
        tone: success
        when: morale >= 58 and stability >= 55
        debrief: You set a direction and planned the steps to reach it.
      - id: getting-by
        title: Getting by
        tone: mixed
        debrief: Some things went well; look at which style you leaned on.
    tests:
      - name: both styles reach the good ending
        moves: [share-direction, set-rule]
        ending: thriving

    """
  }
}
