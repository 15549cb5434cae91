import Foundation
import OverlapEngine
import Testing

@testable import OverlapCLI

@Suite struct PlainPlayTests {
  /// Plays with scripted input lines and returns what was printed.
  func play(_ lines: [String], workshop: WorkshopOptions = WorkshopOptions(), saves: String, load: String? = nil) throws -> String {
    let out = Captured()
    let input = TypedLines(lines)
    let console = Console(out: { out.append($0) }, err: { out.append($0) }, readLine: { input.next() })
    var session = PlainPlay(
      store: SaveStore(directory: saves), library: ScenarioLibrary(directory: Paths.repository + "/Tests/Fixtures"),
      workshop: workshop)
    try Console.$current.withValue(console) {
      try session.start(scenario: load == nil ? "tiny" : nil, seed: load == nil ? 4 : nil, load: load)
    }
    return out.value
  }

  @Test func playsToAnEndingAndAutosaves() throws {
    let saves = Paths.temporaryFolder()
    let out = try play(["1", "nonsense", "control", "2"], saves: saves)
    #expect(out.contains("A tiny test scenario: seed 4."))
    #expect(out.contains("Turn 1 of 3: Kickoff"))
    #expect(out.contains("  1. [leader] Share the vision"))
    #expect(out.contains("'nonsense' is not a choice offered in scene 'middle'"))
    #expect(out.contains("That was a leader move · vision / tasks."))
    #expect(out.contains("Note: A leader move."))
    #expect(out.contains("Ending: Muddling through (mixed)"))
    let save = try SaveStore(directory: saves).read(try onlyAutosave(in: saves))
    #expect(save.moves == ["vision", "control", "finish-manage"])
    #expect(save.summary.finished)
  }

  @Test func endOfInputSavesAndResumes() throws {
    let saves = Paths.temporaryFolder()
    let first = try play(["vision"], saves: saves)
    let slot = try onlyAutosave(in: saves)
    #expect(slot.hasPrefix("autosave-tiny-"))
    #expect(first.contains("Progress saved as '\(slot)'"))
    let second = try play(["h", "2", "1"], saves: saves, load: slot)
    #expect(second.contains("Resumed '\(slot)'"))
    #expect(second.contains("Turn 1: Share the vision (leader)"))
    #expect(second.contains("Ending:"))
    // Continuing an autosave writes to it, not to a new slot.
    #expect(try onlyAutosave(in: saves) == slot)
    #expect(try SaveStore(directory: saves).read(slot).summary.finished)
  }

  /// Two games of one scenario, or a game started from a named save, each keep their own
  /// autosave, so neither overwrites the other's progress (hardening issue).
  @Test func everyGameHasItsOwnAutosave() throws {
    let saves = Paths.temporaryFolder()
    _ = try play(["vision", "s lunch"], saves: saves)
    let firstSlot = try onlyAutosave(in: saves)
    let first = try SaveStore(directory: saves).read(firstSlot)
    _ = try play(["plan"], saves: saves)
    _ = try play(["control"], saves: saves, load: "lunch")
    let store = SaveStore(directory: saves)
    let slots = try store.names().filter(SaveStore.isAutosave)
    #expect(slots.count == 3)
    #expect(try store.read(firstSlot) == first)
    #expect(try Set(slots.map { try store.read($0).moves }) == [["vision"], ["plan"], ["vision", "control"]])
  }

  @Test func namedSaveSlot() throws {
    let saves = Paths.temporaryFolder()
    let out = try play(["1", "s lunch-break", "s ../bad", "q"], saves: saves)
    #expect(out.contains("Saved as 'lunch-break'."))
    #expect(out.contains("Not saved: '../bad' is not a usable save name"))
    #expect(try SaveStore(directory: saves).read("lunch-break").moves == ["vision"])
  }

  /// Plain mode echoes the move, answers a typo with one line instead of the whole scene,
  /// and lets `q` quit at the quiz question (issue: one record of play, plain mode).
  @Test func movesAreEchoedAndTyposCostOneLine() throws {
    let saves = Paths.temporaryFolder()
    let out = try play(["1", "nonsense", "2", "q"], saves: saves)
    #expect(out.contains("You chose: Share the vision"))
    #expect(out.components(separatedBy: "Turn 2 of 3").count == 2)
    #expect(out.contains("'nonsense' is not a choice offered in scene 'middle'"))
  }

  @Test func qAtTheQuizQuestionSavesAndQuitsWithoutPlaying() throws {
    let saves = Paths.temporaryFolder()
    let out = try play(["1", "l", "2", "q"], workshop: WorkshopOptions(quiz: true), saves: saves)
    #expect(out.contains("Progress saved as"))
    let save = try SaveStore(directory: saves).read(try onlyAutosave(in: saves))
    #expect(save.moves == ["vision"])
    #expect(save.quiz == [.leader])
  }

  /// Hidden variables never reach the transcript; shown ones join the meters by label.
  @Test func onlyShownVariablesReachThePlayer() throws {
    let saves = Paths.temporaryFolder()
    // The spend move takes 8 from the hidden budget: the text may talk about the budget,
    // but no list of changes or meters names it.
    let out = try play(["plan", "spend"], saves: saves)
    #expect(!out.contains("budget -"))
    #expect(!out.contains("budget 10"))
    #expect(out.contains("Morale 50, Efficiency"))
  }

  @Test func quizHidesStylesAndScoresGuesses() throws {
    let saves = Paths.temporaryFolder()
    let out = try play(["1", "x", "l", "control", "l", "2", "m"], workshop: WorkshopOptions(quiz: true), saves: saves)
    #expect(out.contains("  1. Share the vision"))
    #expect(!out.contains("[leader]"))
    #expect(out.contains("Type l for leader or m for manager, or q to save and quit."))
    #expect(out.contains("Right: That was a leader move"))
    #expect(out.contains("Not quite: That was a manager move"))
    #expect(out.contains("Quiz: 2 of 3 styles named correctly (67%)."))
    #expect(try SaveStore(directory: saves).read(try onlyAutosave(in: saves)).quiz == [.leader, .leader, .manager])
  }

  @Test func teamMembersTakeTurnsAndDiscussionPauses() throws {
    let saves = Paths.temporaryFolder()
    let out = try play(["1", "", "1", "1"], workshop: WorkshopOptions(team: ["Ana", "Bo"], discuss: true), saves: saves)
    #expect(out.contains("Ana decides this turn."))
    #expect(out.contains("Bo decides this turn."))
    #expect(out.contains("Discuss: Which first move matters most?"))
    #expect(try SaveStore(directory: saves).read(try onlyAutosave(in: saves)).players == ["Ana", "Bo"])
  }
}
