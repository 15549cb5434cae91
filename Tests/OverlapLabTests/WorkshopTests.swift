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
    let workshop = Workshop(discuss: true)
    #expect(workshop.discussion(after: try DebriefGames.play([])) == nil)
    // Kickoff has a prompt; the middle scene, played second, has none.
    #expect(workshop.discussion(after: try DebriefGames.play(["vision"])) == "Which first move matters most?")
    #expect(workshop.discussion(after: try DebriefGames.play(["vision", "control"])) == nil)
  }

  @Test func onlyAWorkshopThatDiscussesPauses() throws {
    #expect(Workshop(discuss: false).discussion(after: try DebriefGames.play(["vision"])) == nil)
  }

  @Test(arguments: [
    ("l", Workshop.Answer.guess(.leader)), ("Leader", .guess(.leader)), (" M ", .guess(.manager)),
    ("manager", .guess(.manager)), ("Q", .quit), ("quit", .quit),
  ])
  func quizAnswersReadTheSameTypedOrAsAKey(input: String, answer: Workshop.Answer) {
    #expect(Workshop.Answer(input) == answer)
  }

  @Test func anythingElseIsNoAnswer() {
    for input in ["", "x", "lm", "1", "leaders"] { #expect(Workshop.Answer(input) == nil) }
  }

  @Test func theSessionKnowsWhoDecidesAndTheScoreSoFar() throws {
    var session = Session(game: try DebriefGames.play([]), players: ["Ana", "Bo"], quiz: true)
    #expect(session.decider == "Ana")
    #expect(session.lastGuess == nil)
    try session.play("vision", guess: .manager)
    #expect(session.decider == "Bo")
    #expect(session.decider(ofMove: 0) == "Ana")
    #expect(session.lastGuess == .manager)
    #expect(session.quizScore?.right == 0)
    try session.play("control", guess: .manager)
    #expect(session.quizScore?.summary == "1 of 2 styles named correctly (50%).")
    #expect(Session(game: try DebriefGames.play([])).quizScore == nil)
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
