import Testing

@testable import OverlapEngine

/// Every rule of a move, each checked on a small scenario built for it.
@Suite struct EngineTests {
  func engine(_ yaml: String) throws -> Engine {
    Engine(scenario: try Fixtures.load(yaml))
  }

  func play(_ engine: Engine, _ moves: [String], seed: UInt64 = 1) throws -> Playthrough {
    try Playthrough.replay(engine: engine, seed: seed, moves: moves)
  }

  /// A scenario whose scenes each offer the two choices `lead` (+amount morale) and `manage`.
  static func streakScenario(scenes count: Int, extra: String = "") -> String {
    let scenes = (1...count).map { index in
      """
        - id: s\(index)
          text: Scene \(index)
          choices:
            - id: lead\(index)
              text: Lead
              style: leader
              effects: {morale: 10}
            - id: manage\(index)
              text: Manage
              style: manager
              effects: {efficiency: 10}
      """
    }.joined(separator: "\n")
    return Fixtures.scenario(scenes: scenes, extra: extra)
  }

  @Test func metersClampAtBothEnds() throws {
    let engine = try engine(Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - id: up
              text: Up
              style: leader
              effects: {morale: 90, efficiency: -90}
      """))
    let game = try play(engine, ["up"])
    #expect(game.state.meter(.morale) == 100)
    #expect(game.state.meter(.efficiency) == 0)
  }

  @Test func variablesClampToTheirDeclaredBounds() throws {
    let engine = try engine(Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - id: spend
              text: Spend
              style: manager
              effects: {budget: -50, count: -50}
      """, extra: "variables: {budget: {start: 10, min: 0, max: 20}, count: 3}"))
    let game = try play(engine, ["spend"])
    #expect(game.state.values[3] == 0)
    #expect(game.state.values[4] == -47)
  }

  @Test func streakBeyondTheLimitKeepsOnlyTheFadeOfGains() throws {
    let engine = try engine(Self.streakScenario(scenes: 4))
    let game = try play(engine, ["lead1", "lead2", "lead3", "manage4"])
    // 50 +10 +10 then +5 (third leader move in a row, fade 50%), then a manager move at full strength.
    #expect(game.states.map { $0.meter(.morale) } == [50, 60, 70, 75, 75])
    #expect(game.reports.map(\.strength) == [100, 100, 50, 100])
    #expect(game.state.meter(.efficiency) == 60)
  }

  @Test func switchingStyleResetsTheStreak() throws {
    let engine = try engine(Self.streakScenario(scenes: 4))
    let game = try play(engine, ["lead1", "lead2", "manage3", "lead4"])
    #expect(game.reports.map(\.strength) == [100, 100, 100, 100])
  }

  @Test func balanceSettingsAreRead() throws {
    let engine = try engine(Self.streakScenario(scenes: 3, extra: "balance: {streak: 1, fade: 0}"))
    let game = try play(engine, ["lead1", "lead2", "lead3"])
    #expect(game.states.map { $0.meter(.morale) } == [50, 60, 60, 60])
  }

  @Test func lossesAreNotFaded() throws {
    let engine = try engine(Fixtures.scenario(scenes: (1...3).map { index in
      """
        - id: s\(index)
          text: S
          choices:
            - id: push\(index)
              text: Push
              style: manager
              effects: {morale: -10}
      """
    }.joined(separator: "\n")))
    let game = try play(engine, ["push1", "push2", "push3"])
    #expect(game.state.meter(.morale) == 20)
  }

  @Test func delayedEffectsLandAtTheEndOfTheRightTurn() throws {
    let yaml = Fixtures.scenario(scenes: (1...4).map { index in
      """
        - id: s\(index)
          text: S
          choices:
            - id: c\(index)
              text: C
              style: \(index % 2 == 0 ? "leader" : "manager")
      \(index == 1 ? "        later: [{in: 2, effects: {stability: 7}, text: It paid off.}]" : "")
      """
    }.joined(separator: "\n"))
    let game = try play(try engine(yaml), ["c1", "c2", "c3", "c4"])
    #expect(game.states.map { $0.meter(.stability) } == [50, 50, 50, 57, 57])
    #expect(game.reports[0].scheduled == [TurnReport.Scheduled(turn: 3, effects: ["stability": 7], strength: 100)])
    #expect(game.reports[2].landed.map(\.from) == ["c1"])
    #expect(game.reports[2].landed.first?.text == "It paid off.")
    #expect(game.reports[2].landed.first?.playedOnTurn == 1)
  }

  /// Faded amounts are worked out at load for the balance rule's fade; a delayed effect
  /// queued at any other strength (as the lab's states may be) is still scaled exactly.
  @Test func aDelayedEffectKeepsTheStrengthItWasQueuedWith() throws {
    let yaml = Fixtures.scenario(scenes: """
        - id: s1
          text: S
          choices:
            - id: c1
              text: C
              style: manager
              later: [{in: 1, effects: {stability: 45, morale: -9}}]
        - id: s2
          text: S
          choices:
            - {id: c2, text: C, style: leader}
      """, extra: "balance: {streak: 1, fade: 50}")
    let engine = try engine(yaml)
    for (strength, stability) in [(100, 95), (50, 72), (37, 66), (0, 50)] {
      var state = engine.start(seed: 1)
      state.queue(GameState.Pending(due: 1, source: .choice(0), index: 0, strength: strength))
      engine.choose(0, in: &state)
      // The first `c1` schedules its own copy for the next turn; only the queued one has landed.
      #expect(state.meter(.stability) == stability, "strength \(strength)")
      #expect(state.meter(.morale) == 41, "losses stay whole at strength \(strength)")
    }
  }

  @Test func reportsCreditEachChangeToWhatCausedIt() throws {
    let yaml = Fixtures.scenario(scenes: """
        - id: s1
          text: S
          choices:
            - id: c1
              text: C
              style: manager
              later: [{in: 1, effects: {stability: 7}}]
        - id: s2
          text: S
          choices:
            - id: c2
              text: C
              style: leader
              effects: {morale: 5}
      """, extra: """
      events:
        - id: bump
          title: Bump
          when: morale > 50
          effects: {efficiency: -3}
      """)
    let game = try play(try engine(yaml), ["c1", "c2"])
    let second = game.reports[1]
    #expect(second.changes.map(\.name) == ["morale", "efficiency", "stability"])
    #expect(second.landed.first?.changes == [TurnReport.Change(name: "stability", before: 50, after: 57)])
    #expect(second.events.first?.changes == [TurnReport.Change(name: "efficiency", before: 50, after: 47)])
  }

  /// The typed record groups each change under its cause as the rules run (issue: one
  /// record of play). Before, an event with `later` effects reported no changes at all.
  @Test func anEventWithLaterEffectsKeepsItsOwnChanges() throws {
    let yaml = Fixtures.scenario(scenes: """
        - id: s1
          text: S
          choices:
            - id: c1
              text: C
              style: leader
              effects: {morale: 5}
              chance: [{percent: 99, effects: {stability: 2}}]
        - id: s2
          text: S
          choices:
            - {id: c2, text: C, style: manager}
      """, extra: """
      events:
        - id: rally
          title: Rally
          when: morale > 50
          effects: {efficiency: 4}
          later: [{in: 1, effects: {morale: 1}}]
      """)
    let game = try play(try engine(yaml), ["c1", "c2"])
    let first = game.turns[0]
    #expect(first.effects == [Turn.Change(target: 0, before: 50, after: 55)])
    #expect(first.rolls == [Turn.Roll(chance: 0, hit: true, changes: [Turn.Change(target: 2, before: 50, after: 52)])])
    #expect(first.scheduled.isEmpty)
    #expect(first.events.count == 1)
    #expect(first.events.first?.changes == [Turn.Change(target: 1, before: 50, after: 54)])
    #expect(first.events.first?.scheduled.map(\.source) == [.event(0)])
    #expect(game.report(0).events.first?.changes == [TurnReport.Change(name: "efficiency", before: 50, after: 54)])
    #expect(game.report(0).scheduled.map(\.turn) == [2])
    #expect(game.turns[1].landed.map(\.changes) == [[Turn.Change(target: 0, before: 55, after: 56)]])
  }

  /// A chance that misses can say what did not happen (issue: one record of play).
  @Test func aMissedChanceShowsItsMissText() throws {
    let yaml = Fixtures.scenario(scenes: """
        - id: s1
          text: S
          choices:
            - id: risky
              text: Risky
              style: leader
              chance:
                - {percent: 1, effects: {morale: -20}, text: It went wrong., miss: "The risk, a {morale}-point slump, did not come."}
      """)
    let game = try play(try engine(yaml), ["risky"])
    #expect(game.turns[0].rolls.map(\.hit) == [false])
    #expect(game.report(0).rolls.first?.text == "The risk, a 50-point slump, did not come.")
  }

  /// `elif` and `else` paragraphs: exactly one paragraph of a chain shows.
  @Test(arguments: [(70, "High."), (40, "Middling."), (10, "Low.")])
  func elifAndElseShowOneParagraphOfTheChain(morale: Int, expected: String) throws {
    let yaml = Fixtures.scenario(scenes: """
        - id: s1
          text:
            - Always.
            - if: morale > 60
              text: High.
            - elif: morale > 30
              text: Middling.
            - else: Low.
          choices:
            - {id: c1, text: C, style: leader}
      """, extra: "meters: {morale: \(morale), efficiency: 50, stability: 50}")
    let game = Playthrough(engine: try engine(yaml), seed: 1)
    #expect(game.sceneText == "Always.\n\n\(expected)")
  }

  @Test func elifAndElseNeedAnIfBeforeThem() {
    let yaml = Fixtures.scenario(scenes: """
        - id: s1
          text:
            - Plain.
            - else: Orphan.
          choices:
            - {id: c1, text: C, style: leader}
      """)
    #expect(throws: ScenarioError.self) { try engine(yaml) }
    do {
      _ = try engine(yaml)
    } catch let error as ScenarioError {
      #expect(error.diagnostics.map(\.message) == ["'else' in the text of scene 's1' must follow an 'if' or 'elif' paragraph"])
    } catch {}
  }

  /// Events tied to scenes fire by where the story is, whatever the turn number.
  @Test func eventsCanBeTiedToScenes() throws {
    let yaml = Fixtures.scenario(scenes: """
        - id: s1
          text: S
          choices:
            - {id: short, text: Short, style: leader, next: s3}
            - {id: long, text: Long, style: manager}
        - id: s2
          text: S
          choices:
            - {id: c2, text: C, style: leader}
        - id: s3
          text: S
          choices:
            - {id: c3, text: C, style: leader}
      """, extra: """
      events:
        - {id: arrive, title: Arrive, in: s3, effects: {morale: 1}}
        - {id: leave, title: Leave, after: [s2], effects: {stability: 1}}
        - {id: lastly, title: Lastly, in: s3, after: s3}
      """)
    let engine = try engine(yaml)
    let short = try play(engine, ["short", "c3"])
    #expect(short.turns.map { $0.events.map(\.event) } == [[0], []])
    let long = try play(engine, ["long", "c2", "c3"])
    #expect(long.turns.map { $0.events.map(\.event) } == [[], [0, 1], []])
  }

  @Test func delayedEffectsDueAfterTheEndNeverLand() throws {
    let engine = try engine(Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - id: c
              text: C
              style: leader
              later: [{in: 3, effects: {stability: 7}}]
      """))
    let game = try play(engine, ["c"])
    #expect(game.isFinished)
    #expect(game.state.meter(.stability) == 50)
    #expect(game.state.pending.count == 1)
  }

  @Test func offerConditionsHideChoices() throws {
    let engine = try engine(Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - id: always
              text: Always
              style: leader
            - id: rich
              text: Rich
              style: manager
              if: morale > 60
      """))
    let state = engine.start(seed: 1)
    #expect(engine.legalChoices(in: state) == [0])
    #expect(throws: MoveError("'rich' is not a choice offered in scene 'a' (offered: always)", turn: 1)) {
      try engine.resolveMove("rich", in: state)
    }
    #expect(throws: MoveError("move 2 is not offered in scene 'a'; choose 1 to 1", turn: 1)) {
      try engine.resolveMove("2", in: state)
    }
  }

  @Test func flagsSetAndClearAndShowInText() throws {
    let engine = try engine(Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - id: promise
              text: Promise
              style: leader
              set: [promised]
        - id: b
          text:
            - "Morale is {morale}."
            - if: promised
              text: You promised.
          choices:
            - id: forget
              text: Forget
              style: manager
              unset: [promised]
        - id: c
          text: C
          choices:
            - id: done
              text: Done
              style: leader
      """, extra: "flags: [promised]"))
    var game = try play(engine, ["promise"])
    #expect(game.state.flags == [true])
    #expect(game.sceneText == "Morale is 50.\n\nYou promised.")
    try game.play("forget")
    #expect(game.state.flags == [false])
  }

  @Test func aChoiceNextOverridesTheSceneOrder() throws {
    let engine = try engine(Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - id: skip
              text: Skip
              style: leader
              next: c
            - id: stay
              text: Stay
              style: manager
        - id: b
          text: B
          choices:
            - id: b1
              text: B1
              style: leader
        - id: c
          text: C
          choices:
            - id: c1
              text: C1
              style: leader
              next: end
        - id: d
          text: D
          choices:
            - id: d1
              text: D1
              style: leader
      """))
    #expect(try play(engine, ["skip"]).state.scene == 2)
    #expect(try play(engine, ["stay"]).state.scene == 1)
    #expect(try play(engine, ["skip", "c1"]).isFinished)
    #expect(engine.scenario.maxTurns == 3)
  }

  @Test func eventsFireOnceByDefaultAndCanRepeat() throws {
    let yaml = Self.streakScenario(scenes: 4, extra: """
      events:
        - id: once
          title: Once
          when: morale >= 60
          effects: {stability: 1}
        - id: every
          title: Every
          when: morale >= 60
          once: false
          effects: {stability: 10}
      """)
    let game = try play(try engine(yaml), ["lead1", "manage2", "lead3", "manage4"])
    #expect(game.reports.map { $0.events.map(\.id) } == [["once", "every"], ["every"], ["every"], ["every"]])
    #expect(game.state.meter(.stability) == 91)
  }

  @Test func chanceEffectsFollowTheSeed() throws {
    let yaml = Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - id: gamble
              text: Gamble
              style: leader
              chance:
                - percent: 50
                  effects: {morale: 20}
                  set: [won]
                  text: It worked.
      """, extra: "flags: [won]")
    let engine = try engine(yaml)
    var wins = 0
    for seed in UInt64(1)...200 {
      let game = try play(engine, ["gamble"], seed: seed)
      let won = game.state.flags[0]
      #expect(game.state.meter(.morale) == (won ? 70 : 50))
      #expect(game.reports[0].rolls == [TurnReport.Roll(percent: 50, hit: won, text: won ? "It worked." : nil)])
      if won { wins += 1 }
      // The same seed always rolls the same way.
      #expect(try play(engine, ["gamble"], seed: seed).state == game.state)
    }
    #expect((80...120).contains(wins))
  }

  @Test func immediateEndingsStopTheGameAtOnce() throws {
    let yaml = Fixtures.scenario(scenes: (1...3).map { index in
      """
        - id: s\(index)
          text: S
          choices:
            - id: crush\(index)
              text: Crush
              style: manager
              effects: {morale: -30}
      """
    }.joined(separator: "\n"), endings: """
        - id: collapse
          title: Collapse
          tone: failure
          immediate: true
          when: morale < 10
        - id: fine
          title: Fine
          tone: mixed
      """)
    let engine = try engine(yaml)
    var game = try play(engine, ["crush1"])
    #expect(!game.isFinished)
    try game.play("crush2")
    #expect(game.ending?.id == "collapse")
    #expect(game.reports.last?.ending?.tone == .failure)
    #expect(throws: MoveError("the game is already over; move 'crush3' cannot be played", turn: 3)) {
      try game.play("crush3")
    }
  }

  @Test func finalEndingsAreTriedInOrderWithTheDefaultLast() throws {
    let endings = """
        - id: great
          title: Great
          tone: success
          when: morale >= 60 and efficiency >= 60
        - id: warm
          title: Warm
          tone: mixed
          when: morale >= 60
        - id: fine
          title: Fine
          tone: mixed
      """
    let engine = try engine(Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - id: both
              text: Both
              style: leader
              effects: {morale: 10, efficiency: 10}
            - id: warmth
              text: Warmth
              style: leader
              effects: {morale: 10}
            - id: nothing
              text: Nothing
              style: manager
      """, endings: endings))
    #expect(try play(engine, ["both"]).ending?.id == "great")
    #expect(try play(engine, ["warmth"]).ending?.id == "warm")
    #expect(try play(engine, ["nothing"]).ending?.id == "fine")
  }

  @Test func aSceneWithNoOfferedChoiceEndsTheGame() throws {
    let engine = try engine(Fixtures.scenario(scenes: """
        - id: a
          text: A
          choices:
            - id: go
              text: Go
              style: leader
        - id: b
          text: B
          choices:
            - id: locked
              text: Locked
              style: leader
              if: morale > 90
      """))
    let game = try play(engine, ["go"])
    #expect(game.isFinished)
    #expect(game.ending?.id == "fine")
  }

  @Test func builtinsCountTurnsAndStyles() throws {
    let engine = try engine(Self.streakScenario(scenes: 3, extra: """
      events:
        - id: tally
          title: "Tally"
          when: turn == 3 and leader_moves == 1 and manager_moves == 1
          effects: {stability: 5}
      """))
    let game = try play(engine, ["lead1", "manage2"])
    #expect(game.reports[1].events.map(\.id) == ["tally"])
  }
}
