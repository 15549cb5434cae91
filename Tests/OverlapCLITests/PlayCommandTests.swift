import Foundation
import OverlapEngine
import Testing

@testable import OverlapCLI

/// `overlap play` flags for workshops, run in-process in plain mode with typed input.
@Suite struct PlayCommandTests {
  func play(_ arguments: [String], input: [String], saves: String) -> CommandResult {
    overlapArray(
      ["play", "--plain", "--scenarios", Paths.repository + "/Tests/Fixtures", "--saves", saves] + arguments,
      input: input)
  }

  @Test func quizTeamAndWorkshopPlayToTheEnd() throws {
    let saves = Paths.temporaryFolder()
    let result = play(
      ["tiny", "--seed", "4", "--quiz", "--team", "Ana", "--team", "Bo", "--workshop"],
      input: ["1", "l", "", "control", "l", "2", "m"], saves: saves)
    #expect(result.status == 0)
    #expect(result.out.contains("Ana decides this turn."))
    #expect(result.out.contains("Bo decides this turn."))
    #expect(result.out.contains("  1. Share the vision"))
    #expect(result.out.contains("Was that a leader move or a manager move? (l/m, q to save and quit)"))
    #expect(result.out.contains("Right: That was a leader move"))
    #expect(result.out.contains("Not quite: That was a manager move"))
    #expect(result.out.contains("Discuss: Which first move matters most?"))
    #expect(result.out.contains("Quiz: 2 of 3 styles named correctly (67%)."))
    let save = try SaveStore(directory: saves).read(try onlyAutosave(in: saves))
    #expect(save.players == ["Ana", "Bo"])
    #expect(save.quiz == [.leader, .leader, .manager])
  }

  @Test func aQuizSaveResumesAsAQuizWithItsTeam() throws {
    let saves = Paths.temporaryFolder()
    let first = play(
      ["tiny", "--seed", "4", "--quiz", "--team", "Ana", "--team", "Bo", "--workshop"], input: ["1", "l", ""],
      saves: saves)
    let slot = try onlyAutosave(in: saves)
    #expect(first.out.contains("Resume with: overlap play --load \(slot) --workshop"))
    let result = play(["--load", slot], input: ["2", "m", "q"], saves: saves)
    #expect(result.status == 0)
    #expect(result.out.contains("Bo decides this turn."))
    #expect(!result.out.contains("[manager]"))
    #expect(result.out.contains("Right: That was a manager move"))
    let save = try SaveStore(directory: saves).read(try onlyAutosave(in: saves))
    #expect(save.moves == ["vision", "control"])
    #expect(save.quiz == [.leader, .manager])
    #expect(save.players == ["Ana", "Bo"])
  }

  @Test func withoutWorkshopFlagsStylesShowAndNothingIsAsked() throws {
    let saves = Paths.temporaryFolder()
    let result = play(["tiny", "--seed", "4"], input: ["1", "q"], saves: saves)
    #expect(result.out.contains("  1. [leader] Share the vision"))
    #expect(!result.out.contains("Discuss:"))
    #expect(!result.out.contains("decides this turn"))
    let save = try SaveStore(directory: saves).read(try onlyAutosave(in: saves))
    #expect(save.quiz == nil)
    #expect(save.players == [])
  }

  @Test(arguments: [
    (["--load", "x", "--quiz"], "--quiz cannot change a saved game"),
    (["--load", "x", "--team", "Ana"], "--team cannot change the players of a saved game"),
    (["tiny", "--team", " "], "--team needs a name"),
    (["tiny", "--team", "Ana", "--team", "Ana"], "--team names must differ"),
  ])
  func badWorkshopFlagsAreUsageErrors(arguments: [String], message: String) {
    let result = play(arguments, input: [], saves: Paths.temporaryFolder())
    #expect(result.status == 64)
    #expect(result.err.contains(message))
  }

  @Test func helpDescribesTheWorkshopFlags() {
    let result = overlap("play", "--help")
    #expect(result.status == 0)
    #expect(result.out.contains("--quiz"))
    #expect(result.out.contains("--team <NAME>"))
    #expect(result.out.contains("--workshop"))
    #expect(result.out.contains("hot-seat play"))
    #expect(result.out.contains("discussion prompt"))
  }
}
