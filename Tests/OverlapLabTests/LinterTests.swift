import Foundation
import OverlapEngine
import OverlapText
import Testing

@testable import OverlapLab

/// Each lint rule, on a scenario built to break it, plus the files the lab ships.
@Suite struct LinterTests {
  func lint(_ yaml: String) -> [LintFinding] {
    Linter.lint(data: Data(yaml.utf8), path: "test.yaml")
  }

  func rules(_ findings: [LintFinding]) -> [LintRule] {
    findings.map(\.rule)
  }

  /// The 1-based line of the first line of `yaml` that contains `needle`.
  func line(of needle: String, in yaml: String) -> Int? {
    yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
  }

  /// Two scenes, both styles everywhere, both tones: nothing to report.
  let cleanYAML = LabFixtures.scenario(scenes: LabFixtures.scene("a") + "\n" + LabFixtures.scene("b"))

  @Test func aCleanScenarioHasNoFindings() throws {
    #expect(lint(cleanYAML).isEmpty)
    #expect(try Linter.lint(path: LabFixtures.clean).isEmpty)
  }

  @Test func loaderErrorsComeThroughWithTheirPositions() {
    let findings = lint("id: t\ntitle: T\n")
    #expect(!findings.isEmpty)
    #expect(findings.allSatisfy { $0.rule == .load && $0.severity == .error })
    let syntax = lint("id: t\n  title: [unclosed\n")
    #expect(syntax.first?.description.hasPrefix("test.yaml:2:") == true)
  }

  @Test func missingAndFolderPathsThrow() {
    #expect(throws: FileProblem.self) { try Linter.lint(path: "/nonexistent/file.yaml") }
    #expect(throws: FileProblem.self) { try Linter.lint(path: LabFixtures.path("Tests/Fixtures")) }
  }

  // MARK: - Reachability

  @Test func scenesNothingLeadsToAreErrors() {
    let yaml = LabFixtures.scenario(scenes: LabFixtures.scene("a", extra: "    next: end") + "\n" + LabFixtures.scene("b"))
    let findings = lint(yaml)
    #expect(rules(findings) == [.unreachableScene])
    #expect(findings[0].severity == .error)
    #expect(findings[0].diagnostic.message.contains("scene 'b' is never reached: no choice or 'next' leads to it"))
    #expect(findings[0].diagnostic.location.line == line(of: "- id: b", in: yaml))
  }

  @Test func scenesBehindImpossibleConditionsAreErrors() {
    let yaml = LabFixtures.scenario(scenes: """
        - id: a
          text: A.
          choices:
            - id: lead
              text: Lead
              style: leader
              lens: vision-tasks
              note: N.
              next: c
            - id: never
              text: Never
              style: manager
              lens: vision-tasks
              note: N.
              if: efficiency > 100
              next: b
      \(LabFixtures.scene("b"))
      \(LabFixtures.scene("c"))
      """)
    let findings = lint(yaml)
    #expect(rules(findings).sorted { $0.rawValue < $1.rawValue } == [.neverTrue, .unreachableScene])
    let never = findings.first { $0.rule == .neverTrue }
    #expect(never?.diagnostic.message == "choice 'never' is never offered: its condition 'efficiency > 100' can never be true (efficiency is 50..100)")
    // Points at the 'if' key, not at the choice.
    #expect(never?.diagnostic.location == SourceLocation(line: line(of: "if: efficiency", in: yaml) ?? 0, column: 9))
    #expect(findings.contains { $0.diagnostic.message.contains("scene 'b' is never reached: every choice that leads to it has a condition") })
  }

  // MARK: - Conditions

