import OverlapEngine
import Testing

@testable import OverlapLab

/// The classroom rules plain and full-screen play share.
@Suite struct WorkshopTests {
  @Test func membersDecideInTurn() {
    #expect(Workshop.decider([], move: 3) == nil)
    #expect((0..<5).compactMap { Workshop.decider(["Ana", "Bo"], move: $0) } == ["Ana", "Bo", "Ana", "Bo", "Ana"])
  }

  @Test func theDiscussionIsThatOfTheSceneJustPlayed() throws {
    #expect(Workshop.discussion(after: try DebriefGames.play([])) == nil)
    // Kickoff has a prompt; the middle scene, played second, has none.
    #expect(Workshop.discussion(after: try DebriefGames.play(["vision"])) == "Which first move matters most?")
    #expect(Workshop.discussion(after: try DebriefGames.play(["vision", "control"])) == nil)
  }

  @Test func aQuizCountsMissingAnswersAsMissed() {
    let quiz = Debrief.Quiz(styles: [.leader, .manager, .manager], guesses: [.leader, .leader])
    #expect(quiz.right == 1)
    #expect(quiz.answered == 2)
    #expect(quiz.total == 3)
    #expect(quiz.percent == 33)
    #expect(quiz.missed == [2, 3])
    #expect(quiz.summary == "1 of 3 styles named correctly (33%).")
    #expect(Debrief.Quiz(styles: [], guesses: []).summary == "0 of 0 styles named correctly (0%).")
  }
}
