import Foundation
import OverlapEngine
import Testing

@Suite struct RunCommandTests {
  @Test func textRunReportsTurnsAndEnding() {
    let result = overlap("run", Paths.tiny, "--moves", "vision,control,finish-manage")
    #expect(result.status == 0)
    #expect(result.out.contains("Turn 1 [kickoff] vision (leader, vision-tasks)"))
    #expect(result.out.contains("Ending: Muddling through (muddle, mixed) after 3 turns"))
  }

  @Test func jsonHasTheDocumentedShape() throws {
    let result = overlap("run", Paths.tiny, "--moves", "1,2", "--format", "json")
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["scenario", "seed", "finished", "turns", "meters", "variables", "flags", "ending", "pending"])
    #expect(object["scenario"] as? String == "tiny")
    #expect(object["seed"] as? Int == 1)
    #expect(object["finished"] as? Bool == false)
    #expect(object["ending"] is NSNull)
    let turns = try #require(object["turns"] as? [[String: Any]])
    #expect(turns.map { $0["choice"] as? String } == ["vision", "control"])
    #expect(turns.map { $0["turn"] as? Int } == [1, 2])
    #expect(turns.first?["style"] as? String == "leader")
    #expect((turns.first?["meters"] as? [String: Int])?["morale"] == 60)
    let pending = try #require(object["pending"] as? [String: Any])
    #expect(pending["scene"] as? String == "last")
    let choices = try #require(pending["choices"] as? [[String: Any]])
    #expect(choices.map { $0["number"] as? Int } == [1, 2])
    #expect(choices.map { $0["id"] as? String } == ["finish-lead", "finish-manage"])
  }

  /// A `one_of` shows in JSON as the outcome picked and its odds, and its route is followed.
  @Test func jsonShowsThePickedOutcome() throws {
    let path = Paths.repository + "/Tests/Fixtures/Lab/weighted.yaml"
    var seen: Set<String> = []
    for seed in 1...8 {
      let result = overlap("run", path, "--moves", "ask-dana", "--seed", "\(seed)", "--format", "json")
      #expect(result.status == 0)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
      let turns = try #require(object["turns"] as? [[String: Any]])
      let pick = try #require(turns.first?["pick"] as? [String: Any])
      let scene = (object["pending"] as? [String: Any])?["scene"] as? String
      #expect(pick["of"] as? Int == 2 && pick["total"] as? Int == 3)
      switch pick["outcome"] as? Int {
      case 1: #expect(pick["weight"] as? Int == 2 && pick["text"] as? String == "Dana says yes." && scene == "plan")
      case 2: #expect(pick["weight"] as? Int == 1 && scene == "refusal")
      default: Issue.record("no outcome: \(pick)")
      }
      seen.insert(scene ?? "")
    }
    #expect(seen == ["plan", "refusal"])
    let text = overlap("run", path, "--moves", "ask-dana", "--seed", "1")
    #expect(text.out.contains("  outcome "))
  }

  @Test func finishedRunHasNoPending() throws {
    let result = overlap("run", Paths.tiny, "--moves", "vision,control,finish-manage", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(object["pending"] is NSNull)
    #expect((object["ending"] as? [String: String])?["id"] == "muddle")
  }

  @Test func sameSeedGivesByteIdenticalOutput() {
    let first = overlap("run", Paths.tiny, "--moves", "gamble,1", "--seed", "77", "--format", "json")
    let second = overlap("run", Paths.tiny, "--moves", "gamble,1", "--seed", "77", "--format", "json")
    #expect(first.out == second.out)
    #expect(first.out.contains("\"seed\" : 77"))
  }

  @Test func movesFileSkipsCommentsAndBlankLines() throws {
    let folder = Paths.temporaryFolder()
    let file = folder + "/moves.txt"
    try "# my script\nvision   # start warm\n\n2\n".write(toFile: file, atomically: true, encoding: .utf8)
    let result = overlap("run", Paths.tiny, "--moves-file", file)
    #expect(result.status == 0)
    #expect(result.out.contains("Turn 2 [middle] control"))
  }

  static let usageCases: [([String], Int32)] = [
    (["run", "/no/such/file.yaml"], 66),
    (["run", "no-such-id", "--scenarios", "/tmp"], 66),
    (["run"], 64),
    (["run", "x", "--moves", "1", "--moves-file", "f"], 64),
    (["run", "x", "--seed", "minus"], 64),
    (["run", "x", "--format", "xml"], 64),
    (["frobnicate"], 64),
    (["run", "x", "--moves-file", "/no/such/moves"], 66),
  ]

  @Test(arguments: usageCases)
  func usageAndMissingInputExitCodes(arguments: [String], status: Int32) {
    var arguments = arguments
    if arguments.count > 1, arguments[1] == "x" { arguments[1] = Paths.tiny }
    let result = overlapArray(arguments)
    #expect(result.status == status, "\(arguments): \(result.err)")
  }

  @Test func badMoveIsBadDataAndNamesTheTurn() {
    let result = overlap("run", Paths.tiny, "--moves", "vision,9")
    #expect(result.status == 65)
    #expect(result.err == "overlap: turn 2: move 9 is not offered in scene 'middle'; choose 1 to 3\n")
  }

  @Test func movesAfterTheEndAreBadData() {
    let result = overlap("run", Paths.tiny, "--moves", "vision,control,finish-manage,1")
    #expect(result.status == 65)
    #expect(result.err.contains("the game is over"))
  }

  @Test func brokenScenarioIsBadDataWithPosition() throws {
    let folder = Paths.temporaryFolder()
    try "id: x\ntitle: [\n".write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
    let result = overlap("run", folder + "/bad.yaml")
    #expect(result.status == 65)
    #expect(result.err.hasPrefix(folder + "/bad.yaml:3:1: error: YAML syntax"))
  }

  @Test func saveThenLoadEqualsAnUninterruptedRun() {
    let saves = Paths.temporaryFolder()
    let whole = overlap("run", Paths.tiny, "--moves", "vision,control,finish-lead", "--seed", "9", "--format", "json")
    let first = overlap("run", Paths.tiny, "--moves", "vision", "--seed", "9", "--save", "half", "--saves", saves)
    #expect(first.status == 0)
    let rest = overlap("run", "--load", "half", "--moves", "control,finish-lead", "--saves", saves, "--scenarios", Paths.repository + "/Tests/Fixtures", "--format", "json")
    #expect(rest.status == 0, "\(rest.err)")
    #expect(rest.out == whole.out)
  }

  /// The workflow docs/headless.md documents: a quiz game continued headless keeps its
  /// answers, players and creation time (before, `--save` dropped the quiz and reset them).
  @Test func continuingASaveKeepsItsQuizPlayersAndCreation() throws {
    let saves = Paths.temporaryFolder()
    let fixtures = Paths.repository + "/Tests/Fixtures"
    let played = overlapArray(
      ["play", "--plain", "tiny", "--seed", "4", "--quiz", "--team", "Ana", "--team", "Bo", "--saves", saves, "--scenarios", fixtures],
      input: ["1", "l", "s half", "q"])
    #expect(played.status == 0, "\(played.err)")
    let before = try SaveStore(directory: saves).read("half")
    let result = overlap("run", "--load", "half", "--moves", "1", "--save", "later", "--saves", saves, "--scenarios", fixtures)
    #expect(result.status == 0, "\(result.err)")
    let after = try SaveStore(directory: saves).read("later")
    #expect(after.moves.count == 2)
    #expect(after.quiz == [.leader, nil])
    #expect(after.players == ["Ana", "Bo"])
    #expect(after.created == before.created)
  }

  /// `overlap saves` and the debrief count a finished game's turns the same way.
  @Test func aFinishedSaveShowsTheTurnsPlayed() throws {
    let saves = Paths.temporaryFolder()
    #expect(overlap("run", Paths.tiny, "--moves", "vision,control,finish-lead", "--save", "done", "--saves", saves).status == 0)
    #expect(overlap("run", Paths.tiny, "--moves", "vision", "--save", "going", "--saves", saves).status == 0)
    let store = SaveStore(directory: saves)
    #expect(try store.read("done").summary.turn == 3)
    #expect(try store.read("going").summary.turn == 2)
    let debrief = overlap("debrief", "done", "--saves", saves, "--scenarios", Paths.repository + "/Tests/Fixtures")
    #expect(debrief.out.contains("3 turns"))
  }

  @Test func loadingAMissingSaveListsSaves() {
    let saves = Paths.temporaryFolder()
    _ = overlap("run", Paths.tiny, "--moves", "1", "--save", "kept", "--saves", saves)
    let result = overlap("run", "--load", "gone", "--saves", saves)
    #expect(result.status == 66)
    #expect(result.err.contains("(saves: kept)"))
  }

  @Test func badSaveNameIsUsageError() {
    let result = overlap("run", Paths.tiny, "--moves", "1", "--save", "../escape", "--saves", Paths.temporaryFolder())
    #expect(result.status == 64)
  }

  @Test func scenariosListsIdTitleAndTurns() {
    let result = overlap("scenarios", "--scenarios", Paths.repository + "/Tests/Fixtures")
    #expect(result.status == 0)
    #expect(result.out.contains("tiny  A tiny test scenario (3 turns)"))
  }

  @Test func savesListsWhatWasSaved() {
    let saves = Paths.temporaryFolder()
    _ = overlap("run", Paths.tiny, "--moves", "1", "--save", "alpha", "--saves", saves)
    let result = overlap("saves", "--saves", saves)
    #expect(result.status == 0)
    #expect(result.out.contains("alpha"))
    #expect(result.out.contains("in progress"))
  }

  @Test func newWritesATemplateThatIsCleanAndPassesItsOwnTests() {
    let folder = Paths.temporaryFolder()
    let created = overlap("new", "team-day", "--scenarios", folder)
    #expect(created.status == 0)
    let run = overlap("run", "team-day", "--scenarios", folder, "--moves", "share-direction,set-rule")
    #expect(run.status == 0)
    #expect(run.out.contains("Ending: A team that thrives"))
    // The starting point an author edits is itself clean and passes its own tests.
    let check = overlap("check", "--strict", "--scenarios", folder)
    #expect(check.status == 0, "\(check.out)")
    #expect(overlap("test", "--scenarios", folder).status == 0)
    #expect(overlap("new", "team-day", "--scenarios", folder).status == 64)
    #expect(overlap("new", "Bad Id", "--scenarios", folder).status == 64)
    // Any id the format accepts, folded text without a trailing newline, and a schema
    // path that leads from the new file's folder to the project's schema.
    #expect(overlap("new", "Team_Day2", "--scenarios", folder).status == 0)
    let text = (try? String(contentsOfFile: folder + "/Team_Day2.yaml", encoding: .utf8)) ?? ""
    #expect(text.contains("text: >-\n"))
    #expect(!text.contains(": >\n"))
    let schema = text.split(separator: "\n").first.map { String($0.dropFirst("# yaml-language-server: $schema=".count)) } ?? ""
    let resolved = URL(fileURLWithPath: schema, relativeTo: URL(fileURLWithPath: folder + "/")).standardizedFileURL.path
    #expect(resolved == URL(fileURLWithPath: "Scenarios/scenario.schema.json").standardizedFileURL.path)
  }

  @Test func bareOverlapWithoutATerminalPrintsUsage() {
    let result = overlap()
    #expect(result.status == 64)
    #expect(result.err.contains("USAGE: overlap <subcommand>"))
  }
}