  @Test(arguments: [
    ("morale > 100", true), ("morale < 0", true), ("budget > 20", true), ("promised", true),
    ("turn > 10", true), ("leader_moves > 0 and manager_moves > 9", true), ("morale * 0 == 1", true),
    ("morale / 0 != 0", true), ("abs(morale - 200) < 100", true), ("min(morale, 5) > 5", true),
    ("morale % 7 > 6", true), ("not (morale <= 100)", true),
    ("morale >= 60", false), ("budget <= 15", false), ("morale + efficiency > 150", false),
    ("turn == 2 or promised", false), ("morale % 7 == 6", false), ("leader_moves > 1", false),
  ])
  func conditionsThatCanNeverHoldAreFound(condition: String, never: Bool) {
    let yaml = LabFixtures.scenario(
      scenes: LabFixtures.scene("a", manage: "efficiency: 10, budget: -3") + """

          - id: b
            text: B.
            choices:
              - id: maybe
                text: Maybe
                style: leader
                lens: vision-tasks
                note: N.
                if: "\(condition)"
              - id: b-manage
                text: Manage
                style: manager
                lens: vision-tasks
                note: N.
        """,
      extra: "variables: {budget: {start: 10, min: 0, max: 20}}\nflags: [promised]")
    let findings = lint(yaml).filter { $0.rule == .neverTrue }
    #expect(findings.count == (never ? 1 : 0), "\(condition): \(findings)")
  }

  @Test func alwaysTrueChoiceConditionsAreWarnings() {
    let yaml = LabFixtures.scenario(scenes: LabFixtures.scene("a").replacingOccurrences(of: "      note: A leader move.", with: "      note: A leader move.\n        if: morale <= 100 or efficiency > 3"))
    let findings = lint(yaml)
    #expect(rules(findings) == [.alwaysTrue])
    #expect(findings[0].severity == .warning)
  }

  @Test func eventsThatCanNeverFireAreErrors() {
    let yaml = LabFixtures.scenario(scenes: LabFixtures.scene("a"), extra: """
      events:
        - id: slump
          title: Slump
          when: morale < 50
          effects: {stability: -5}
        - id: boom
          title: Boom
          when: stability > 60
      """)
    let findings = lint(yaml)
    // Morale only rises, so 'slump' cannot fire; and without it stability never moves.
    #expect(rules(findings) == [.neverTrue, .neverTrue])
    #expect(findings.map(\.diagnostic.message).allSatisfy { $0.contains("can never fire") })
  }

  @Test func hiddenParagraphsAreWarnings() {
    let yaml = LabFixtures.scenario(scenes: LabFixtures.scene("a", extra: "    discuss: Why?").replacingOccurrences(
      of: "    text: Scene a.", with: "    text:\n      - Scene a.\n      - if: stability > 50\n        text: Never."))
    let findings = lint(yaml)
    #expect(rules(findings) == [.neverTrue])
    #expect(findings[0].severity == .warning)
    #expect(findings[0].diagnostic.message.hasPrefix("a paragraph of scene 'a' is never shown"))
  }

  // MARK: - Endings

  @Test func endingsHiddenByAnAlwaysTrueEndingAreErrors() {
    let yaml = LabFixtures.scenario(scenes: LabFixtures.scene("a"), endings: """
        - id: early
          title: Early
          tone: mixed
          when: morale >= 50
        - id: good
          title: Good
          tone: success
          when: morale >= 60
        - id: bad
          title: Bad
          tone: failure
      """)
    let findings = lint(yaml)
    #expect(rules(findings) == [.unreachableEnding, .unreachableEnding])
    #expect(findings[0].diagnostic.message == "ending 'good' can never be reached: ending 'early' comes before it and always applies")
  }

  @Test func endingsWithImpossibleConditionsAndAlwaysTrueImmediateEndings() {
    let yaml = LabFixtures.scenario(scenes: LabFixtures.scene("a"), endings: """
        - id: instant
          title: Instant
          tone: failure
          immediate: true
          when: stability >= 0
        - id: good
          title: Good
          tone: success
          when: stability > 50
        - id: bad
          title: Bad
          tone: failure
      """)
    let messages = lint(yaml).map(\.diagnostic.message)
    #expect(messages.contains("ending 'instant' is immediate and always applies, so every game ends after the first move"))
    #expect(messages.contains { $0.hasPrefix("ending 'good' can never be reached: its condition 'stability > 50' can never be true") })
  }

