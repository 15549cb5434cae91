import Foundation
import OverlapEngine
import Testing

@testable import OverlapLab

/// Games of the tiny fixture, whose every number can be worked out by hand from tiny.yaml.
enum DebriefGames {
  static func play(_ moves: [String], seed: UInt64 = 1, path: String = LabFixtures.tiny) throws -> Playthrough {
    try Playthrough.replay(engine: LabFixtures.engine(path), seed: seed, moves: moves)
  }

  /// Leader, then two manager moves: ends "muddle" with morale 55, efficiency 61, stability 60.
  static func mixed() throws -> Playthrough { try play(["vision", "control", "finish-manage"]) }

  /// Manager, leader, manager: ends "thrive".
  static func thriving() throws -> Playthrough { try play(["plan", "rally", "finish-manage"]) }

  /// Seven scenes, each offering a leader move (+10 morale) and a manager move (+10 efficiency).
  static func long(_ moves: [String]) throws -> Playthrough {
    let scenes = (1...7).map { LabFixtures.scene("s\($0)") }.joined(separator: "\n")
    let scenario = try LabFixtures.load(LabFixtures.scenario(scenes: scenes))
    return try Playthrough.replay(engine: Engine(scenario: scenario), seed: 1, moves: moves)
  }
}

/// Morale, efficiency and stability, in that order.
func numbers(_ meters: MeterValues) -> [Int] { [meters.morale, meters.efficiency, meters.stability] }

@Suite struct DebriefTests {
  @Test func endingExplainsWhyAndWhatWasMissed() throws {
    let debrief = Debrief(game: try DebriefGames.mixed())
    #expect(debrief.finished)
    #expect(debrief.ending?.id == "muddle")
    #expect(debrief.ending?.tone == .mixed)
    #expect(debrief.ending?.condition == nil)
    #expect(debrief.endingReason == "No other ending's condition held, so the game took its default ending.")
    #expect(
      debrief.unreached == [
        .init(id: "thrive", title: "Thriving", tone: .success, condition: "morale >= 60 and efficiency >= 60")
      ])

