import OverlapEngine
import Testing

@testable import OverlapTUI

/// Quiz, team and discussion pauses: what each key does to a workshop game.
@Suite struct WorkshopTests {
  @Test func aQuizAsksForTheStyleBeforeThePlayIsMade() throws {
    var model = try TUIFixtures.workshop()
    #expect(send(&model, .pressedKey(.character("2"))) == [])
    #expect(model.screen == .quizPrompt(choice: 1))
    #expect(model.game?.moves == [])
    #expect(view(model, size: model.size).text.contains("Leader or manager? (l/m)"))

    _ = send(&model, .pressedKey(.character("x")))
    #expect(model.notice?.text == "Press l for leader or m for manager (Esc to choose again).")
    #expect(model.screen == .quizPrompt(choice: 1))

    #expect(send(&model, .pressedKey(.character("m"))) == [.autosave])
    #expect(model.game?.moves == ["plan"])
    #expect(model.quiz == [.manager])
    #expect(model.screen == .result(scroll: 0))
    let result = view(model, size: model.size).text
    #expect(result.contains("Right! It was a manager move."))
    #expect(result.contains("Quiz score: 1 of 1"))
    #expect(result.contains("A manager move."))
  }

  @Test func aWrongGuessShowsTheAnswer() throws {
    var model = try TUIFixtures.workshop()
    _ = send(&model, .pressedKey(.character("1")))
    _ = send(&model, .pressedKey(.character("M")))
    #expect(model.quiz == [.manager])
    let result = view(model, size: model.size).text
    #expect(result.contains("Not quite: you said manager. It was a leader move."))
    #expect(result.contains("Quiz score: 0 of 1"))
  }

  @Test func escapeAtTheQuizPromptChoosesAgain() throws {
    var model = try TUIFixtures.workshop()
    _ = send(&model, .pressedKey(.down))
    _ = send(&model, .pressedKey(.enter))
    #expect(model.screen == .quizPrompt(choice: 1))
    // A click on the move list below does not play while the question is open.
    #expect(send(&model, .clicked(Position(row: 20, column: 10))) == [])
    _ = send(&model, .pressedKey(.escape))
    #expect(model.screen == .game)
    #expect(model.choiceCursor == 1)
    #expect(model.game?.moves == [])
    #expect(send(&model, .pressedKey(.character("q"))) == [.quit(.pressedQuit)])
  }

  @Test func theMoveListHidesStylesOnlyInAQuiz() throws {
    let quiz = view(try TUIFixtures.workshop(), size: Size(width: 80, height: 24)).text
    #expect(quiz.contains("1 Share the vision"))
    #expect(!quiz.contains("leader  Share"))
    let solo = view(try TUIFixtures.model(), size: Size(width: 80, height: 24)).text
    #expect(solo.contains("1 leader  Share the vision"))
  }

  @Test func quizSavesKeepOneAnswerPerMove() throws {
    var model = try TUIFixtures.menu()
    _ = send(&model, .openedGame(OpenedGame(session: try TUIFixtures.quizSession(["vision"], guesses: [.leader]), autosaveSlot: "autosave-tiny")))
    _ = send(&model, .pressedKey(.character("1")))
    _ = send(&model, .pressedKey(.character("l")))
    #expect(model.game?.moves == ["vision", "rally"])
    #expect(model.quiz == [.leader, .leader])
  }

  @Test func theDecidingMemberRotatesEachTurn() throws {
    var model = try TUIFixtures.workshop()
    var screen = view(model, size: model.size).lines
    #expect(screen[0].hasSuffix("Ana decides · Turn 1 of 3 · quiz 0/0 · seed 4"))
    #expect(screen.contains { $0.contains("Your move, Ana") })
    _ = send(&model, .pressedKey(.character("1")))
    _ = send(&model, .pressedKey(.character("l")))
    screen = view(model, size: model.size).lines
    #expect(screen[0].hasSuffix("Bo decides · Turn 2 of 3 · quiz 1/1 · seed 4"))
  }

  @Test func theDiscussionFollowsTheResultInWorkshopMode() throws {
    var model = try TUIFixtures.workshop()
    _ = send(&model, .pressedKey(.character("1")))
    _ = send(&model, .pressedKey(.character("l")))
    _ = send(&model, .pressedKey(.character(" ")))
    #expect(model.screen == .discussion(scroll: 0))
    let text = view(model, size: model.size).text
    #expect(text.contains("Which first move matters most?"))
    #expect(text.contains("Next: Bo decides."))
    #expect(send(&model, .pressedKey(.enter)) == [])
    #expect(model.screen == .game)
  }

  @Test func aSceneWithoutAPromptHasNoDiscussion() throws {
    // The middle scene has no discussion prompt.
    var model = try TUIFixtures.workshop(["vision"], guesses: [.leader])
    _ = send(&model, .pressedKey(.character("1")))
    _ = send(&model, .pressedKey(.character("l")))
    _ = send(&model, .pressedKey(.character(" ")))
    #expect(model.screen == .game)
  }

  @Test func withoutWorkshopModeTheResultLeadsStraightBack() throws {
    var model = try TUIFixtures.model()
    _ = send(&model, .pressedKey(.character("1")))
    _ = send(&model, .clicked(Position(row: 0, column: 0)))
    #expect(model.screen == .game)
  }

  @Test func theEndingShowsTheDebriefWithQuizAndTeam() throws {
    var model = try TUIFixtures.workshop(["vision", "control"], guesses: [.leader, .leader])
    #expect(model.debrief == nil)
    _ = send(&model, .pressedKey(.character("2")))
    _ = send(&model, .pressedKey(.character("m")))
    _ = send(&model, .pressedKey(.character(" ")))
    #expect(model.screen == .ending(scroll: 0))
    #expect(model.debrief?.quiz?.right == 2)
    #expect(model.debrief?.members.map(\.name) == ["Ana", "Bo"])
    let top = view(model, size: model.size).text
    #expect(top.contains("Team: Ana, Bo"))
    #expect(top.contains("Ending: Muddling through [mixed]"))
    _ = send(&model, .pressedKey(.end))
    let bottom = view(model, size: model.size).text
    #expect(bottom.contains("2 of 3 styles named correctly (67%)."))
  }
}