  @Test func delayedEffectsThatCannotLandAreWarnings() {
    let lead = "morale: 10}\n        later:\n          - in: 2\n            effects: {efficiency: 5"
    let yaml = LabFixtures.scenario(scenes: LabFixtures.scene("a", lead: lead) + "\n" + LabFixtures.scene("b", lead: lead))
    let findings = lint(yaml)
    // From 'a' one more turn follows, from 'b' none.
    #expect(rules(findings) == [.neverLands, .neverLands])
    #expect(findings[1].diagnostic.message.contains("the story ends with this choice"))
  }

  // MARK: - Names

  @Test func variablesAndFlagsMustBeBothSetAndRead() {
    let yaml = LabFixtures.scenario(
      scenes: LabFixtures.scene("a", lead: "morale: 10, written: 1", extra: "    discuss: \"{read}\"").replacingOccurrences(
        of: "    text: Scene a.", with: "    text: \"Scene {read} {on} {off}.\"")
        .replacingOccurrences(of: "      note: A manager move.", with: "      note: A manager move.\n        set: [raised]\n        unset: [off]"),
      extra: "variables: {idle: 1, read: 2, written: 3}\nflags: {unused: false, raised: false, on: false, off: true}")
    let findings = lint(yaml)
    let messages = findings.map(\.diagnostic.message)
    #expect(messages.contains("variable 'idle' is declared but never used; remove it"))
    #expect(messages.contains { $0.hasPrefix("variable 'read' is read but no effect changes it, so it is always 2") })
    #expect(messages.contains { $0.hasPrefix("variable 'written' is changed but no condition or text reads it") })
    #expect(messages.contains("flag 'unused' is declared but never used; remove it"))
    #expect(messages.contains { $0.hasPrefix("flag 'raised' is set but no condition or text reads it") })
    #expect(messages.contains { $0.hasPrefix("flag 'on' is read but nothing sets it, so it is always false") })
    #expect(!messages.contains { $0.contains("flag 'off'") })
    #expect(findings.allSatisfy { $0.severity == .warning })
  }

  // MARK: - Teaching content

  @Test func choicesNeedNotesAndLensesAndScenesBothStyles() {
    let yaml = LabFixtures.scenario(scenes: """
        - id: a
          text: A.
          choices:
            - id: one
              text: One
              style: manager
              effects: {morale: 10}
            - id: two
              text: Two
              style: manager
              lens: vision-tasks
              note: N.
      """)
    let findings = lint(yaml)
    #expect(rules(findings) == [.oneStyle, .noNote, .noLens])
    #expect(findings[0].diagnostic.message.contains("offers only manager moves; add a leader move"))
  }

  @Test func scenariosNeedSuccessAndFailureEndings() {
    let yaml = LabFixtures.scenario(scenes: LabFixtures.scene("a"), endings: """
        - id: meh
          title: Meh
          tone: mixed
      """)
    let findings = lint(yaml)
    #expect(rules(findings) == [.missingTone, .missingTone])
    #expect(findings[0].diagnostic.location.line == 23)
  }

  @Test func duplicateTestNamesAreErrors() {
    let yaml = cleanYAML + """

      tests:
        - name: same
          moves: [a-lead]
        - name: same
          moves: [a-manage]
      """
    let findings = lint(yaml)
    #expect(rules(findings) == [.duplicateID])
    #expect(findings[0].severity == .error)
  }

  // MARK: - Layout