    let thriving = Debrief(game: try DebriefGames.thriving())
    #expect(thriving.ending?.id == "thrive")
    #expect(thriving.ending?.debrief == "Both styles together.")
    #expect(thriving.ending?.condition == "morale >= 60 and efficiency >= 60")
    #expect(thriving.unreached.isEmpty)
  }

  @Test func anUnfinishedGameHasNoEndingAndNothingUnreached() throws {
    let debrief = Debrief(game: try DebriefGames.play(["vision", "control"]))
    #expect(!debrief.finished)
    #expect(debrief.ending == nil)
    #expect(debrief.unreached.isEmpty)
    #expect(debrief.turns.count == 2)
    #expect(debrief.text().contains("Not finished yet"))
  }

  @Test func meterLinesStartBeforeTheFirstTurn() throws {
    let debrief = Debrief(game: try DebriefGames.mixed())
    #expect(debrief.meters.map(\.meter) == ["morale", "efficiency", "stability"])
    #expect(debrief.meters[0].values == [50, 60, 55, 55])
    #expect(debrief.meters[1].values == [50, 50, 50, 61])
    #expect(debrief.meters[2].values == [50, 50, 60, 60])
    #expect(debrief.turns.map(\.meters.efficiency) == [50, 50, 61])
    #expect(debrief.seed == 1)
  }

  @Test func styleMixCountsSharesStreaksAndTheBalanceRule() throws {
    let mixed = Debrief(game: try DebriefGames.mixed()).styles
    #expect((mixed.leader, mixed.manager, mixed.leaderShare, mixed.managerShare) == (1, 2, 33, 67))
    #expect(mixed.longestStreak == .init(style: .manager, length: 2, firstTurn: 2))
    #expect(mixed.weakened.isEmpty)

    // Three manager moves in a row exceed tiny's streak of 2, so the third is weakened.
    let managerOnly = Debrief(game: try DebriefGames.play(["plan", "control", "finish-manage"]))
    #expect(managerOnly.styles.weakened == [3])
    #expect(managerOnly.turns.map(\.strength) == [100, 100, 50])
    #expect(managerOnly.styles.leaderShare == 0 && managerOnly.styles.managerShare == 100)
  }

  @Test(arguments: [
    (3, [(1, 1), (2, 2), (3, 3)]),
    (7, [(1, 3), (4, 5), (6, 7)]),
    (2, [(1, 1), (2, 2)]),
    (1, [(1, 1)]),
  ])
  func phasesCutTheGameIntoNearlyEqualStretches(turns: Int, spans: [(Int, Int)]) throws {
    let moves = (1...7).prefix(turns).map { "s\($0)-\($0 % 2 == 0 ? "manage" : "lead")" }
    let phases = Debrief(game: try DebriefGames.long(moves)).styles.phases
    #expect(phases.map(\.firstTurn) == spans.map(\.0))
    #expect(phases.map(\.lastTurn) == spans.map(\.1))
    #expect(phases.map { $0.leader + $0.manager } == spans.map { $0.1 - $0.0 + 1 })
    #expect(
      phases.map(\.name)
        == [["whole game"], ["first half", "second half"], ["opening", "middle", "closing"]][phases.count - 1])
  }

  @Test func lensProfileKeepsTheFiveCoreLensesEvenWhenUnused() throws {
    let lenses = Debrief(game: try DebriefGames.mixed()).lenses
    #expect(lenses.map(\.lens) == [.visionTasks, .peopleSystems, .changeStability, .influenceAuthority, .longShort])
    #expect(lenses.map(\.leader) == [1, 0, 0, 0, 0])
    #expect(lenses.map(\.manager) == [0, 1, 0, 0, 1])
  }

  @Test func landedEffectsCarryOnlyTheirOwnChanges() throws {
    // On turn 3 finish-manage adds 5 efficiency and vision's delayed 6 lands: only the 6 is vision's.
    let landed = Debrief(game: try DebriefGames.mixed()).landed
    #expect(
      landed == [
        .init(
          turn: 3, from: "vision", fromTitle: "Share the vision", fromTurn: 1, text: "The shared vision pays off.",
          changes: [.init(name: "efficiency", before: 55, after: 61)])
      ])
  }

  @Test func keyTurnsCreditDelayedEffectsToTheMoveThatEarnedThem() throws {
    let keys = Debrief(game: try DebriefGames.mixed()).keyTurns
    #expect(keys.map(\.turn) == [1, 2])
    let vision = try #require(keys.first)
    #expect(vision.shifts.map(\.delta) == [10, 6, 0])
    #expect(vision.movement == 16)
    #expect(vision.later == [.init(meter: "efficiency", delta: 6)])
    #expect(vision.landedOn == [3])
    #expect(vision.note == "A leader move.")
    #expect(
      Debrief.movementLine(vision)
        == "morale +10, efficiency +6: 16 points, of which efficiency +6 landed later (turn 3).")
    #expect(keys[1].shifts.map(\.delta) == [-5, 0, 10])
    #expect(Debrief.movementLine(keys[1]) == "morale -5, stability +10: 15 points, all at once.")
  }

  /// A move worth stability +10 was shown as "+19, all at once" when two events fired
  /// after it: an event's effects belong to no move (issue: one record of play).
  @Test func keyTurnsLeaveEventEffectsOutOfTheMove() throws {
    let yaml = LabFixtures.scenario(
      scenes: """
          - id: a
            text: A
            choices:
              - {id: steady, text: Steady, style: manager, lens: change-stability, note: n, effects: {stability: 10}}
          - id: b
            text: B
            choices:
              - {id: last, text: Last, style: leader, lens: vision-tasks, note: n}
        """,
      extra: """
        events:
          - {id: calm, title: Calm, when: stability > 55, effects: {stability: 5}}
          - {id: calmer, title: Calmer, when: stability > 62, effects: {stability: 4}}
        """)
    let game = try Playthrough.replay(engine: Engine(scenario: try LabFixtures.load(yaml)), seed: 1, moves: ["steady", "last"])
    #expect(game.states[1].meter(.stability) == 69)
    let steady = try #require(Debrief(game: game).keyTurns.first)
    #expect(steady.shifts.map(\.delta) == [0, 0, 10])
    #expect(Debrief.movementLine(steady) == "stability +10: 10 points, all at once.")
  }

  @Test(arguments: [(3, 2), (5, 2), (6, 3), (7, 3), (1, 1)])
  func twoKeyTurnsInAShortGameAndThreeInALongerOne(turns: Int, expected: Int) throws {
    let moves = (1...7).prefix(turns).map { "s\($0)-lead" }
    #expect(Debrief(game: try DebriefGames.long(moves)).keyTurns.count == expected)
  }

  @Test func alternativesReplayTheRestOfTheGameThroughTheEngine() throws {
    let keys = Debrief(game: try DebriefGames.mixed()).keyTurns
    // Turn 2 with rally instead of control: morale 70, then finish-manage; Thriving.
    let rally = try #require(keys.last?.alternatives.first)
    #expect(keys.last?.alternatives.count == 1)
    #expect(rally.choice == "rally" && rally.style == .leader)
    #expect(rally.followed == 1)
    #expect(rally.stop == .ended)
    #expect(rally.comparedAfterTurn == 3)
    #expect(numbers(rally.meters) == [70, 61, 50])
    #expect(numbers(rally.yours) == [55, 61, 60])
    #expect(rally.ending?.id == "thrive")
    // Turn 1 with plan: the third manager move in a row keeps half its gain.
    let plan = try #require(keys.first?.alternatives.first)
    #expect(plan.choice == "plan" && plan.followed == 2)
    #expect(numbers(plan.meters) == [45, 62, 60])
    let debrief = Debrief(game: try DebriefGames.mixed())
    #expect(
      debrief.outcome(of: rally)
        == "Thriving (success) instead of your Muddling through. After turn 3: morale 70 (+15), efficiency 61 (0), stability 50 (-10) against yours."
    )
    #expect(debrief.outcome(of: plan).hasPrefix("The same ending, Muddling through."))
  }

  @Test func anAlternativeStopsWhereYourNextMoveIsNotOffered() throws {
    // Turn 1 was plan; the gamble leads to the detour scene, where rally is not offered.
    let keys = Debrief(game: try DebriefGames.thriving()).keyTurns
    let first = try #require(keys.first)
    #expect(first.turn == 1)
    #expect(first.alternatives.map(\.choice) == ["vision", "gamble"])
    let gamble = try #require(first.alternatives.last)
    #expect(gamble.stop == .notOffered)
    #expect(gamble.followed == 0)
    #expect(gamble.comparedAfterTurn == 1)
    #expect(gamble.yours.efficiency == 60)
    let vision = try #require(first.alternatives.first)
    #expect(vision.stop == .ended && vision.followed == 2)
    #expect(
      Debrief(game: try DebriefGames.thriving()).outcome(of: gamble).hasPrefix(
        "Your move on turn 2 was not offered on that path"))
  }

  @Test func quizScoresRightAnswersOverEveryMove() throws {
    let debrief = Debrief(game: try DebriefGames.mixed(), quiz: [.leader, .leader, nil])
    let quiz = try #require(debrief.quiz)
    #expect((quiz.right, quiz.answered, quiz.total, quiz.percent) == (1, 2, 3, 33))
    #expect(quiz.missed == [2, 3])
    #expect(debrief.turns.map(\.guess) == [.leader, .leader, nil])
    #expect(debrief.quizMiss(2) == "turn 2 (said leader, was manager)")
    #expect(debrief.quizMiss(3) == "turn 3 (no answer, was manager)")
    #expect(Debrief(game: try DebriefGames.mixed()).quiz == nil)
  }

  @Test func teamMembersTakeTurnsInOrder() throws {
    let debrief = Debrief(game: try DebriefGames.mixed(), players: ["Ana", "Ben"], quiz: [.leader, .leader, .manager])
    #expect(debrief.turns.map(\.player) == ["Ana", "Ben", "Ana"])
    #expect(debrief.members.map(\.name) == ["Ana", "Ben"])
    #expect(debrief.members.map(\.turns) == [[1, 3], [2]])
    #expect(debrief.members.map(\.leader) == [1, 0])
    #expect(debrief.members.map(\.manager) == [1, 1])
    #expect(debrief.members.map(\.quizRight) == [2, 0])
    #expect(Debrief(game: try DebriefGames.mixed(), players: ["Solo"]).members.first?.quizRight == nil)
  }

  @Test func jsonRoundTripsAndNamesItsParts() throws {
    let debrief = Debrief(game: try DebriefGames.mixed(), name: "team-a", players: ["Ana"], quiz: [.leader, nil, nil])
    let data = try JSONEncoder().encode(debrief)
    #expect(try JSONDecoder().decode(Debrief.self, from: data) == debrief)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    for key in [
      "name", "scenario", "seed", "finished", "ending", "unreached", "turns", "meters", "styles", "lenses", "landed",
      "keyTurns", "quiz", "members",
    ] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let styles = try #require(object["styles"] as? [String: Any])
    #expect(styles["leaderShare"] as? Int == 33 && styles["managerShare"] as? Int == 67)
  }
}