  @Test func longTitlesAndUnbreakableWordsAreWarnings() {
    let yaml = cleanYAML
      .replacingOccurrences(of: "title: T\n", with: "title: \(String(repeating: "T", count: 41))\n")
      .replacingOccurrences(of: "Scene b.", with: "Scene b. " + String(repeating: "x", count: 77))
    let findings = lint(yaml)
    #expect(rules(findings) == [.tooWide, .tooWide])
    #expect(findings[0].diagnostic.message.hasPrefix("the title is 41 columns wide"))
    #expect(findings[1].diagnostic.message.hasPrefix("scene 'b' has a word of 77 columns"))
  }

  /// Long moves matter only when a scene's list needs more rows than the screen has.
  @Test(arguments: [2, 4])
  func longMovesAreWarningsWhenTheListOverflows(count: Int) {
    let long = String(repeating: "word ", count: 30).trimmingCharacters(in: .whitespaces)
    let choices = (0..<count).map { number in
      """
            - id: move\(number)
              text: \(long)
              style: \(number % 2 == 0 ? "leader" : "manager")
              lens: vision-tasks
              note: N.
              effects: {morale: 10}
      """
    }.joined(separator: "\n")
    let yaml = LabFixtures.scenario(scenes: "  - id: a\n    text: A.\n    choices:\n" + choices)
    let findings = lint(yaml)
    // Each move wraps to three rows; two moves fit in the nine rows, four do not.
    #expect(findings.count == (count == 4 ? 4 : 0))
    #expect(findings.allSatisfy { $0.rule == .tooWide && $0.diagnostic.message.contains("can need 12 rows") })
  }

  @Test func wideCharactersCountTwoColumns() {
    #expect(TextLayout.width(of: "abc") == 3)
    #expect(TextLayout.width(of: "日本") == 4)
    #expect(TextLayout.width(of: "e\u{301}") == 1)
  }

  /// Text marked with the facts it takes for granted is checked against played games.
  @Test func textShownWithoutWhatItRequiresIsFound() throws {
    let yaml = LabFixtures.scenario(
      scenes: """
          - id: a
            text: Start.
            choices:
              - {id: pilot, text: Run a pilot, style: manager, lens: vision-tasks, note: n, set: [piloted]}
              - {id: skip, text: Skip it, style: leader, lens: vision-tasks, note: n}
          - id: b
            text:
              - {text: "Since the pilot, people trust the tool.", requires: [piloted]}
              - {if: piloted, text: "The pilot data is in.", requires: [piloted]}
            choices:
              - {id: build-on-it, text: Build on the pilot, style: leader, lens: vision-tasks, note: n, requires: [piloted]}
              - {id: other, text: Other, style: manager, lens: vision-tasks, note: n}
        """,
      extra: "flags: {piloted: false}")
    let messages = lint(yaml).filter { $0.rule == .unmetRequirement }.map(\.diagnostic.message)
    #expect(messages.count == 2, "\(messages)")
    #expect(messages.contains { $0.hasPrefix("a paragraph of scene 'b' takes 'piloted' for granted") && $0.contains("--moves skip") })
    #expect(messages.contains { $0.hasPrefix("choice 'build-on-it' takes 'piloted' for granted") })
  }

  @Test func anEventTiedToAnUnreachableSceneNeverFires() throws {
    let yaml = LabFixtures.scenario(
      scenes: LabFixtures.scene("a") + "\n" + LabFixtures.scene("b"),
      extra: """
        events:
          - {id: at-start, title: At start, in: a, effects: {morale: 1}}
          - {id: after-b, title: After b, after: b, effects: {morale: 1}}
        """)
    let messages = lint(yaml).filter { $0.rule == .neverTrue }.map(\.diagnostic.message)
    #expect(messages == ["event 'at-start' can never fire: no path reaches the scenes its 'in' names"])
  }

  @Test func stockPhrasesAcrossScenariosAreFoundOnceEach() throws {
    func scenario(_ id: String, _ text: String) throws -> Scenario {
      let scenes = "  - id: a\n    text: \"\(text)\"\n    choices:\n      - {id: c, text: C, style: leader}"
      var scenario = try LabFixtures.load(LabFixtures.scenario(scenes: scenes))
      scenario.path = id + ".yaml"
      return scenario
    }
    let phrase = "which from her counts as high praise"
    let scenarios = [
      try scenario("one", "She nods, \(phrase)."), try scenario("two", "A grunt, \(phrase)!"),
      try scenario("three", "Silence, \(phrase)."),
    ]
    let found = RepeatedPhrases.findings(in: scenarios).map(\.diagnostic.message)
    #expect(found.count == 1)
    #expect(found.first?.contains("'which from her counts as high praise' appears 3 times") == true, "\(found)")
    // A value in braces breaks a run, so a repeated status line is not a stock phrase.
    #expect(RepeatedPhrases.tokens("The grant stands at {budget}k today").contains("at") == true)
    #expect(RepeatedPhrases.findings(in: Array(repeating: try scenario("four", "The grant stands at {morale} thousand"), count: 3)).isEmpty)
  }

  // MARK: - Shipped files

  /// Scenes reached only through a chance's or an outcome's `next` are reachable, and a
  /// later effect counts the turns left on the longest route the move can take.
  @Test func routingOnResultsCountsForReachability() throws {
    let findings = try Linter.lint(path: LabFixtures.weighted)
    #expect(!findings.contains { $0.rule == .unreachableScene })
    let analysis = StaticAnalysis(try LabFixtures.engine(LabFixtures.weighted).scenario)
    #expect(analysis.scenes.allSatisfy { $0 })
  }

  @Test func theFlawedFixtureTripsEveryRule() throws {
    let findings = try Linter.lint(path: LabFixtures.flawed)
    let found = Set(findings.map(\.rule))
    // Stock phrases are found across files, by `check --strict`, not in one file.
    #expect(found == Set(LintRule.allCases).subtracting([.load, .repeatedPhrase]))
    #expect(findings.count { $0.severity == .error } == 7)
  }

  /// The static analysis over-approximates play, so nothing a playthrough reaches may
  /// be reported as unreachable or never true. The fixtures are explored exhaustively;
  /// the built-in scenarios, too big for a debug build, by sampling.
  @Test(arguments: LabFixtures.playable)
  func staticVerdictsAgreeWithPlay(path: String) throws {
    let engine = try LabFixtures.engine(path)
    let scenario = engine.scenario
    let reached: (scenes: [Bool], choices: [Bool], events: [Bool], endings: [Bool])
    if path.contains("/Tests/Fixtures/") {
      let result = try ExhaustiveExplorer(engine: engine).explore(.random, maxStates: 100_000)
      reached = (result.scenes, result.choices, result.events, result.probabilities.map { $0 > 0 })
    } else {
      let tally = Explorer(engine: engine).sample(.random, runs: 3000, seed: 5, jobs: 2)
      reached = (tally.scenes.map { $0 > 0 }, tally.choices.map { $0 > 0 }, tally.events.map { $0 > 0 }, tally.endings.map { $0 > 0 })
    }
    let analysis = StaticAnalysis(scenario)
    for index in scenario.scenes.indices where reached.scenes[index] { #expect(analysis.scenes[index], "scene \(scenario.scenes[index].id)") }
    for index in scenario.choices.indices where reached.choices[index] { #expect(analysis.choices[index], "choice \(scenario.choices[index].id)") }
    for index in scenario.events.indices where reached.events[index] { #expect(analysis.events[index], "event \(scenario.events[index].id)") }
    let unreachable = try Linter.lint(path: path).filter { $0.rule == .unreachableEnding }.map(\.diagnostic.message)
    for (index, ending) in scenario.endings.enumerated() where reached.endings[index] {
      #expect(!unreachable.contains { $0.hasPrefix("ending '\(ending.id)'") })
    }
  }
}
